// A batch file sent as a cycle of QR codes for a receiving PC's camera:
//   LSQ1:<HASH8>:<i>/<n>:<DATA>
// HASH8 is the first 8 hex digits (upper case) of the batch file's SHA-256, i counts from 1 to n, DATA is
// a slice of the file in RFC 4648 base32 (A–Z, 2–7, no padding). Every character is in the QR
// alphanumeric set, so a frame packs at 5.5 bits per character instead of 8, and the frames can arrive
// in any order, any number of times.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace longstop::exporter {

/// File bytes per frame: 520 bytes are 832 base32 characters, about 855 with the prefix, which libqrencode
/// fits in a QR code of version 19 at error correction M (93 modules square): about 6 pixels a module in
/// 600 screen pixels, readable by an ordinary webcam at arm's length. Bigger frames mean fewer of them
/// but finer modules; 19 is the largest version that kept 6 px modules on the kiosk's 1280x800 screen.
inline constexpr size_t kQrFrameBytes = 520;

std::vector<std::string> qrStreamFrames(std::string_view fileBytes, size_t frameBytes = kQrFrameBytes);

struct QrFrame {
  std::string hash8;
  int index = 0;  // 1-based
  int total = 0;
  std::string data;  // decoded bytes
};
/// Parses one frame; anything else is "not recognised" with a reason.
core::Result<QrFrame> parseQrFrame(std::string_view text);

/// Collects frames in any order until the batch is whole.
class QrStreamAssembler {
 public:
  /// Adds a frame's text. true: new; false: already had it. Errors: not a frame, or from another batch
  /// than the frames before it.
  core::Result<bool> add(std::string_view text);
  bool started() const { return total_ > 0; }
  bool complete() const { return total_ > 0 && frames_.size() == static_cast<size_t>(total_); }
  int total() const { return total_; }
  int received() const { return static_cast<int>(frames_.size()); }
  const std::string& hash8() const { return hash8_; }
  /// The 1-based numbers of the frames not yet seen.
  std::vector<int> missing() const;
  /// The file, when complete and its hash matches HASH8.
  core::Result<std::string> assemble() const;

 private:
  std::string hash8_;
  int total_ = 0;
  std::map<int, std::string> frames_;
};

/// "3, 7, 12 to 15" for a person reading which frames to wait for.
std::string describeNumbers(const std::vector<int>& numbers);

}  // namespace longstop::exporter
