// Tampering and mistakes on the way to the receiving PC: each is refused with a clear reason.
#include <catch2/catch.hpp>

#include <memory>

#include "crypto/primitives.h"
#include "exporter/ack.h"
#include "exporter/batch_file.h"
#include "exporter/chain.h"
#include "exporter/csv_export.h"
#include "exporter/fhir.h"

using namespace longstop;
using namespace longstop::exporter;

namespace {

const bool kSodiumReady = crypto::initialise();

struct Keys {
  crypto::SignKeyPair device = crypto::makeSignKeyPair();
  OrgKeyPair org = makeOrgKeyPair();
};

// A device's chain of batches; copies share the keys (to fork the chain).
struct Device {
  std::shared_ptr<Keys> keys = std::make_shared<Keys>();
  std::string lastHash = std::string(32, '\0');
  int64_t seq = 0;

  // The next batch in this device's chain, with `n` made-up check-ins.
  std::string next(int n) {
    ++seq;
    BatchContext ctx{"B82005", "K7QX", seq, 1'796'000'000'000 + seq * 3'600'000, 0};
    std::vector<BatchRecord> records;
    for (int i = 0; i < n; ++i) {
      BatchRecord r;
      r.recordId = "K7QX-" + std::to_string(100000 + seq * 100 + i);
      r.ticket = "W" + std::to_string(i + 1);
      r.queueId = "walkin";
      r.state = "waiting";
      r.arrivedMs = r.stateMs = ctx.createdMs - 1000 * (n - i);
      core::PatientDetails p;
      p.surname = "Person" + std::to_string(i);
      p.forenames = "Test";
      p.dateOfBirth = {1970, 1, 1 + i % 28};
      r.patient = p;
      records.push_back(r);
    }
    BatchHeader h;
    h.odsCode = ctx.odsCode;
    h.deviceId = ctx.deviceId;
    h.seq = seq;
    h.prevHash = lastHash;
    h.records = n;
    h.createdMs = ctx.createdMs;
    h.signer = keys->device.publicKey;
    const std::string file = makeBatchFile(h, {fhirBundle(ctx, records), checkinsCsv(ctx, records)},
                                           keys->org.pub, keys->device.secretKey);
    lastHash = sha256Bytes(file);
    return file;
  }
};

bool mentions(const ChainReport& r, const std::string& word) {
  for (const auto& p : r.problems)
    if (p.reason.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("one flipped bit anywhere in a batch file is refused") {
  Device d;
  const std::string file = d.next(3);
  REQUIRE(readBatchFile(file).ok());
  for (size_t i = 0; i < file.size(); ++i)
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = file;
      bad[i] = static_cast<char>(bad[i] ^ (1 << bit));
      auto r = readBatchFile(bad);
      if (r.ok())
        FAIL("a flipped bit at byte " << i << " bit " << bit
                                      << " was not noticed: " << file.substr(i > 20 ? i - 20 : 0, 40));
      REQUIRE(r.error().code == core::ErrorCode::kCorrupt);
    }
  // Cut short and added to.
  CHECK_FALSE(readBatchFile(file.substr(0, file.size() - 1)).ok());
  CHECK(readBatchFile(file + "x").error().message.find("cut short or added to") != std::string::npos);
}

TEST_CASE("a header swapped between two batches is refused") {
  Device d;
  const std::string b1 = d.next(2), b2 = d.next(4);
  const size_t body1 = b1.find("\n\n") + 2, body2 = b2.find("\n\n") + 2;
  const std::string swapped = b2.substr(0, body2) + b1.substr(body1);
  auto r = readBatchFile(swapped);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("payload") != std::string::npos);
}

TEST_CASE("the chain: a missing batch, a replay, a duplicate number, a foreign signer, a broken link") {
  Device d;
  const std::string b1 = d.next(1), b2 = d.next(2), b3 = d.next(3);
  CHECK(verifyChain({{"1", b1}, {"2", b2}, {"3", b3}}).sound());
  CHECK(verifyChain({{"3", b3}, {"1", b1}, {"2", b2}}).sound());  // any order

  auto missing = verifyChain({{"1", b1}, {"3", b3}});
  CHECK(mentions(missing, "missing"));
  CHECK(mentions(verifyChain({{"2", b2}, {"3", b3}}), "missing"));
  CHECK(verifyChain({{"2", b2}, {"3", b3}}, 2).sound());

  CHECK(mentions(verifyChain({{"1", b1}, {"2", b2}, {"2 again", b2}}), "Replay"));

  // Another batch numbered 2 from the same device (say, a restored backup exported again).
  Device fork = d;
  fork.seq = 1;
  fork.lastHash = sha256Bytes(b1);
  const std::string other2 = fork.next(5);
  CHECK(mentions(verifyChain({{"1", b1}, {"2", b2}, {"2b", other2}}), "Duplicate"));

  // A batch claiming this device but signed with another key.
  Device impostor;
  impostor.seq = 3;
  impostor.lastHash = sha256Bytes(b3);
  CHECK(mentions(verifyChain({{"1", b1}, {"2", b2}, {"3", b3}, {"4", impostor.next(1)}}),
                 "different device key"));

  // A batch 2 that does not name batch 1.
  Device broken = d;
  broken.seq = 1;
  broken.lastHash = std::string(32, '\x01');
  CHECK(mentions(verifyChain({{"1", b1}, {"2", broken.next(1)}}), "does not chain"));

  // A damaged file among good ones.
  std::string bad = b2;
  bad[bad.size() / 2] ^= 0x10;
  CHECK_FALSE(verifyChain({{"1", b1}, {"2", bad}, {"3", b3}}).sound());
}

TEST_CASE("the wrong key cannot open a batch, and says whose key it needs") {
  Device d;
  auto batch = readBatchFile(d.next(2));
  REQUIRE(batch.ok());
  const OrgKeyPair other = makeOrgKeyPair();
  auto r = openBatch(*batch, other);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find(d.keys->org.pub.keyId()) != std::string::npos);
  auto right = openBatch(*batch, d.keys->org);
  REQUIRE(right.ok());
  CHECK(right->checkinsCsv.find("Person1") != std::string::npos);
}

TEST_CASE("acknowledgements: parse, verify, refuse forgeries and damage") {
  const OrgKeyPair org = makeOrgKeyPair();
  const std::string hash = sha256Bytes("a batch");
  const std::string code = makeAck("B82005", "K7QX", 12, hash, org.signSecret);
  CHECK(code.starts_with("LSK1:B82005:K7QX:12:" + crypto::toHex(hash).substr(0, 16) + ":"));
  auto ack = parseAck(code + "\n");
  REQUIRE(ack.ok());
  CHECK(ack->seq == 12);
  CHECK(verifyAck(*ack, org.pub.sign));
  CHECK_FALSE(verifyAck(*ack, makeOrgKeyPair().pub.sign));
  std::string changed = code;
  changed[17] = '3';  // batch 13
  auto other = parseAck(changed);
  REQUIRE(other.ok());
  CHECK_FALSE(verifyAck(*other, org.pub.sign));
  for (const char* bad :
       {"", "LSK1:", "LSK2:B82005:K7QX:1:0011223344556677:AA", "LSK1:B82005:K7QX:0:0011223344556677:AA",
        "LSK1:b82005:K7QX:1:0011223344556677:AA", "LSK1:B82005:K7QX:1:00112233:AA",
        "LSK1:B82005:K7QX:1:0011223344556677:not*base64", "LSK1:B82005:K7QX:1:0011223344556677"})
    CHECK_FALSE(parseAck(bad).ok());
}

TEST_CASE("organisation keys: text forms round-trip, damage is refused") {
  const OrgKeyPair kp = makeOrgKeyPair();
  auto pub = parseOrgPublicKey(" " + kp.pub.text() + "\r\n");
  REQUIRE(pub.ok());
  CHECK(pub->keyId() == kp.pub.keyId());
  auto back = parseOrgKeyPair(kp.secretText());
  REQUIRE(back.ok());
  CHECK(back->signSecret.view() == kp.signSecret.view());
  CHECK_FALSE(parseOrgPublicKey(kp.secretText()).ok());
  CHECK_FALSE(parseOrgKeyPair(kp.pub.text()).ok());
  // Halves from different pairs.
  const OrgKeyPair other = makeOrgKeyPair();
  std::string mixed = kp.secretText();
  const std::string otherText = other.secretText();
  const size_t cut = mixed.rfind(':'), otherCut = otherText.rfind(':');
  CHECK_FALSE(parseOrgKeyPair(mixed.substr(0, cut) + otherText.substr(otherCut)).ok());
}
