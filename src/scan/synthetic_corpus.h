// The generated test corpus: 1280x720 frames with QR codes in conditions from easy to hard, and frames
// with no code. Made afresh at test and benchmark time; nothing binary is committed.
#pragma once

#include <string>
#include <vector>

#include "scan/frame.h"

namespace longstop::scan::synthetic {

struct CorpusImage {
  std::string name;          // "rotation-045", unique, usable as a file name
  std::string category;      // "size", "rotation", ..., "empty"
  std::string expectedText;  // empty: there is no code in the frame
  bool mustRead = false;     // a decoder worth shipping reads this one (the hardest are stretch goals)
  GrayFrame frame;
};

/// The whole corpus, the same on every run.
std::vector<CorpusImage> makeCorpus();

}  // namespace longstop::scan::synthetic
