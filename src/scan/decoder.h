// Finding and reading codes in a grayscale frame with ZXing-cpp. The tuned settings and why they were
// chosen are in docs/scanning.md; the ZXing defaults are kept for the benchmark's comparison.
#pragma once

#include <optional>
#include <string>

#include "scan/frame.h"

namespace longstop::scan {

/// What was read: the text (UTF-8) and the symbology, e.g. "QRCode", "Code128".
struct DecodedCode {
  std::string text;
  std::string format;
};

/// How hard to look. kTuned is what the kiosk uses; kZxingDefault is ZXing's own defaults, for comparison.
enum class DecoderProfile { kTuned, kZxingDefault };

/// Stateless apart from its settings; decode() may be called from any one thread at a time.
class Decoder {
 public:
  explicit Decoder(DecoderProfile profile = DecoderProfile::kTuned) : profile_(profile) {}
  /// The first code found, or nothing. Never throws (a ZXing exception counts as nothing found).
  std::optional<DecodedCode> decode(const GrayFrame& frame) const;

 private:
  DecoderProfile profile_;
};

}  // namespace longstop::scan
