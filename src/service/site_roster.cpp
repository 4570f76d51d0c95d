#include "service/site_roster.h"

#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/ids.h"
#include "crypto/primitives.h"
#include "service/admin_log.h"
#include "service/admin_sign.h"
#include "service/sodium_digest.h"
#include "store/site_tables.h"

namespace longstop::service {

core::Status addPeer(Site& site, const StaffSession& admin, const store::PeerRow& peer) {
  if (auto s = requireAdmin(site, admin); !s.ok()) return s;
  if (!core::isValidDeviceId(peer.deviceId))
    return core::invalidInput("'" + peer.deviceId + "' is not a device ID.");
  if (peer.deviceId == site.info().deviceId) return core::conflict("A device cannot be its own peer.");
  if (peer.signPublicKey.size() != 32) return core::invalidInput("A peer's signing key is 32 bytes.");
  if (peer.role != "kiosk" && peer.role != "desk" && peer.role != "board")
    return core::invalidInput("A device's role is kiosk, desk or board.");
  return site.db().transaction([&]() -> core::Status {
    auto peers = store::listPeers(site.db());
    if (!peers.ok()) return peers.error();
    for (const auto& p : peers.value())
      if (p.deviceId == peer.deviceId)
        return core::conflict("Device " + peer.deviceId + " is already in the roster.");
    store::PeerRow row = peer;
    row.addedMs = site.clock().now().unixMs;
    row.removedMs.reset();
    if (auto s = store::insertPeer(site.db(), row); !s.ok()) return s;
    store::JsonObject data;
    data.add("device", row.deviceId).add("sign_pk", crypto::toHex(row.signPublicKey));
    data.add("address", row.address).add("role", row.role);
    auto e =
        appendAdminEvent(site, admin.secrets().adminSecretKey, "peer-added", std::move(data), admin.who().id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
}

core::Status removePeer(Site& site, const StaffSession& admin, const std::string& deviceId) {
  if (auto s = requireAdmin(site, admin); !s.ok()) return s;
  return site.db().transaction([&]() -> core::Status {
    auto peers = store::listPeers(site.db());
    if (!peers.ok()) return peers.error();
    const store::PeerRow* found = nullptr;
    for (const auto& p : peers.value())
      if (p.deviceId == deviceId) found = &p;
    if (!found) return core::notFound("Device " + deviceId + " is not in this device's roster.");
    if (found->removedMs) return core::conflict("Device " + deviceId + " was already removed.");
    auto end = store::peerChainEnd(site.db(), deviceId);
    if (!end.ok()) return end.error();
    if (auto s = store::markPeerRemoved(site.db(), deviceId, site.clock().now().unixMs); !s.ok()) return s;
    store::JsonObject data;
    data.add("device", deviceId).add("sign_pk", crypto::toHex(found->signPublicKey));
    data.add("upto_seq", end.value() ? end.value()->seq : int64_t{0});
    auto e = appendAdminEvent(site, admin.secrets().adminSecretKey, "peer-removed", std::move(data),
                              admin.who().id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
}

core::Status setTicketBlock(Site& site, const StaffSession& admin, int slot, int stride) {
  if (auto s = requireAdmin(site, admin); !s.ok()) return s;
  const int64_t today = site.clock().now().localDay();
  const core::TicketBlock block{slot, stride, today + 1};
  if (!core::validTicketBlock(block))
    return core::invalidInput(
        "A ticket block is a slot from 0 to one less than the number of devices, at most " +
        std::to_string(core::kMaxTicketStride) + ".");
  return site.db().transaction([&]() -> core::Status {
    auto current = store::getMeta(site.db(), "ticket_block");
    if (!current.ok()) return current.error();
    if (current.value()) {
      auto b = core::parseTicketBlock(*current.value());
      if (b && b->fromDay <= today)
        if (auto m = store::setMeta(site.db(), "ticket_block_before", *current.value()); !m.ok()) return m;
    }
    if (auto m = store::setMeta(site.db(), "ticket_block", core::formatTicketBlock(block)); !m.ok()) return m;
    store::JsonObject data;
    data.add("block", core::formatTicketBlock(block));
    auto e = appendAdminEvent(site, admin.secrets().adminSecretKey, "ticket-block-set", std::move(data),
                              admin.who().id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
}

namespace {

// What the roster events held from peers say, each checked: a `peer-added` or `peer-removed` must
// carry the site admin key's signature over its origin's ID; a `peer-joined` must name an
// invitation that the same origin's admin-signed `join-invited` made, used by no other join.
struct PeerRosterEvents {
  std::vector<store::PeerRow> added;
  std::vector<std::pair<std::string, int64_t>> removed;                  // device, when
  std::vector<std::tuple<std::string, int64_t, std::string>> unsigned_;  // origin, sequence, device named
};

core::Result<PeerRosterEvents> peerRosterEvents(store::Database& db) {
  auto adminHex = store::getMeta(db, "admin_pk");
  if (!adminHex.ok()) return adminHex.error();
  const std::string adminPk = crypto::fromHex(adminHex.value().value_or("")).value_or("");
  auto st = db.prepare(
      "SELECT origin, origin_seq, kind, data, at_ms FROM peer_events WHERE kind IN ('peer-added', "
      "'peer-removed', 'peer-joined', 'join-invited') ORDER BY origin, origin_seq");
  if (!st.ok()) return st.error();
  struct Row {
    std::string origin;
    int64_t seq;
    std::string kind, data;
    int64_t atMs;
  };
  std::vector<Row> rows;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    rows.push_back(
        {st->columnText(0), st->columnInt(1), st->columnText(2), st->columnText(3), st->columnInt(4)});
  }
  std::map<std::string, int> invites;  // "origin:invite" -> joins that used it (-1: not invited)
  for (const auto& r : rows)
    if (r.kind == "join-invited" && !adminPk.empty() &&
        adminSignatureValid(adminPk, r.origin, r.kind, r.data)) {
      auto j = nlohmann::json::parse(r.data, nullptr, false);
      if (j.is_object() && j.contains("invite") && j["invite"].is_string())
        invites[r.origin + ":" + j["invite"].get<std::string>()] = 0;
    }
  for (const auto& r : rows) {
    auto j = nlohmann::json::parse(r.data, nullptr, false);
    if (r.kind != "peer-joined" || !j.is_object() || !j.contains("invite") || !j["invite"].is_string())
      continue;
    if (auto it = invites.find(r.origin + ":" + j["invite"].get<std::string>()); it != invites.end())
      ++it->second;
  }
  PeerRosterEvents out;
  for (const auto& r : rows) {
    if (r.kind == "join-invited") continue;
    auto j = nlohmann::json::parse(r.data, nullptr, false);
    auto text = [&](const char* key) {
      return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>()
                                                                    : std::string();
    };
    bool valid = false;
    if (r.kind == "peer-joined") {
      auto it = invites.find(r.origin + ":" + text("invite"));
      valid = it != invites.end() && it->second == 1;
    } else {
      valid = !adminPk.empty() && adminSignatureValid(adminPk, r.origin, r.kind, r.data);
    }
    if (!valid) {
      out.unsigned_.push_back({r.origin, r.seq, text("device")});
      continue;
    }
    if (r.kind == "peer-removed") {
      out.removed.push_back({text("device"), r.atMs});
      continue;
    }
    const std::string key = crypto::fromHex(text("sign_pk")).value_or("");
    const std::string role = text("role");
    if (!core::isValidDeviceId(text("device")) || key.size() != 32 ||
        (role != "kiosk" && role != "desk" && role != "board"))
      continue;
    out.added.push_back({text("device"), key, text("address"), role, r.atMs, {}});
  }
  return out;
}

}  // namespace

core::Result<int> followRoster(store::Database& db) {
  int changed = 0;
  auto s = db.transaction([&]() -> core::Status {
    auto own = store::getMeta(db, "device_id");
    if (!own.ok()) return own.error();
    const std::string self = own.value().value_or("");
    auto events = peerRosterEvents(db);
    if (!events.ok()) return events.error();
    auto peers = store::listPeers(db);
    if (!peers.ok()) return peers.error();
    std::map<std::string, store::PeerRow> roster;
    for (auto& p : peers.value()) roster[p.deviceId] = p;
    for (const auto& p : events->added) {
      if (p.deviceId == self || roster.count(p.deviceId)) continue;  // known already (or this device)
      if (auto r = store::insertPeer(db, p); !r.ok()) return r;
      roster[p.deviceId] = p;
      ++changed;
    }
    for (const auto& [d, atMs] : events->removed) {
      auto it = roster.find(d);
      if (d == self || it == roster.end() || it->second.removedMs) continue;
      if (auto r = store::markPeerRemoved(db, d, atMs); !r.ok()) return r;
      it->second.removedMs = 1;
      ++changed;
    }
    // A roster change without the admin key's signature is not applied, and reported once.
    // One about this device itself changes nothing here, so it is not reported either: two devices
    // that are each their own site (peer-add on both) name each other with their own admin keys.
    for (const auto& [origin, seq, named] : events->unsigned_) {
      if (named == self) continue;
      auto seen = db.prepare("SELECT count(*) FROM site_refusals WHERE origin = ? AND origin_seq = ?");
      if (!seen.ok()) return seen.error();
      seen->bind(1, origin).bind(2, seq);
      auto row = seen->step();
      if (!row.ok()) return row.error();
      const bool reported = seen->columnInt(0) > 0;
      seen->reset();
      if (reported) continue;
      if (auto r = store::insertRefusal(db, origin, seq, 0,
                                        "a roster change not signed by the site's admin key: the roster "
                                        "was not changed");
          !r.ok())
        return r;
    }
    return core::okStatus();
  });
  if (!s.ok()) return s.error();
  return changed;
}

core::Result<std::vector<std::string>> checkRoster(store::Database& db) {
  auto log = readAdminLog(db);
  if (!log.ok()) return log.error();
  auto peers = store::listPeers(db);
  if (!peers.ok()) return peers.error();
  // A device that joined with a code is vouched for by the admin-signed invitation it used, once.
  std::map<std::string, std::string> joined;  // "device:key" -> invitation
  std::map<std::string, int> uses;
  auto st = db.prepare("SELECT data FROM events WHERE kind = 'peer-joined'");
  if (!st.ok()) return st.error();
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    auto j = nlohmann::json::parse(st->columnText(0), nullptr, false);
    if (!j.is_object()) continue;
    joined[j.value("device", "") + ":" + j.value("sign_pk", "")] = j.value("invite", "");
    ++uses[j.value("invite", "")];
  }
  auto invited = [&](const std::string& invite) {
    if (invite.empty() || uses[invite] != 1) return false;
    for (const auto& e : log->events) {
      if (e.kind != "join-invited" || !e.valid) continue;
      auto j = nlohmann::json::parse(e.data, nullptr, false);
      if (j.is_object() && j.value("invite", "") == invite) return true;
    }
    return false;
  };
  auto fromPeers = peerRosterEvents(db);
  if (!fromPeers.ok()) return fromPeers.error();
  std::vector<std::string> out;
  for (const auto& p : peers.value()) {
    bool named = false;
    for (const auto& a : fromPeers->added)
      named = named || (a.deviceId == p.deviceId && a.signPublicKey == p.signPublicKey);
    for (const auto& e : log->events) {
      if (e.kind != "peer-added" || !e.valid) continue;
      auto j = nlohmann::json::parse(e.data, nullptr, false);
      if (j.is_object() && j.value("device", "") == p.deviceId &&
          j.value("sign_pk", "") == crypto::toHex(p.signPublicKey))
        named = true;
    }
    if (auto it = joined.find(p.deviceId + ":" + crypto::toHex(p.signPublicKey)); it != joined.end())
      named = named || invited(it->second);
    if (!named)
      out.push_back("Device " + p.deviceId +
                    " is in the roster without an administrator's signature (or with "
                    "another key): it was put there outside Longstop. Tell the practice's IT support.");
    // A removal is signed too: one made outside Longstop, or one undone behind the log's back (a stolen
    // device let back in), is found.
    bool removedSigned = false;
    for (const auto& r : fromPeers->removed) removedSigned = removedSigned || r.first == p.deviceId;
    for (const auto& e : log->events) {
      if (e.kind != "peer-removed" || !e.valid) continue;
      auto j = nlohmann::json::parse(e.data, nullptr, false);
      if (j.is_object() && j.value("device", "") == p.deviceId) removedSigned = true;
    }
    if (removedSigned && !p.removedMs)
      out.push_back("Device " + p.deviceId +
                    " was removed by an administrator but is in the roster again: the "
                    "removal was undone outside Longstop. Tell the practice's IT support.");
    if (!removedSigned && p.removedMs)
      out.push_back("Device " + p.deviceId +
                    " is marked removed without an administrator's signature: it was "
                    "changed outside Longstop. Tell the practice's IT support.");
  }
  // The ticket block in the settings must be the newest one an administrator signed.
  const AdminEvent* block = log->newest("ticket-block-set");
  auto meta = store::getMeta(db, "ticket_block");
  if (!meta.ok()) return meta.error();
  std::string signedBlock;
  if (block && block->valid) {
    auto j = nlohmann::json::parse(block->data, nullptr, false);
    if (j.is_object()) signedBlock = j.value("block", "");
  }
  if (meta.value().value_or("") != signedBlock)
    out.push_back(
        "This device's ticket block in the settings is not the one an administrator set: tickets may "
        "repeat across the site. Tell the practice's IT support.");
  SodiumDigest digest;
  SodiumSignatureCheck check;
  auto chains = store::verifyPeerEvents(db, digest, check);
  if (!chains.ok()) return chains.error();
  out.insert(out.end(), chains->begin(), chains->end());
  return out;
}

}  // namespace longstop::service
