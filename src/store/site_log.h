// The site's events beside the device's own (docs/site.md): peers' events as their origins signed
// them, the roster of peers, each peer's cursor and the messages that were refused. The device's own
// events stay in the event log (store/event_log.h); this file reads them in the same shape.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/digest.h"
#include "core/result.h"
#include "core/signer.h"
#include "store/database.h"
#include "store/event_log.h"

namespace longstop::store {

/// One event of any origin, with what its origin's chain and signature need.
struct SiteEvent {
  std::string origin;     // the device that wrote it
  int64_t originSeq = 0;  // its sequence on that device
  EventInput event;       // at_ms, kind, record, staff, data, hlc (0: from before stamps)
  std::string prevHash;   // the origin's previous event's hash (32 zero bytes for its first)
  std::string hash;       // SHA-256 of canonicalEventBytes(prevHash, originSeq, event)
  std::string sig;        // the origin's Ed25519 signature of eventSignedBytes(hash); empty if unsigned
  std::optional<std::string> sealed;  // the sealed details a check-in or an edit carries
};

struct PeerRow {
  std::string deviceId;
  std::string signPublicKey;  // 32 bytes
  std::string address;        // nats://host:port
  std::string role;           // kiosk | desk | board
  int64_t addedMs = 0;
  std::optional<int64_t> removedMs;
};

core::Status insertPeer(Database& db, const PeerRow& p);
/// Marks a peer removed at `atMs` (nothing when it already was).
core::Status markPeerRemoved(Database& db, std::string_view deviceId, int64_t atMs);
/// Every peer in the roster, removed ones too, by device ID.
core::Result<std::vector<PeerRow>> listPeers(Database& db);

/// The device's own events with seq > `afterSeq`, at most `limit`, oldest first, as `origin`'s.
core::Result<std::vector<SiteEvent>> ownEventsAfter(Database& db, std::string_view origin, int64_t afterSeq,
                                                    int limit);
/// The sealed details of a check-in as they are now, if any (what the outbox attaches).
core::Result<std::optional<std::string>> sealedOf(Database& db, std::string_view recordId);

/// The newest event stored from `origin`: its sequence and hash (nullopt when none).
struct ChainEnd {
  int64_t seq = 0;
  std::string hash;
};
core::Result<std::optional<ChainEnd>> peerChainEnd(Database& db, std::string_view origin);
/// Stores a peer's event, which the caller has checked; call inside a transaction.
core::Status insertPeerEvent(Database& db, const SiteEvent& e);

/// The last stream sequence applied from a peer's stream (0 when none).
core::Result<int64_t> peerCursor(Database& db, std::string_view origin);
core::Status setPeerCursor(Database& db, std::string_view origin, int64_t streamSeq);

core::Status insertRefusal(Database& db, std::string_view origin, int64_t originSeq, int64_t atMs,
                           std::string_view reason);
struct Refusal {
  std::string origin;
  int64_t originSeq = 0;
  std::string reason;
};
core::Result<std::vector<Refusal>> listRefusals(Database& db);

/// Every event of the site, own (as `ownOrigin`'s) and peers', in no particular order.
core::Result<std::vector<SiteEvent>> allSiteEvents(Database& db, std::string_view ownOrigin);

/// Why `e` cannot follow `end` in its origin's chain, or "" when it can: sequence, previous hash, the
/// recomputed hash and the signature under `publicKey`.
std::string chainProblem(const SiteEvent& e, const std::optional<ChainEnd>& end, std::string_view publicKey,
                         const core::Digest& digest, const core::SignatureCheck& check);

/// Checks every peer's stored chain and signatures under the roster's keys: one sentence per problem.
core::Result<std::vector<std::string>> verifyPeerEvents(Database& db, const core::Digest& digest,
                                                        const core::SignatureCheck& check);

}  // namespace longstop::store
