#include "store/site_log.h"

namespace longstop::store {
namespace {

const std::string kGenesis(32, '\0');

std::string hashBytes(const core::Hash256& h) {
  return std::string(h.begin(), h.end());
}

// Columns: origin-less part shared by both tables, in this order.
SiteEvent rowEvent(const Statement& st, std::string origin, int first) {
  SiteEvent e;
  e.origin = std::move(origin);
  e.originSeq = st.columnInt(first);
  e.event.atMs = st.columnInt(first + 1);
  e.event.kind = st.columnText(first + 2);
  e.event.recordId = st.columnText(first + 3);
  e.event.staffId = st.columnText(first + 4);
  e.event.data = st.columnText(first + 5);
  e.prevHash = st.columnBlob(first + 6);
  e.hash = st.columnBlob(first + 7);
  if (!st.columnIsNull(first + 8)) e.sig = st.columnBlob(first + 8);
  e.event.hlc = st.columnIsNull(first + 9) ? 0 : st.columnInt(first + 9);
  return e;
}

}  // namespace

core::Status insertPeer(Database& db, const PeerRow& p) {
  auto st = db.prepare(
      "INSERT INTO peers(device_id, sign_pk, address, role, added_ms, removed_ms) VALUES (?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  st->bind(1, p.deviceId).bindBlob(2, p.signPublicKey).bind(3, p.address).bind(4, p.role).bind(5, p.addedMs);
  if (p.removedMs)
    st->bind(6, *p.removedMs);
  else
    st->bindNull(6);
  return st->run();
}

core::Status markPeerRemoved(Database& db, std::string_view deviceId, int64_t atMs) {
  auto st = db.prepare("UPDATE peers SET removed_ms = ?1 WHERE device_id = ?2 AND removed_ms IS NULL");
  if (!st.ok()) return st.error();
  st->bind(1, atMs).bind(2, std::string(deviceId));
  return st->run();
}

core::Result<std::vector<PeerRow>> listPeers(Database& db) {
  auto st = db.prepare(
      "SELECT device_id, sign_pk, address, role, added_ms, removed_ms FROM peers ORDER BY device_id");
  if (!st.ok()) return st.error();
  std::vector<PeerRow> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    PeerRow p{st->columnText(0), st->columnBlob(1), st->columnText(2),
              st->columnText(3), st->columnInt(4),  {}};
    if (!st->columnIsNull(5)) p.removedMs = st->columnInt(5);
    out.push_back(std::move(p));
  }
  return out;
}

core::Result<std::vector<SiteEvent>> ownEventsAfter(Database& db, std::string_view origin, int64_t afterSeq,
                                                    int limit) {
  auto st = db.prepare(
      "SELECT seq, at_ms, kind, record_id, staff_id, data, prev_hash, hash, sig, hlc FROM events "
      "WHERE seq > ? ORDER BY seq LIMIT ?");
  if (!st.ok()) return st.error();
  st->bind(1, afterSeq).bind(2, static_cast<int64_t>(limit));
  std::vector<SiteEvent> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    out.push_back(rowEvent(*st, std::string(origin), 0));
  }
  return out;
}

core::Result<std::optional<std::string>> sealedOf(Database& db, std::string_view recordId) {
  auto st = db.prepare("SELECT sealed FROM checkins WHERE record_id = ?");
  if (!st.ok()) return st.error();
  st->bind(1, recordId);
  auto row = st->step();
  if (!row.ok()) return row.error();
  if (!row.value() || st->columnIsNull(0)) return std::optional<std::string>();
  return std::optional<std::string>(st->columnBlob(0));
}

core::Result<std::optional<ChainEnd>> peerChainEnd(Database& db, std::string_view origin) {
  auto st = db.prepare(
      "SELECT origin_seq, hash FROM peer_events WHERE origin = ? ORDER BY origin_seq DESC LIMIT 1");
  if (!st.ok()) return st.error();
  st->bind(1, origin);
  auto row = st->step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<ChainEnd>();
  return std::optional<ChainEnd>(ChainEnd{st->columnInt(0), st->columnBlob(1)});
}

core::Status insertPeerEvent(Database& db, const SiteEvent& e) {
  auto st = db.prepare(
      "INSERT INTO peer_events(origin, origin_seq, hlc, at_ms, kind, record_id, staff_id, data, prev_hash, "
      "hash, "
      "sig, sealed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  st->bind(1, e.origin).bind(2, e.originSeq);
  if (e.event.hlc)
    st->bind(3, e.event.hlc);
  else
    st->bindNull(3);
  st->bind(4, e.event.atMs).bind(5, e.event.kind).bind(6, e.event.recordId).bind(7, e.event.staffId);
  st->bind(8, e.event.data).bindBlob(9, e.prevHash).bindBlob(10, e.hash);
  if (e.sig.empty())
    st->bindNull(11);
  else
    st->bindBlob(11, e.sig);
  if (e.sealed)
    st->bindBlob(12, *e.sealed);
  else
    st->bindNull(12);
  return st->run();
}

core::Result<int64_t> peerCursor(Database& db, std::string_view origin) {
  auto st = db.prepare("SELECT stream_seq FROM peer_cursors WHERE origin = ?");
  if (!st.ok()) return st.error();
  st->bind(1, origin);
  auto row = st->step();
  if (!row.ok()) return row.error();
  return row.value() ? st->columnInt(0) : int64_t{0};
}

core::Status setPeerCursor(Database& db, std::string_view origin, int64_t streamSeq) {
  auto st = db.prepare("INSERT OR REPLACE INTO peer_cursors(origin, stream_seq) VALUES (?,?)");
  if (!st.ok()) return st.error();
  st->bind(1, origin).bind(2, streamSeq);
  return st->run();
}

core::Status insertRefusal(Database& db, std::string_view origin, int64_t originSeq, int64_t atMs,
                           std::string_view reason) {
  auto st = db.prepare("INSERT INTO site_refusals(origin, origin_seq, at_ms, reason) VALUES (?,?,?,?)");
  if (!st.ok()) return st.error();
  st->bind(1, origin).bind(2, originSeq).bind(3, atMs).bind(4, reason);
  return st->run();
}

core::Result<std::vector<Refusal>> listRefusals(Database& db) {
  auto st = db.prepare("SELECT origin, origin_seq, reason FROM site_refusals ORDER BY id");
  if (!st.ok()) return st.error();
  std::vector<Refusal> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    out.push_back({st->columnText(0), st->columnInt(1), st->columnText(2)});
  }
  return out;
}

core::Result<std::vector<SiteEvent>> allSiteEvents(Database& db, std::string_view ownOrigin) {
  auto own = ownEventsAfter(db, ownOrigin, 0, INT32_MAX);
  if (!own.ok()) return own.error();
  std::vector<SiteEvent> out = std::move(own.value());
  auto st = db.prepare(
      "SELECT origin, origin_seq, at_ms, kind, record_id, staff_id, data, prev_hash, hash, sig, hlc, sealed "
      "FROM peer_events");
  if (!st.ok()) return st.error();
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    SiteEvent e = rowEvent(*st, st->columnText(0), 1);
    if (!st->columnIsNull(11)) e.sealed = st->columnBlob(11);
    out.push_back(std::move(e));
  }
  return out;
}

std::string chainProblem(const SiteEvent& e, const std::optional<ChainEnd>& end, std::string_view publicKey,
                         const core::Digest& digest, const core::SignatureCheck& check) {
  const int64_t expected = end ? end->seq + 1 : 1;
  const std::string& prev = end ? end->hash : kGenesis;
  if (e.originSeq != expected)
    return "event " + std::to_string(e.originSeq) + " does not follow its origin's event " +
           std::to_string(expected - 1) + " (a gap or a repeat)";
  if (e.prevHash != prev) return "it does not point at its origin's previous event";
  if (e.hash != hashBytes(digest.sha256(canonicalEventBytes(e.prevHash, e.originSeq, e.event))))
    return "its contents do not match its hash";
  if (e.sig.empty()) return "it is not signed";
  if (!check.verify(publicKey, eventSignedBytes(e.hash), e.sig)) return "its signature is not its origin's";
  return "";
}

core::Result<std::vector<std::string>> verifyPeerEvents(Database& db, const core::Digest& digest,
                                                        const core::SignatureCheck& check) {
  auto peers = listPeers(db);
  if (!peers.ok()) return peers.error();
  std::map<std::string, std::string> keys;
  for (const auto& p : peers.value()) keys[p.deviceId] = p.signPublicKey;
  auto st = db.prepare(
      "SELECT origin, origin_seq, at_ms, kind, record_id, staff_id, data, prev_hash, hash, sig, hlc "
      "FROM peer_events ORDER BY origin, origin_seq");
  if (!st.ok()) return st.error();
  std::vector<std::string> out;
  std::string origin;
  std::optional<ChainEnd> end;
  bool broken = false;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    SiteEvent e = rowEvent(*st, st->columnText(0), 1);
    if (e.origin != origin) {
      origin = e.origin;
      end.reset();
      broken = false;
    }
    if (broken) continue;  // one sentence per origin
    auto key = keys.find(e.origin);
    std::string why = key == keys.end() ? "it comes from a device that is not in the roster"
                                        : chainProblem(e, end, key->second, digest, check);
    if (!why.empty()) {
      out.push_back("Event " + std::to_string(e.originSeq) + " from device " + e.origin + ": " + why + ".");
      broken = true;
      continue;
    }
    end = ChainEnd{e.originSeq, e.hash};
  }
  return out;
}

}  // namespace longstop::store
