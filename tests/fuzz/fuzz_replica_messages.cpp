// Fuzzes what a device does with the messages it pulls from a peer's stream: the wire decoder
// (replica/wire.h) and the checks that decide what is stored (replica/apply.h), over a fresh database in
// memory holding one peer whose key is fixed (seed bytes 0x01..0x20), so that the seed corpus (events
// signed with that key) reaches the chain, signature and sealed-details checks. Each line of an input is
// one message, in stream order. Nothing may crash; a decoded event must encode back to the same event;
// every message is applied, skipped as held, or refused and recorded, and the cursor moves past them all
// (a message that stalled the puller would stall it for ever); what is stored verifies.
#include <sodium.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/primitives.h"
#include "replica/apply.h"
#include "replica/wire.h"
#include "store/database.h"
#include "store/schema.h"
#include "store/site_log.h"

using namespace longstop;

namespace {
const bool kReady = crypto::initialise();
constexpr const char* kPeer = "K7QX";
constexpr size_t kMaxMessages = 16;

std::string fixedPublicKey() {
  unsigned char seed[32], pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  for (int i = 0; i < 32; ++i) seed[i] = static_cast<unsigned char>(i + 1);
  crypto_sign_seed_keypair(pk, sk, seed);
  return std::string(reinterpret_cast<const char*>(pk), sizeof pk);
}

struct Sha256 final : core::Digest {
  core::Hash256 sha256(std::string_view bytes) const override { return crypto::sha256(bytes); }
};
struct Ed25519 final : core::SignatureCheck {
  bool verify(std::string_view pk, std::string_view m, std::string_view sig) const override {
    return crypto::verifySignature(pk, m, sig);
  }
};

bool sameEvent(const store::SiteEvent& a, const store::SiteEvent& b) {
  return a.origin == b.origin && a.originSeq == b.originSeq && a.event.hlc == b.event.hlc &&
         a.event.atMs == b.event.atMs && a.event.kind == b.event.kind &&
         a.event.recordId == b.event.recordId && a.event.staffId == b.event.staffId &&
         a.event.data == b.event.data && a.prevHash == b.prevHash && a.hash == b.hash && a.sig == b.sig &&
         a.sealed == b.sealed;
}

int64_t count(store::Database& db, const char* sql) {
  auto st = db.prepare(sql);
  if (!st.ok() || !st->step().value()) std::abort();
  return st->columnInt(0);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!kReady) std::abort();
  static const std::string publicKey = fixedPublicKey();
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  std::vector<replica::StoredMessage> messages;
  for (size_t at = 0; at <= input.size() && messages.size() < kMaxMessages;) {
    size_t end = input.find('\n', at);
    if (end == std::string_view::npos) end = input.size();
    messages.push_back({messages.size() + 1, std::string(input.substr(at, end - at))});
    at = end + 1;
  }
  for (const auto& m : messages) {
    auto e = replica::decodeEvent(m.data);
    if (!e.ok()) {
      if (e.error().message.empty()) std::abort();
      continue;
    }
    auto back = replica::decodeEvent(replica::encodeEvent(*e));
    if (!back.ok() || !sameEvent(*back, *e)) std::abort();
  }

  auto db = store::Database::openInMemory();
  if (!db.ok() || !store::migrate(**db).ok()) std::abort();
  const store::PeerRow peer{kPeer, publicKey, "nats://127.0.0.1:4222", "kiosk", 0, {}};
  if (!store::insertPeer(**db, peer).ok()) std::abort();
  auto report = replica::applyMessages(**db, peer, messages, 1000);
  if (!report.ok()) std::abort();  // the batch would be retried, and refused, for ever
  const auto& r = report.value();
  if (r.applied + r.duplicates + r.refused != static_cast<int>(messages.size())) std::abort();
  if (r.cursor != messages.size()) std::abort();
  if (store::peerCursor(**db, kPeer).value() != static_cast<int64_t>(messages.size())) std::abort();
  if (count(**db, "SELECT count(*) FROM peer_events") != r.applied) std::abort();
  if (count(**db, "SELECT count(*) FROM site_refusals") != r.refused) std::abort();
  const Sha256 digest;
  const Ed25519 check;
  auto problems = store::verifyPeerEvents(**db, digest, check);
  if (!problems.ok() || !problems->empty()) std::abort();
  return 0;
}
