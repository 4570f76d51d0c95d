#include "exporter/batch_file.h"

#include <charconv>
#include <cstdio>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "crypto/primitives.h"

namespace longstop::exporter {
namespace {

constexpr std::string_view kFirstLine = "LONGSTOP-BATCH 1";
constexpr size_t kMaxHeaderBytes = 4096;

std::string lowerHex(std::string_view raw) {
  return crypto::toHex(raw);
}

std::string headerText(const BatchHeader& h) {
  std::string s(kFirstLine);
  s += '\n';
  auto line = [&](std::string_view k, const std::string& v) {
    s += k;
    s += ": ";
    s += v;
    s += '\n';
  };
  line("site", h.odsCode);
  line("device", h.deviceId);
  line("seq", std::to_string(h.seq));
  line("prev-hash", lowerHex(h.prevHash));
  line("records", std::to_string(h.records));
  line("created-ms", std::to_string(h.createdMs));
  line("first-arrival-ms", std::to_string(h.firstArrivalMs));
  line("last-arrival-ms", std::to_string(h.lastArrivalMs));
  line("clock-confirmed", h.clockConfirmed ? "yes" : "no");
  line("recipient-key-id", h.recipientKeyId);
  line("signer", lowerHex(h.signer));
  line("payload-bytes", std::to_string(h.payloadBytes));
  line("payload-sha256", lowerHex(h.payloadHash));
  return s;
}

// A reader over the header lines that insists on the exact keys in the exact order.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  core::Result<std::string_view> value(std::string_view key) {
    ++line_;
    const size_t nl = text_.find('\n', pos_);
    if (nl == std::string_view::npos) return bad("the header ends before '" + std::string(key) + "'");
    std::string_view l = text_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    if (!l.starts_with(key) || l.substr(key.size(), 2) != ": ")
      return bad("expected '" + std::string(key) + ": ...'");
    return l.substr(key.size() + 2);
  }
  core::Result<int64_t> number(std::string_view key) {
    auto v = value(key);
    if (!v.ok()) return v.error();
    int64_t n = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (v->empty() || ec != std::errc() || p != v->data() + v->size() || n < 0)
      return bad("'" + std::string(key) + "' is not a number");
    return n;
  }
  core::Result<std::string> hex(std::string_view key, size_t bytes) {
    auto v = value(key);
    if (!v.ok()) return v.error();
    auto raw = crypto::fromHex(*v);
    if (v->size() != bytes * 2 || !raw || raw->size() != bytes || lowerHex(*raw) != *v)
      return bad("'" + std::string(key) + "' is not " + std::to_string(bytes * 2) + " lower-case hex digits");
    return std::move(*raw);
  }
  size_t pos() const { return pos_; }
  void skipLine() {
    pos_ = text_.find('\n') + 1;
    line_ = 1;
  }

 private:
  core::Error bad(const std::string& what) const {
    return core::corrupt("The batch header is damaged at line " + std::to_string(line_) + ": " + what + ".");
  }
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 0;
};

bool plainToken(std::string_view s, size_t maxLen) {
  if (s.empty() || s.size() > maxLen) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

core::Result<BatchHeader> parseHeaderFields(LineReader& r) {
  BatchHeader h;
  auto site = r.value("site");
  if (!site.ok()) return site.error();
  auto device = r.value("device");
  if (!device.ok()) return device.error();
  if (!plainToken(*site, 10) || !plainToken(*device, 8))
    return core::corrupt("The batch header's site or device is not a valid code.");
  h.odsCode = std::string(*site);
  h.deviceId = std::string(*device);
  auto seq = r.number("seq");
  if (!seq.ok()) return seq.error();
  h.seq = *seq;
  auto prev = r.hex("prev-hash", 32);
  if (!prev.ok()) return prev.error();
  h.prevHash = *prev;
  auto records = r.number("records");
  if (!records.ok()) return records.error();
  h.records = *records;
  for (auto [key, out] :
       {std::pair{"created-ms", &h.createdMs}, std::pair{"first-arrival-ms", &h.firstArrivalMs},
        std::pair{"last-arrival-ms", &h.lastArrivalMs}}) {
    auto n = r.number(key);
    if (!n.ok()) return n.error();
    *out = *n;
  }
  auto clock = r.value("clock-confirmed");
  if (!clock.ok()) return clock.error();
  if (*clock != "yes" && *clock != "no")
    return core::corrupt("The batch header's clock-confirmed is not yes or no.");
  h.clockConfirmed = *clock == "yes";
  auto keyId = r.value("recipient-key-id");
  if (!keyId.ok()) return keyId.error();
  auto keyRaw = crypto::fromHex(*keyId);
  if (keyId->size() != 16 || !keyRaw || lowerHex(*keyRaw) != *keyId)
    return core::corrupt("The batch header's recipient-key-id is not 16 lower-case hex digits.");
  h.recipientKeyId = std::string(*keyId);
  auto signer = r.hex("signer", 32);
  if (!signer.ok()) return signer.error();
  h.signer = *signer;
  auto bytes = r.number("payload-bytes");
  if (!bytes.ok()) return bytes.error();
  h.payloadBytes = *bytes;
  auto ph = r.hex("payload-sha256", 32);
  if (!ph.ok()) return ph.error();
  h.payloadHash = *ph;
  return h;
}

}  // namespace

std::string sha256Bytes(std::string_view bytes) {
  const auto h = crypto::sha256(bytes);
  return std::string(reinterpret_cast<const char*>(h.data()), h.size());
}

std::string makeBatchFile(BatchHeader h, const Payload& payload, const OrgPublicKey& recipient,
                          const crypto::SecretBytes& signSecret) {
  const std::string sealed = crypto::seal(recipient.box, packPayload(payload));
  h.version = kBatchFormatVersion;
  h.recipientKeyId = recipient.keyId();
  h.payloadBytes = static_cast<int64_t>(sealed.size());
  h.payloadHash = sha256Bytes(sealed);
  std::string file = headerText(h);
  file += "signature: " + crypto::toBase64(crypto::sign(signSecret, file)) + "\n\n";
  file += sealed;
  return file;
}

core::Result<VerifiedBatch> readBatchFile(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kMaxHeaderBytes);
  if (!bytes.starts_with(std::string(kFirstLine) + "\n")) {
    if (bytes.starts_with("LONGSTOP-BATCH "))
      return core::corrupt("This batch is in a newer format than this program reads; update longstop-batch.");
    return core::corrupt("This is not a Longstop batch file (it does not start with 'LONGSTOP-BATCH').");
  }
  LineReader r(head);
  r.skipLine();
  auto h = parseHeaderFields(r);
  if (!h.ok()) return h.error();
  const size_t signedEnd = r.pos();
  auto sig = r.value("signature");
  if (!sig.ok()) return sig.error();
  auto sigRaw = crypto::fromBase64(*sig);
  // Only the canonical text: libsodium's decoder also accepts some other bytes for a character.
  if (!sigRaw || sigRaw->size() != 64 || crypto::toBase64(*sigRaw) != *sig)
    return core::corrupt("The batch header's signature is damaged.");
  const size_t bodyStart = r.pos() + 1;
  if (bodyStart > head.size() || head[bodyStart - 1] != '\n')
    return core::corrupt("The batch header does not end with an empty line.");
  if (!crypto::verifySignature(h->signer, bytes.substr(0, signedEnd), *sigRaw))
    return core::corrupt(
        "The batch header's signature does not match: the header was changed after signing.");
  const std::string_view body = bytes.substr(bodyStart);
  if (static_cast<int64_t>(body.size()) != h->payloadBytes)
    return core::corrupt("The payload is " + std::to_string(body.size()) + " bytes but the header says " +
                         std::to_string(h->payloadBytes) + ": the file was cut short or added to.");
  if (sha256Bytes(body) != h->payloadHash)
    return core::corrupt(
        "The payload does not match the hash in the signed header: a byte was changed, or the "
        "header belongs to another batch.");
  return VerifiedBatch{std::move(h.value()), sha256Bytes(bytes), std::string(body)};
}

core::Result<Payload> openBatch(const VerifiedBatch& batch, const OrgKeyPair& keys) {
  if (batch.header.recipientKeyId != keys.pub.keyId())
    return core::unauthorised("This batch was sealed to the key " + batch.header.recipientKeyId +
                              ", not to this key (" + keys.pub.keyId() +
                              "); use the organisation's key it was made for.");
  auto plain = crypto::unseal(keys.pub.box, keys.boxSecret, batch.sealedPayload);
  if (!plain)
    return core::corrupt("The payload could not be opened with this key: it is damaged or not sealed to it.");
  return unpackPayload(*plain);
}

std::string batchFileName(const BatchHeader& h, int32_t utcOffsetMinutes) {
  const core::Date d = core::civilFromDays(core::Instant{h.createdMs, utcOffsetMinutes}.localDay());
  char buf[64];
  std::snprintf(buf, sizeof buf, "-%04lld-%04d%02d%02d.lsbatch", static_cast<long long>(h.seq), d.year,
                d.month, d.day);
  return h.odsCode + "-" + h.deviceId + buf;
}

}  // namespace longstop::exporter
