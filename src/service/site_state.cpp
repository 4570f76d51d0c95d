#include "service/site_state.h"

#include <nlohmann/json.hpp>

#include "core/hlc.h"
#include "core/ids.h"
#include "crypto/primitives.h"
#include "service/call_points.h"
#include "service/queue_actions.h"
#include "store/checkins.h"
#include "store/site_log.h"

namespace longstop::service {
namespace {

core::FoldEvent foldEventOf(const store::SiteEvent& e) {
  core::FoldEvent f;
  f.hlc = e.event.hlc ? e.event.hlc : core::legacyHlc(e.event.atMs);
  f.origin = e.origin;
  f.seq = e.originSeq;
  f.kind = e.event.kind;
  f.recordId = e.event.recordId;
  auto j = nlohmann::json::parse(e.event.data, nullptr, false);
  if (!j.is_object()) return f;
  auto text = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  f.ticket = text("ticket");
  f.queue = text("queue");
  f.priority = text("priority");
  f.into = text("into");
  return f;
}

}  // namespace

core::Result<core::SiteState> foldedState(store::Database& db, std::string_view ownDeviceId) {
  auto events = store::allSiteEvents(db, ownDeviceId);
  if (!events.ok()) return events.error();
  std::vector<core::FoldEvent> fold;
  fold.reserve(events->size());
  for (const auto& e : events.value()) fold.push_back(foldEventOf(e));
  return core::foldSite(std::move(fold));
}

std::string stateDigest(const core::SiteState& state) {
  const auto h = crypto::sha256(core::canonicalStateBytes(state));
  return crypto::toHex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()));
}

core::Result<int> followFold(store::Database& db, std::string_view ownDeviceId) {
  int changed = 0;
  auto s = db.transaction([&]() -> core::Status {
    auto state = foldedState(db, ownDeviceId);
    if (!state.ok()) return state.error();
    auto read = db.prepare("SELECT record_id, state FROM checkins WHERE record_id >= ? AND record_id < ?");
    if (!read.ok()) return read.error();
    read->bind(1, std::string(ownDeviceId) + "-").bind(2, std::string(ownDeviceId) + ".");
    std::vector<std::pair<std::string, std::string>> rows;
    for (;;) {
      auto row = read->step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      rows.emplace_back(read->columnText(0), read->columnText(1));
    }
    read->reset();
    for (const auto& [id, current] : rows) {
      auto it = state->checkins.find(id);
      if (it == state->checkins.end()) continue;
      const std::string folded(core::toString(it->second.state));
      if (folded == current) continue;
      if (auto u = store::updateCheckinState(db, id, it->second.state, core::hlcMillis(it->second.stateHlc));
          !u.ok())
        return u;
      ++changed;
    }
    return core::okStatus();
  });
  if (!s.ok()) return s.error();
  return changed;
}

core::Status siteAction(Site& site, const StaffSession& who, const std::string& recordId,
                        core::CheckinAction action, const std::string& room) {
  if (action == core::CheckinAction::kTransfer || action == core::CheckinAction::kCancel)
    return core::invalidInput("Transfer and cancel of another device's check-in are not built yet.");
  auto check = [&]() -> core::Result<core::FoldedCheckin> {
    auto state = foldedState(site.db(), site.info().deviceId);
    if (!state.ok()) return state.error();
    auto it = state->checkins.find(recordId);
    if (it == state->checkins.end())
      return core::notFound("There is no check-in " + recordId + " at this site.");
    auto next = core::applyAction(it->second.state, action);
    if (!next.ok()) return next.error();
    return it->second;
  };
  // This device's own check-ins keep their projection (the checkins table) in step, as before.
  auto parts = core::parseRecordId(recordId);
  if (parts && parts->deviceId == site.info().deviceId) {
    if (auto c = check(); !c.ok()) return c.error();
    return applyCheckinAction(site, who, recordId, action, {room, "", "", ""});
  }
  return site.db().transaction([&]() -> core::Status {
    auto c = check();
    if (!c.ok()) return c.error();
    const core::CheckinState next = core::applyAction(c->state, action).value();
    store::JsonObject data;
    data.add("ticket", c->ticket).add("from", core::toString(c->state)).add("to", core::toString(next));
    if (action == core::CheckinAction::kCall || action == core::CheckinAction::kRecall) {
      // No room chosen (a call from the patient's row): the queue's room, as for this device's own.
      std::string called = room;
      if (called.empty()) {
        auto r = clinicianRoom(site, c->queue, "");
        if (!r.ok()) return r.error();
        called = r.value();
      }
      if (called.empty())
        if (const core::QueueDef* q = site.info().queue(c->queue)) called = q->room;
      data.add("room", called).add("queue", c->queue);
    }
    auto e = site.appendEvent(core::toString(action), recordId, data.str(), who.who().id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
}

}  // namespace longstop::service
