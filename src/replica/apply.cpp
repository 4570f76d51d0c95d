#include "replica/apply.h"

#include <map>
#include <nlohmann/json.hpp>

#include "crypto/primitives.h"
#include "replica/wire.h"

namespace longstop::replica {
namespace {

struct Sha256 final : core::Digest {
  core::Hash256 sha256(std::string_view bytes) const override { return crypto::sha256(bytes); }
};
struct Ed25519 final : core::SignatureCheck {
  bool verify(std::string_view pk, std::string_view m, std::string_view sig) const override {
    return crypto::verifySignature(pk, m, sig);
  }
};

// A sealed attachment must be the one the (signed) event data names by its SHA-256.
bool sealedMatches(const store::SiteEvent& e) {
  if (!e.sealed) return true;
  auto j = nlohmann::json::parse(e.event.data, nullptr, false);
  if (!j.is_object()) return false;
  const auto h = crypto::sha256(*e.sealed);
  return j.value("sealed_sha256", "") ==
         crypto::toHex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()));
}

}  // namespace

core::Result<ApplyReport> applyMessages(store::Database& db, const store::PeerRow& peer,
                                        const std::vector<StoredMessage>& messages, int64_t nowMs) {
  ApplyReport report;
  const Sha256 digest;
  const Ed25519 check;
  auto s = db.transaction([&]() -> core::Status {
    auto end = store::peerChainEnd(db, peer.deviceId);
    if (!end.ok()) return end.error();
    std::optional<store::ChainEnd> chain = end.value();
    // Read here, in the transaction: a removal made while this puller was connected counts at once.
    std::optional<int64_t> removedMs = peer.removedMs;
    auto peers = store::listPeers(db);
    if (!peers.ok()) return peers.error();
    for (const auto& p : peers.value())
      if (p.deviceId == peer.deviceId) removedMs = p.removedMs;
    for (const auto& m : messages) {
      report.cursor = m.streamSeq;
      auto refuse = [&](int64_t originSeq, const std::string& why) -> core::Status {
        ++report.refused;
        return store::insertRefusal(db, peer.deviceId, originSeq, nowMs,
                                    "stream message " + std::to_string(m.streamSeq) + ": " + why);
      };
      auto decoded = decodeEvent(m.data);
      if (!decoded.ok()) {
        if (auto r = refuse(0, decoded.error().message); !r.ok()) return r;
        continue;
      }
      const store::SiteEvent& e = decoded.value();
      std::string why;
      if (e.origin != peer.deviceId)
        why = "it names device " + e.origin + " on the stream of " + peer.deviceId;
      if (why.empty() && chain && e.originSeq <= chain->seq) {
        ++report.duplicates;  // already held: a republish (checked equal by the chain below if it were new)
        continue;
      }
      // A removed device's events after its removal are refused: its chain ends where it was when an
      // administrator removed it (whatever stamps a stolen device puts on what it writes next).
      if (why.empty() && removedMs)
        why =
            "device " + peer.deviceId + " was removed from the site; nothing it wrote after that is accepted";
      if (why.empty()) why = store::chainProblem(e, chain, peer.signPublicKey, digest, check);
      if (why.empty() && !sealedMatches(e)) why = "its sealed details are not the ones its data names";
      if (!why.empty()) {
        if (auto r = refuse(e.originSeq, why); !r.ok()) return r;
        continue;
      }
      if (auto r = store::insertPeerEvent(db, e); !r.ok()) return r;
      chain = store::ChainEnd{e.originSeq, e.hash};
      ++report.applied;
    }
    if (messages.empty()) return core::okStatus();
    return store::setPeerCursor(db, peer.deviceId, static_cast<int64_t>(report.cursor));
  });
  if (!s.ok()) return s.error();
  return report;
}

}  // namespace longstop::replica
