#include "service/site_roster.h"

#include <map>

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
  std::vector<std::string> out;
  for (const auto& p : peers.value()) {
    bool named = false;
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
