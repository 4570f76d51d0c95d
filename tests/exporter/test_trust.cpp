// Pinned signers: the kiosk's trust code (LSD1) read and refused, the receiving PC's trust store read
// and refused, and batches forged without the kiosk's key refused whatever they claim.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>

#include "crypto/primitives.h"
#include "exporter/batch_file.h"
#include "exporter/device_code.h"
#include "exporter/org_keys.h"
#include "exporter/trust_store.h"
#include "forgery.h"

using namespace longstop;
using namespace longstop::exporter;

namespace {

const bool kSodiumReady = crypto::initialise();

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string messageOf(const core::Result<DeviceCode>& r) {
  return r.ok() ? "" : r.error().message;
}

// A key that is the same on every run, so that what a 20-bit check lets through is the same too.
std::string fixedKey(const std::string& seed) {
  const auto h = crypto::sha256(seed);
  return std::string(reinterpret_cast<const char*>(h.data()), h.size());
}

DeviceCode deviceCode(const std::string& device = "K7QX", const std::string& seed = "kiosk") {
  return {"B82005", device, fixedKey(seed + device)};
}

std::string withTypo(std::string s, size_t i) {
  s[i] = s[i] == 'A' ? 'B' : 'A';
  return s;
}

}  // namespace

TEST_CASE("trust code: what the kiosk shows reads back as the same kiosk and key") {
  const DeviceCode c = deviceCode();
  const std::string text = formatDeviceCode(c);
  CHECK(text.starts_with("LSD1:B82005:K7QX:"));
  CHECK(text.size() == 5 + 7 + 5 + 52 + 1 + 4);
  for (char ch : text) CHECK((std::isupper(static_cast<unsigned char>(ch)) || std::isdigit(ch) || ch == ':'));
  auto back = parseDeviceCode(text);
  REQUIRE(back.ok());
  CHECK(back->odsCode == "B82005");
  CHECK(back->deviceId == "K7QX");
  CHECK(back->signPublicKey == c.signPublicKey);

  // As a person types it: in the groups the screen shows, in lower case, with a newline at the end.
  std::string typed;
  for (char ch : text) typed += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  typed.insert(20, " ");
  typed.insert(30, "  ");
  auto relaxed = parseDeviceCode(" " + typed + "\n");
  REQUIRE(relaxed.ok());
  CHECK(relaxed->signPublicKey == c.signPublicKey);
  CHECK(keyForReading(c.signPublicKey).size() == 52 + 12);
}

TEST_CASE("trust code: every single mistyped character is refused") {
  const std::string text = formatDeviceCode(deviceCode());
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  int refused = 0, tried = 0;
  for (size_t i = 5; i < text.size(); ++i) {
    if (text[i] == ':') continue;
    for (char ch : alphabet) {
      if (ch == text[i]) continue;
      std::string typo = text;
      typo[i] = ch;
      ++tried;
      auto r = parseDeviceCode(typo);
      if (r.ok()) FAIL("a typo at " << i << " was accepted: " << typo);
      ++refused;
    }
  }
  CHECK(refused == tried);
  // Two neighbours swapped in the key.
  std::string swapped = text;
  size_t k = 17;
  while (swapped[k] == swapped[k + 1]) ++k;
  std::swap(swapped[k], swapped[k + 1]);
  CHECK(has(messageOf(parseDeviceCode(swapped)), "mistyped"));
}

TEST_CASE("trust code: bad input is refused with a sentence saying what is wrong") {
  const std::string good = formatDeviceCode(deviceCode());
  const std::string key = good.substr(17, 52), check = good.substr(70);
  CHECK(has(messageOf(parseDeviceCode("")), "should start LSD1:"));
  CHECK(has(messageOf(parseDeviceCode("LSR1:abc:def")), "should start LSD1:"));
  CHECK(has(messageOf(parseDeviceCode("LSD1:B82005:K7QX:" + key)), "five parts"));
  CHECK(has(messageOf(parseDeviceCode(good + ":EXTRA")), "five parts"));
  CHECK(has(messageOf(parseDeviceCode("LSD1:B8:K7QX:" + key + ":" + check)), "not an ODS code"));
  CHECK(has(messageOf(parseDeviceCode("LSD1:B82005-X:K7QX:" + key + ":" + check)), "not an ODS code"));
  CHECK(has(messageOf(parseDeviceCode("LSD1:B82005:K7Q0:" + key + ":" + check)), "not a device ID"));
  CHECK(has(messageOf(parseDeviceCode("LSD1:B82005:K7QXY:" + key + ":" + check)), "not a device ID"));
  CHECK(has(messageOf(parseDeviceCode("LSD1:B82005:K7QX:" + key.substr(0, 51) + ":" + check)), "52"));
  CHECK(has(messageOf(parseDeviceCode("LSD1:B82005:K7QX:" + key + "A:" + check)), "52"));
  CHECK(has(messageOf(parseDeviceCode("LSD1:B82005:K7QX:" + key.substr(0, 51) + "0:" + check)),
            "0 is the letter O"));
  CHECK(has(messageOf(parseDeviceCode("LSD1:B82005:K7QX:" + key + ":" + check + "A")), "mistyped"));
  CHECK(has(messageOf(parseDeviceCode(good.substr(0, good.size() - 1))), "mistyped"));
  CHECK(has(messageOf(parseDeviceCode(std::string(300, 'A'))), "too long"));
  // The last key character carries four bits of padding: a non-zero one is another text for the same
  // key, and refused so that one key has one code.
  std::string padded = key;
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  padded.back() = alphabet[(alphabet.find(padded.back()) | 1)];
  REQUIRE(padded != key);
  CHECK(has(messageOf(parseDeviceCode("LSD1:B82005:K7QX:" + padded + ":" + check)), "damaged key"));
  // Every refusal says where the right code is.
  CHECK(has(messageOf(parseDeviceCode("LSD1:B8:K7QX:" + key + ":" + check)), "admin screen"));
}

TEST_CASE("trust store: what is written reads back; comments and empty lines are kept out") {
  TrustStore store;
  const DeviceCode a = deviceCode("K7QX"), b = deviceCode("M3PZ");
  REQUIRE(addTrusted(store, a, "2026-12-02T20:54:06Z", false).value() == AddOutcome::kAdded);
  REQUIRE(addTrusted(store, b, "2026-12-02T21:00:00Z", false).value() == AddOutcome::kAdded);
  const std::string text = formatTrustStore(store);
  CHECK(text.starts_with("# "));
  auto back = parseTrustStore(text + "\n# a note\n");
  REQUIRE(back.ok());
  REQUIRE(back->devices.size() == 2);
  CHECK(back->find("B82005", "K7QX")->code.signPublicKey == a.signPublicKey);
  CHECK(back->find("B82005", "M3PZ")->addedUtc == "2026-12-02T21:00:00Z");
  CHECK(back->find("B82006", "K7QX") == nullptr);
  CHECK(formatTrustStore(*back) == text);
  CHECK(parseTrustStore("").value().devices.empty());
}

TEST_CASE("trust store: a malformed line is an error naming the line, never an empty store") {
  const std::string a = formatDeviceCode(deviceCode("K7QX"));
  const std::string line = a + " 2026-12-02T20:54:06Z\n";
  auto error = [](const std::string& text) {
    auto r = parseTrustStore(text);
    return r.ok() ? std::string("accepted") : r.error().message;
  };
  CHECK(has(error("# header\n" + line + "rubbish\n"), "line 3:"));
  CHECK(has(error(a + "\n"), "line 1: expected a trust code, one space and the time"));
  CHECK(has(error(a + " yesterday\n"), "line 1:"));
  CHECK(has(error(a + "  2026-12-02T20:54:06Z\n"), "line 1:"));
  CHECK(has(error(withTypo(line, 20)), "line 1: This trust code does not add up"));  // a key character
  CHECK(has(error("\n\n" + withTypo(a, a.size() - 1) + " 2026-12-02T20:54:06Z\n"), "line 3:"));  // the check
  // The same kiosk twice, with a different key: which one is meant cannot be guessed.
  const DeviceCode other = deviceCode("K7QX", "another kiosk");
  const std::string twice = line + formatDeviceCode(other) + " 2026-12-03T08:00:00Z\n";
  CHECK(has(error(twice), "line 2: kiosk B82005-K7QX is listed again (first at line 1)"));
  // A Windows line ending is not a reason to refuse.
  CHECK(parseTrustStore(a + " 2026-12-02T20:54:06Z\r\n").ok());
}

TEST_CASE("trust store: a different key for a pinned kiosk is refused unless replaced on purpose") {
  TrustStore store;
  const DeviceCode first = deviceCode("K7QX");
  const DeviceCode second = deviceCode("K7QX", "set up again");
  REQUIRE(addTrusted(store, first, "2026-12-02T20:54:06Z", false).ok());
  CHECK(addTrusted(store, first, "2026-12-03T08:00:00Z", false).value() == AddOutcome::kAlreadyTrusted);
  CHECK(store.devices.front().addedUtc == "2026-12-02T20:54:06Z");

  auto refused = addTrusted(store, second, "2026-12-03T08:00:00Z", false);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == core::ErrorCode::kConflict);
  CHECK(has(refused.error().message, "already trusts a different key for kiosk B82005-K7QX"));
  CHECK(has(refused.error().message, "--replace"));
  CHECK(store.find("B82005", "K7QX")->code.signPublicKey == first.signPublicKey);

  CHECK(addTrusted(store, second, "2026-12-03T08:00:00Z", true).value() == AddOutcome::kReplaced);
  CHECK(store.devices.size() == 1);
  CHECK(store.find("B82005", "K7QX")->code.signPublicKey == second.signPublicKey);

  CHECK(removeTrusted(store, "B82005", "K7QX").ok());
  CHECK(store.devices.empty());
  auto gone = removeTrusted(store, "B82005", "K7QX");
  REQUIRE_FALSE(gone.ok());
  CHECK(gone.error().code == core::ErrorCode::kNotFound);
}

TEST_CASE("pinned signer: forged batches are refused, the kiosk's own batch passes") {
  const OrgKeyPair org = makeOrgKeyPair();
  const crypto::SignKeyPair kiosk = crypto::makeSignKeyPair(), attacker = crypto::makeSignKeyPair();
  TrustStore store;
  REQUIRE(addTrusted(store, {"B82005", "K7QX", kiosk.publicKey}, "2026-12-02T20:54:06Z", false).ok());

  const std::string real =
      test::forgeFreshBatch("B82005", "K7QX", 1, org.pub, kiosk);  // made with the real key
  auto realBatch = readBatchFile(real);
  REQUIRE(realBatch.ok());
  CHECK(checkSigner(store, realBatch->header).ok());

  // (a) made from nothing but the organisation's public key and a fresh key: it is sound on its own
  // terms (this is what got through before), and refused only because its signer is not the pin.
  auto fresh = readBatchFile(test::forgeFreshBatch("B82005", "K7QX", 1, org.pub, attacker));
  REQUIRE(fresh.ok());
  REQUIRE(openBatch(*fresh, org).ok());
  auto s = checkSigner(store, fresh->header);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == core::ErrorCode::kUnauthorised);
  CHECK(has(s.error().message, "not by the key this PC trusts for that kiosk"));
  CHECK(has(s.error().message, keyForReading(attacker.publicKey)));

  // The same forgery naming a kiosk the PC has never met.
  auto stranger = readBatchFile(test::forgeFreshBatch("B82005", "M3PZ", 1, org.pub, attacker));
  REQUIRE(stranger.ok());
  s = checkSigner(store, stranger->header);
  REQUIRE_FALSE(s.ok());
  CHECK(has(s.error().message, "signed by a key this PC has not been told to trust"));
  CHECK(has(s.error().message, "longstop-batch trust add"));
  CHECK(has(s.error().message, "admin screen"));

  // (b) the kiosk's real batch re-signed with another key.
  auto resigned = readBatchFile(test::resignBatch(real, attacker));
  REQUIRE(resigned.ok());
  CHECK(resigned->sealedPayload == realBatch->sealedPayload);
  CHECK_FALSE(checkSigner(store, resigned->header).ok());

  // (c) the signer line swapped: to another key on the real batch, or to the pinned key on a forgery.
  // Either way the signature no longer matches the key the header names.
  CHECK(readBatchFile(test::swapSigner(real, attacker.publicKey)).error().code == core::ErrorCode::kCorrupt);
  const std::string forged = test::forgeFreshBatch("B82005", "K7QX", 1, org.pub, attacker);
  CHECK(readBatchFile(test::swapSigner(forged, kiosk.publicKey)).error().code == core::ErrorCode::kCorrupt);

  // With nothing trusted at all, even the real batch waits for a person to compare the code.
  CHECK_FALSE(checkSigner(TrustStore{}, realBatch->header).ok());
}
