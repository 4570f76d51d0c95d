#include "exporter/ack.h"

#include <charconv>
#include <vector>

#include "crypto/primitives.h"

namespace longstop::exporter {
namespace {

bool code(std::string_view s, size_t maxLen) {
  if (s.empty() || s.size() > maxLen) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::string Ack::signedText() const {
  return "LSK1:" + odsCode + ":" + deviceId + ":" + std::to_string(seq) + ":" + hashPrefix;
}

std::string makeAck(std::string_view odsCode, std::string_view deviceId, int64_t seq, std::string_view batchHash,
                    const crypto::SecretBytes& orgSignSecret) {
  Ack a{std::string(odsCode), std::string(deviceId), seq, crypto::toHex(batchHash.substr(0, 8)), {}};
  const std::string text = a.signedText();
  return text + ":" + crypto::toBase64(crypto::sign(orgSignSecret, text));
}

core::Result<Ack> parseAck(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (!text.starts_with("LSK1:")) return core::invalidInput("This is not a Longstop acknowledgement code (LSK1:...).");
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == ':') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  if (parts.size() != 6) return core::invalidInput("This acknowledgement code is incomplete: it should have six parts.");
  Ack a;
  if (!code(parts[1], 10) || !code(parts[2], 8))
    return core::invalidInput("This acknowledgement code's site or device is not valid.");
  a.odsCode = std::string(parts[1]);
  a.deviceId = std::string(parts[2]);
  const std::string_view seq = parts[3];
  auto [p, ec] = std::from_chars(seq.data(), seq.data() + seq.size(), a.seq);
  if (seq.empty() || seq.size() > 12 || ec != std::errc() || p != seq.data() + seq.size() || a.seq < 1)
    return core::invalidInput("This acknowledgement code's batch number is not valid.");
  a.hashPrefix = lower(parts[4]);
  auto raw = crypto::fromHex(a.hashPrefix);
  if (a.hashPrefix.size() != 16 || !raw || raw->size() != 8)
    return core::invalidInput("This acknowledgement code's batch hash is not 16 hex digits.");
  auto sig = crypto::fromBase64(parts[5]);
  if (!sig || sig->size() != 64 || crypto::toBase64(*sig) != parts[5]) return core::invalidInput("This acknowledgement code's signature is damaged.");
  a.signature = std::move(*sig);
  return a;
}

bool verifyAck(const Ack& ack, std::string_view orgSignPublic) {
  return orgSignPublic.size() == 32 && crypto::verifySignature(orgSignPublic, ack.signedText(), ack.signature);
}

}  // namespace longstop::exporter
