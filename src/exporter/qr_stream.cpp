#include "exporter/qr_stream.h"

#include <charconv>
#include <cstdint>

#include "crypto/primitives.h"

namespace longstop::exporter {
namespace {

constexpr const char* kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string upperHex8(std::string_view bytes) {
  std::string h = crypto::toHex(bytes.substr(0, 4));
  for (char& c : h)
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  return h;
}

std::string fileHash8(std::string_view file) {
  const auto h = crypto::sha256(file);
  return upperHex8(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()));
}

bool parseInt(std::string_view s, int& out) {
  if (s.empty() || s.size() > 6) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string toBase32(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += kBase32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::string> fromBase32(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 5 / 8);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= '2' && c <= '7') v = c - '2' + 26;
    if (v < 0) return std::nullopt;
    buffer = (buffer << 5) | static_cast<uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  // Leftover bits must be padding zeros, and fewer than a whole character's worth.
  if (bits >= 5 || (buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

std::vector<std::string> qrStreamFrames(std::string_view file, size_t frameBytes) {
  const std::string hash8 = fileHash8(file);
  const size_t n = file.empty() ? 1 : (file.size() + frameBytes - 1) / frameBytes;
  std::vector<std::string> frames;
  frames.reserve(n);
  for (size_t i = 0; i < n; ++i)
    frames.push_back("LSQ1:" + hash8 + ":" + std::to_string(i + 1) + "/" + std::to_string(n) + ":" +
                     toBase32(file.substr(i * frameBytes, frameBytes)));
  return frames;
}

core::Result<QrFrame> parseQrFrame(std::string_view text) {
  if (!text.starts_with("LSQ1:")) return core::invalidInput("This is not a batch frame (LSQ1:...).");
  const size_t c1 = 4, c2 = text.find(':', c1 + 1);
  if (c2 == std::string_view::npos) return core::invalidInput("This batch frame is incomplete.");
  const size_t c3 = text.find(':', c2 + 1);
  if (c3 == std::string_view::npos) return core::invalidInput("This batch frame is incomplete.");
  QrFrame f;
  f.hash8 = std::string(text.substr(c1 + 1, c2 - c1 - 1));
  auto hex = crypto::fromHex(f.hash8);
  if (f.hash8.size() != 8 || !hex || upperHex8(*hex) != f.hash8)
    return core::invalidInput("This batch frame's batch hash is not 8 upper-case hex digits.");
  const std::string_view count = text.substr(c2 + 1, c3 - c2 - 1);
  const size_t slash = count.find('/');
  if (slash == std::string_view::npos || !parseInt(count.substr(0, slash), f.index) ||
      !parseInt(count.substr(slash + 1), f.total) || f.index < 1 || f.index > f.total)
    return core::invalidInput("This batch frame's number is not i/n with 1 <= i <= n.");
  auto data = fromBase32(text.substr(c3 + 1));
  if (!data) return core::invalidInput("This batch frame's data is damaged (not base32).");
  f.data = std::move(*data);
  return f;
}

core::Result<bool> QrStreamAssembler::add(std::string_view text) {
  auto f = parseQrFrame(text);
  if (!f.ok()) return f.error();
  if (total_ == 0) {
    hash8_ = f->hash8;
    total_ = f->total;
  } else if (f->hash8 != hash8_ || f->total != total_) {
    return core::conflict("This frame belongs to another batch (" + f->hash8 + ", " + std::to_string(f->total) +
                          " frames) than the ones before it (" + hash8_ + ", " + std::to_string(total_) + " frames).");
  }
  auto [it, inserted] = frames_.emplace(f->index, std::move(f->data));
  if (!inserted && it->second != f->data)
    return core::conflict("Frame " + std::to_string(f->index) + " was read twice with different contents.");
  return inserted;
}

std::vector<int> QrStreamAssembler::missing() const {
  std::vector<int> out;
  for (int i = 1; i <= total_; ++i)
    if (!frames_.count(i)) out.push_back(i);
  return out;
}

core::Result<std::string> QrStreamAssembler::assemble() const {
  if (!complete()) {
    if (total_ == 0) return core::notFound("No batch frames were read.");
    return core::notFound("Frames " + describeNumbers(missing()) + " of " + std::to_string(total_) +
                          " are still missing.");
  }
  std::string file;
  for (const auto& [i, data] : frames_) file += data;
  if (fileHash8(file) != hash8_)
    return core::corrupt("The frames were all read but the batch they make does not match its hash " + hash8_ + ".");
  return file;
}

std::string describeNumbers(const std::vector<int>& numbers) {
  std::string out;
  for (size_t i = 0; i < numbers.size();) {
    size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(numbers[i]);
    if (j > i) out += (j == i + 1 ? ", " : " to ") + std::to_string(numbers[j]);
    i = j + 1;
  }
  return out;
}

}  // namespace longstop::exporter
