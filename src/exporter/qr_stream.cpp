#include "exporter/qr_stream.h"

#include <cstdint>

#include "core/payload.h"
#include "crypto/primitives.h"

namespace longstop::exporter {
namespace {

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

}  // namespace

std::vector<std::string> qrStreamFrames(std::string_view file, size_t frameBytes) {
  const std::string hash8 = fileHash8(file);
  const size_t n = file.empty() ? 1 : (file.size() + frameBytes - 1) / frameBytes;
  std::vector<std::string> frames;
  frames.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    core::BatchFrameCode code{hash8, static_cast<int>(i + 1), static_cast<int>(n),
                              crypto::toBase32(file.substr(i * frameBytes, frameBytes))};
    frames.push_back(core::formatCode(std::move(code)));
  }
  return frames;
}

core::Result<QrFrame> parseQrFrame(std::string_view text) {
  if (core::claimedPayloadKind(text) != core::PayloadKind::kBatchFrame)
    return core::invalidInput("This is not a batch frame (LSQ1:...).");
  auto payload = core::parsePayload(text);
  if (!payload.ok()) return payload.error();
  const auto& code = std::get<core::BatchFrameCode>(payload->fields);
  auto data = crypto::fromBase32(code.data);
  if (!data) return core::invalidInput("This batch frame's data is damaged (not base32).");
  return QrFrame{code.batchHash, code.index, code.count, std::move(*data)};
}

core::Result<bool> QrStreamAssembler::add(std::string_view text) {
  auto f = parseQrFrame(text);
  if (!f.ok()) return f.error();
  if (total_ == 0) {
    hash8_ = f->hash8;
    total_ = f->total;
  } else if (f->hash8 != hash8_ || f->total != total_) {
    return core::conflict("This frame belongs to another batch (" + f->hash8 + ", " +
                          std::to_string(f->total) + " frames) than the ones before it (" + hash8_ + ", " +
                          std::to_string(total_) + " frames).");
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
    return core::corrupt("The frames were all read but the batch they make does not match its hash " +
                         hash8_ + ".");
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
