#include "exporter/chain.h"

#include <algorithm>
#include <map>

#include "crypto/primitives.h"

namespace longstop::exporter {
namespace {

struct Entry {
  const NamedBytes* file;
  VerifiedBatch batch;
};

std::string shortHex(const std::string& raw) {
  return crypto::toHex(raw).substr(0, 16);
}

void checkDevice(std::vector<Entry>& list, int64_t fromSeq, ChainReport& report) {
  std::sort(list.begin(), list.end(),
            [](const Entry& a, const Entry& b) { return a.batch.header.seq < b.batch.header.seq; });
  const BatchHeader& first = list.front().batch.header;
  const std::string who = first.odsCode + "-" + first.deviceId;
  ChainReport::Device dev{first.odsCode, first.deviceId, first.seq, list.back().batch.header.seq, 0};
  auto problem = [&](const std::string& file, const std::string& reason) {
    report.problems.push_back({file, reason});
  };

  if (first.seq > fromSeq)
    problem("", "Batch " + who + " " + std::to_string(fromSeq) +
                    (first.seq - 1 > fromSeq ? " to " + std::to_string(first.seq - 1) : "") +
                    " is missing: the first batch given is number " + std::to_string(first.seq) + ".");
  const Entry* prev = nullptr;
  for (const Entry& e : list) {
    const BatchHeader& h = e.batch.header;
    if (h.signer != first.signer)
      problem(e.file->name, "It is signed by a different device key than " + list.front().file->name +
                                " although it claims the same device " + who + ".");
    if (prev && h.seq == prev->batch.header.seq) {
      if (e.batch.batchHash == prev->batch.batchHash)
        problem(e.file->name, "Replay: batch " + who + " " + std::to_string(h.seq) +
                                  " was already given as " + prev->file->name + " (the same bytes).");
      else
        problem(e.file->name, "Duplicate: two different batches are numbered " + who + " " +
                                  std::to_string(h.seq) + " (" + prev->file->name + " and this one).");
      continue;
    }
    if (prev && h.seq > prev->batch.header.seq + 1)
      problem("", "Batch " + who + " " + std::to_string(prev->batch.header.seq + 1) +
                      (h.seq - 1 > prev->batch.header.seq + 1 ? " to " + std::to_string(h.seq - 1) : "") +
                      " is missing between " + prev->file->name + " and " + e.file->name + ".");
    else if (prev && h.prevHash != prev->batch.batchHash)
      problem(e.file->name, "It does not chain to " + prev->file->name + ": it names the previous batch " +
                                shortHex(h.prevHash) + "…, but that file's hash is " +
                                shortHex(prev->batch.batchHash) + "….");
    if (!prev && h.seq == 1 && h.prevHash != std::string(32, '\0'))
      problem(e.file->name, "It is numbered 1 but names a previous batch.");
    dev.records += h.records;
    prev = &e;
  }
  report.devices.push_back(dev);
}

}  // namespace

ChainReport verifyChain(const std::vector<NamedBytes>& files, int64_t fromSeq) {
  ChainReport report;
  std::map<std::pair<std::string, std::string>, std::vector<Entry>> byDevice;
  for (const NamedBytes& f : files) {
    auto b = readBatchFile(f.bytes);
    if (!b.ok()) {
      report.problems.push_back({f.name, b.error().message});
      continue;
    }
    const auto key = std::make_pair(b->header.odsCode, b->header.deviceId);
    byDevice[key].push_back({&f, std::move(b.value())});
  }
  for (auto& [key, list] : byDevice) checkDevice(list, fromSeq, report);
  return report;
}

}  // namespace longstop::exporter
