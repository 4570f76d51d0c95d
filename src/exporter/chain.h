// Checking a set of batch files together, as the receiving PC does: each file on its own (layout,
// signature, payload hash), then the chain per device: no batch missing, none given twice, no two
// different batches with one number, each chained to the one before, one signing key per device.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "exporter/batch_file.h"

namespace longstop::exporter {

struct NamedBytes {
  std::string name;  // the file name, for messages
  std::string bytes;
};

struct ChainProblem {
  std::string file;    // the file concerned ("" for a batch that is absent)
  std::string reason;  // one sentence
};

struct ChainReport {
  struct Device {
    std::string odsCode;
    std::string deviceId;
    int64_t firstSeq = 0;
    int64_t lastSeq = 0;
    int64_t records = 0;
  };
  std::vector<Device> devices;         // the chains that were found
  std::vector<ChainProblem> problems;  // empty: every file and every chain is sound
  bool sound() const { return problems.empty(); }
};

/// `fromSeq` > 1 says that batches before it were checked earlier (their absence is then not a
/// problem, but the first given must be `fromSeq`).
ChainReport verifyChain(const std::vector<NamedBytes>& files, int64_t fromSeq = 1);

}  // namespace longstop::exporter
