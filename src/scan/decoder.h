// Finding and reading codes in a grayscale frame with ZXing-cpp. The tuned settings and why they were
// chosen are in docs/scanning.md; the ZXing defaults are kept for the benchmark's comparison.
#pragma once

#include <optional>
#include <string>
#include <vector>

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
  /// Every code found by the first pass that finds any, with the same settings as decode(): a photo
  /// of a kiosk's screen holding several codes (the receiving PC's `longstop-batch receive` and
  /// `trust add --image` read photos with this, so the kiosk and the PC never disagree about a code).
  std::vector<DecodedCode> decodeAll(const GrayFrame& frame) const;

 private:
  DecoderProfile profile_;
};

}  // namespace longstop::scan
