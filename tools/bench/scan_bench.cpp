#include "scan_bench.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "scan/decoder.h"
#include "scan/image_file.h"
#include "scan/synthetic_corpus.h"

extern char** environ;

namespace longstop::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
constexpr int kRepeats = 3;  // each frame's time is the fastest of three: other processes add noise

struct Figures {
  std::vector<double> ms;
  int withCode = 0, read = 0, falsePositives = 0;
};

// Runs `decode` over the corpus; the text it returns (nullopt: nothing) is compared with the expected.
Figures measure(const std::vector<scan::synthetic::CorpusImage>& corpus,
                const std::function<std::optional<std::string>(size_t)>& decode) {
  Figures f;
  for (size_t i = 0; i < corpus.size(); ++i) {
    double best = 1e300;
    std::optional<std::string> text;
    for (int r = 0; r < kRepeats; ++r) {
      const auto t = Clock::now();
      text = decode(i);
      best = std::min(best, msSince(t));
    }
    f.ms.push_back(best);
    if (corpus[i].expectedText.empty())
      f.falsePositives += text.has_value();
    else {
      ++f.withCode;
      f.read += text && *text == corpus[i].expectedText;
    }
  }
  return f;
}

void add(Report& report, const std::string& prefix, const Figures& f) {
  report.add(prefix + "_ms_p50", percentile(f.ms, 50));
  report.add(prefix + "_ms_p99", percentile(f.ms, 99));
  report.add(prefix + "_detect_rate", f.withCode ? static_cast<double>(f.read) / f.withCode : 0);
  report.add(prefix + "_false_positives", f.falsePositives);
}

// Runs a program, returns its standard output, or nullopt when it cannot be started.
std::optional<std::string> run(const std::vector<std::string>& argv) {
  int out[2];
  if (::pipe(out) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  std::string text;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(out[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
  ::close(out[0]);
  if (rc != 0) return std::nullopt;
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) == 127) return std::nullopt;
  return text;
}

// zbarimg --raw prints each symbol's text on its own line; the first line is what it read.
std::optional<std::string> firstLine(const std::optional<std::string>& out) {
  if (!out || out->empty()) return std::nullopt;
  return out->substr(0, out->find('\n'));
}

}  // namespace

bool benchScan(const fs::path& dir, Report& report) {
  const auto corpus = scan::synthetic::makeCorpus();
  const scan::Decoder tuned(scan::DecoderProfile::kTuned), defaults(scan::DecoderProfile::kZxingDefault);
  auto text = [](const std::optional<scan::DecodedCode>& c) {
    return c ? std::optional(c->text) : std::nullopt;
  };
  const Figures t = measure(corpus, [&](size_t i) { return text(tuned.decode(corpus[i].frame)); });
  const Figures d = measure(corpus, [&](size_t i) { return text(defaults.decode(corpus[i].frame)); });
  add(report, "qr_decode", t);
  report.add("qr_detect_rate", t.withCode ? static_cast<double>(t.read) / t.withCode : 0);
  add(report, "zxing_default", d);
  report.add("qr_vs_zxing_default_p50", percentile(t.ms, 50) / percentile(d.ms, 50));
  report.add("qr_vs_zxing_default_p99", percentile(t.ms, 99) / percentile(d.ms, 99));
  report.add("qr_vs_zxing_default_mean", [&] {
    double a = 0, b = 0;
    for (double x : t.ms) a += x;
    for (double x : d.ms) b += x;
    return a / b;
  }());

  // zbarimg reads files: write them all first, then time one process per file.
  const fs::path pngs = dir / "scan-corpus";
  std::error_code ec;
  fs::create_directories(pngs, ec);
  for (const auto& img : corpus)
    if (!scan::writeGrayPng(pngs / (img.name + ".png"), img.frame)) return false;
  if (!run({"zbarimg", "--version"})) {
    std::fprintf(stderr,
                 "longstop-bench: zbarimg is not installed (Debian zbar-tools); its figures are left out\n");
    return true;
  }
  std::vector<double> baseline;
  for (int i = 0; i < 10; ++i) {
    const auto start = Clock::now();
    (void)run({"zbarimg", "--version"});
    baseline.push_back(msSince(start));
  }
  const Figures z = measure(corpus, [&](size_t i) {
    return firstLine(run({"zbarimg", "-q", "--raw", (pngs / (corpus[i].name + ".png")).string()}));
  });
  add(report, "zbarimg", z);
  report.add("zbarimg_baseline_ms", percentile(baseline, 50));
  return true;
}

}  // namespace longstop::bench
