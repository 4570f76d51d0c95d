#include "exporter/org_keys.h"

#include <vector>

#include "crypto/primitives.h"

namespace longstop::exporter {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    const size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

core::Result<std::string> field(std::string_view b64, size_t bytes, const char* what) {
  auto raw = crypto::fromBase64(b64);
  if (!raw || raw->size() != bytes || crypto::toBase64(*raw) != b64)
    return core::invalidInput(std::string("The ") + what +
                              " in the key is damaged (wrong length or characters).");
  return std::move(*raw);
}

}  // namespace

std::string OrgPublicKey::keyId() const {
  const auto h = crypto::sha256(box + sign);
  return crypto::toHex(std::string_view(reinterpret_cast<const char*>(h.data()), 8));
}

std::string OrgPublicKey::text() const {
  return "LSR1:" + crypto::toBase64(box) + ":" + crypto::toBase64(sign);
}

std::string OrgKeyPair::secretText() const {
  return "LSRK1:" + crypto::toBase64(pub.box) + ":" + crypto::toBase64(boxSecret.view()) + ":" +
         crypto::toBase64(pub.sign) + ":" + crypto::toBase64(signSecret.view());
}

OrgKeyPair makeOrgKeyPair() {
  crypto::BoxKeyPair box = crypto::makeBoxKeyPair();
  crypto::SignKeyPair sign = crypto::makeSignKeyPair();
  return {{box.publicKey, sign.publicKey}, std::move(box.secretKey), std::move(sign.secretKey)};
}

core::Result<OrgPublicKey> parseOrgPublicKey(std::string_view text) {
  const auto parts = split(trim(text), ':');
  if (parts.size() != 3 || parts[0] != "LSR1")
    return core::invalidInput(
        "This is not a Longstop recipient public key (it should be one line starting "
        "LSR1:, as written by `longstop-batch keygen` into PREFIX.pub).");
  auto box = field(parts[1], 32, "encryption key");
  if (!box.ok()) return box.error();
  auto sign = field(parts[2], 32, "signing key");
  if (!sign.ok()) return sign.error();
  return OrgPublicKey{box.value(), sign.value()};
}

core::Result<OrgKeyPair> parseOrgKeyPair(std::string_view text) {
  const auto parts = split(trim(text), ':');
  if (parts.size() != 5 || parts[0] != "LSRK1")
    return core::invalidInput(
        "This is not a Longstop secret key file (it should be one line starting LSRK1:, "
        "as written by `longstop-batch keygen` into PREFIX.key).");
  auto boxPk = field(parts[1], 32, "encryption public key");
  if (!boxPk.ok()) return boxPk.error();
  auto boxSk = field(parts[2], 32, "encryption secret key");
  if (!boxSk.ok()) return boxSk.error();
  auto signPk = field(parts[3], 32, "signing public key");
  if (!signPk.ok()) return signPk.error();
  auto signSk = field(parts[4], 64, "signing secret key");
  if (!signSk.ok()) return signSk.error();
  OrgKeyPair kp{{boxPk.value(), signPk.value()},
                crypto::SecretBytes::copyOf(boxSk.value()),
                crypto::SecretBytes::copyOf(signSk.value())};
  std::fill(boxSk->begin(), boxSk->end(), '\0');
  std::fill(signSk->begin(), signSk->end(), '\0');
  // An Ed25519 secret key carries its public key in its second half.
  if (kp.signSecret.view().substr(32) != kp.pub.sign)
    return core::invalidInput("The key file's signing keys do not belong together; it is damaged.");
  const std::string probe = crypto::seal(kp.pub.box, "probe");
  if (!crypto::unseal(kp.pub.box, kp.boxSecret, probe))
    return core::invalidInput("The key file's encryption keys do not belong together; it is damaged.");
  return kp;
}

}  // namespace longstop::exporter
