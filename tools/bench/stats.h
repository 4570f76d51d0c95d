// Percentiles and a JSON line for the benchmark's figures.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace longstop::bench {

/// The p-th percentile (0..100) by nearest rank; 0 for no samples.
inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t rank = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(rank, v.size() - 1)];
}

/// Milliseconds since `t0` on the steady clock.
inline double msSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

/// Figures in the order they were added, printed as one JSON object.
class Report {
 public:
  void add(const std::string& key, double value) { figures_.emplace_back(key, value); }
  void print() const {
    std::printf("{");
    for (size_t i = 0; i < figures_.size(); ++i)
      std::printf("%s\"%s\":%.4g", i ? "," : "", figures_[i].first.c_str(), figures_[i].second);
    std::printf("}\n");
  }

 private:
  std::vector<std::pair<std::string, double>> figures_;
};

}  // namespace longstop::bench
