#include "service/site_queue.h"

#include <algorithm>
#include <map>

#include "core/date.h"
#include "core/hlc.h"
#include "core/ids.h"
#include "core/patient.h"
#include "service/queue_actions.h"
#include "service/site_state.h"
#include "store/checkins.h"

namespace longstop::service {
namespace {

int64_t localMinutesOf(const Site& site, int64_t hlc) {
  return core::Instant{core::hlcMillis(hlc), site.clock().now().utcOffsetMinutes}.localMinutes();
}

bool arrivedToday(const Site& site, const core::FoldedCheckin& c) {
  return core::Instant::floorDiv(localMinutesOf(site, c.arrivedHlc), 1440) == site.clock().now().localDay();
}

std::string originOf(const std::string& recordId) {
  auto parts = core::parseRecordId(recordId);
  return parts ? parts->deviceId : std::string();
}

// The sealed details named by a fold's "<origin>:<seq>", from a peer's event.
std::optional<std::string> sealedDetails(Site& site, const std::string& ref) {
  const auto colon = ref.rfind(':');
  if (colon == std::string::npos) return std::nullopt;
  auto st = site.db().prepare("SELECT sealed FROM peer_events WHERE origin = ? AND origin_seq = ?");
  if (!st.ok()) return std::nullopt;
  st->bind(1, ref.substr(0, colon)).bind(2, static_cast<int64_t>(std::atoll(ref.c_str() + colon + 1)));
  auto row = st->step();
  if (!row.ok() || !row.value() || st->columnIsNull(0)) return std::nullopt;
  return st->columnBlob(0);
}

// The room of each record's last call, made on any device (record ID -> room).
std::map<std::string, std::string> lastRooms(Site& site) {
  std::map<std::string, std::string> out;
  auto st = site.db().prepare(
      "SELECT record_id, coalesce(json_extract(data, '$.room'), '') FROM ("
      " SELECT record_id, data, coalesce(hlc, at_ms << 16) AS h FROM events WHERE kind IN ('call', 'recall')"
      " UNION ALL SELECT record_id, data, coalesce(hlc, at_ms << 16) FROM peer_events"
      "  WHERE kind IN ('call', 'recall')) ORDER BY h");
  if (!st.ok()) return out;
  for (;;) {
    auto row = st->step();
    if (!row.ok() || !row.value()) return out;
    out[st->columnText(0)] = st->columnText(1);
  }
}

bool isUrgent(const QueueEntry& e) {
  return e.row.priority == core::Priority::kUrgent;
}

}  // namespace

bool holdsPeerEvents(Site& site) {
  auto st = site.db().prepare("SELECT EXISTS (SELECT 1 FROM peer_events)");
  return st.ok() && st->step().ok() && st->columnInt(0) != 0;
}

bool isPeerRecord(Site& site, const std::string& recordId) {
  const std::string origin = originOf(recordId);
  return !origin.empty() && origin != site.info().deviceId;
}

core::Result<std::vector<QueueEntry>> peerEntries(Site& site, const StaffSession& who) {
  std::vector<QueueEntry> out;
  if (!holdsPeerEvents(site)) return out;
  auto state = foldedState(site.db(), site.info().deviceId);
  if (!state.ok()) return state.error();
  const auto rooms = lastRooms(site);
  const int64_t now = site.clock().now().unixMs;
  for (const auto& [id, c] : state->checkins) {
    if (!isPeerRecord(site, id) || !c.mergedInto.empty() || !arrivedToday(site, c)) continue;
    QueueEntry e;
    e.row.recordId = id;
    e.row.ticket = c.ticket;
    e.row.queueId = c.queue;
    e.row.state = c.state;
    // The fold keeps a peer's event's own words; only "urgent" makes it urgent, as on the peer.
    e.row.priority = core::priorityFromString(c.priority).value_or(core::Priority::kNormal);
    e.row.arrivedMs = core::hlcMillis(c.arrivedHlc);
    e.row.stateMs = core::hlcMillis(c.stateHlc);
    e.row.localDay = site.clock().now().localDay();
    if (c.state != core::CheckinState::kWaiting && c.state != core::CheckinState::kParked)
      e.row.calledMs = e.row.stateMs;
    e.dueLocal = localMinutesOf(site, c.arrivedHlc);
    const int64_t until = e.row.calledMs.value_or(now);
    e.waitedMinutes = static_cast<int>(std::max<int64_t>(0, until - e.row.arrivedMs) / 60000);
    e.alertPending = c.alert;
    if (auto r = rooms.find(id); r != rooms.end()) e.calledRoom = r->second;
    // Opened only when this device holds the keys that sealed them (a site that shares its keys).
    if (auto sealed = sealedDetails(site, c.details)) {
      auto plain = site.open(who.secrets(), *sealed);
      auto details =
          plain.ok() ? core::parseDetails(plain.value()) : core::Result<core::PatientDetails>(plain.error());
      if (details.ok()) e.patient = std::move(details.value());
    }
    if (!e.patient) e.detailsOn = originOf(id);
    out.push_back(std::move(e));
  }
  return out;
}

core::Result<std::vector<std::string>> siteAlerts(Site& site) {
  auto state = foldedState(site.db(), site.info().deviceId);
  if (!state.ok()) return state.error();
  std::vector<const core::FoldedCheckin*> alerts;
  for (const auto& [id, c] : state->checkins)
    if (c.alert && c.mergedInto.empty() && arrivedToday(site, c)) alerts.push_back(&c);
  std::sort(alerts.begin(), alerts.end(),
            [](const auto* a, const auto* b) { return a->arrivedHlc < b->arrivedHlc; });
  std::vector<std::string> out;
  for (const auto* c : alerts) out.push_back(c->recordId);
  return out;
}

core::Status acknowledgePeerAlert(Site& site, const StaffSession& who, const std::string& recordId) {
  return site.db().transaction([&]() -> core::Status {
    auto state = foldedState(site.db(), site.info().deviceId);
    if (!state.ok()) return state.error();
    auto it = state->checkins.find(recordId);
    if (it == state->checkins.end())
      return core::notFound("There is no check-in " + recordId + " at this site.");
    if (!it->second.alert)
      return core::conflict("Ticket " + it->second.ticket + " has no urgent alert waiting.");
    store::JsonObject data;
    data.add("ticket", it->second.ticket);
    auto e = site.appendEvent("urgent-ack", recordId, data.str(), who.who().id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
}

core::Result<std::optional<std::string>> siteCallNext(Site& site, const StaffSession& who,
                                                      const std::string& queueId,
                                                      const std::optional<std::string>& clinician) {
  // A peer's check-in has no clinician here: only "anyone" and "those without a clinician" reach it.
  const bool peersToo = !clinician || clinician->empty();
  std::vector<QueueEntry> peers;
  if (peersToo) {
    auto p = peerEntries(site, who);
    if (!p.ok()) return p.error();
    peers = std::move(p.value());
  }
  const QueueEntry* best = nullptr;
  for (const auto& e : peers) {
    if (e.row.queueId != queueId || e.row.state != core::CheckinState::kWaiting) continue;
    auto before = [](const QueueEntry& a, const QueueEntry& b) {
      if (isUrgent(a) != isUrgent(b)) return isUrgent(a);
      return a.dueLocal < b.dueLocal;
    };
    if (!best || before(e, *best)) best = &e;
  }
  // This device's own first, as callNext orders them: compared with the best peer's by the same rule.
  auto own = todaysEntries(site, who);
  if (!own.ok()) return own.error();
  const QueueEntry* ownBest = nullptr;
  for (const auto& e : own.value()) {
    if (isPeerRecord(site, e.row.recordId) || e.row.queueId != queueId ||
        e.row.state != core::CheckinState::kWaiting)
      continue;
    if (clinician && *clinician != e.clinician) continue;
    const bool urgent = isUrgent(e);
    if (!ownBest || (urgent && !isUrgent(*ownBest)) ||
        (urgent == isUrgent(*ownBest) && e.dueLocal < ownBest->dueLocal))
      ownBest = &e;
  }
  const bool peerFirst =
      best && (!ownBest || (isUrgent(*best) && !isUrgent(*ownBest)) ||
               (isUrgent(*best) == isUrgent(*ownBest) && best->dueLocal < ownBest->dueLocal));
  if (!peerFirst) return callNext(site, who, queueId, clinician);
  std::string room;
  for (const auto& q : site.info().queues)
    if (q.id == queueId) room = q.room;
  if (auto s = siteAction(site, who, best->row.recordId, core::CheckinAction::kCall, room); !s.ok())
    return s.error();
  return std::optional<std::string>(best->row.recordId);
}

core::Result<std::vector<core::FoldConflict>> siteConflicts(Site& site) {
  auto state = foldedState(site.db(), site.info().deviceId);
  if (!state.ok()) return state.error();
  return state->conflicts;
}

}  // namespace longstop::service
