#include "core/site_fold.h"

#include <algorithm>
#include <tuple>

namespace longstop::core {
namespace {

std::string where(const FoldEvent& e) {
  return e.origin + ":" + std::to_string(e.seq);
}

class Folder {
 public:
  explicit Folder(SiteState& s) : s_(s) {}

  void apply(const FoldEvent& e) {
    ++s_.events;
    if (e.kind == "checkin") return checkin(e);
    if (e.kind == "edit") return edit(e);
    if (e.kind == "merge") return merge(e);
    if (e.kind == "urgent-alert" || e.kind == "urgent-ack") {
      if (auto* c = find(e)) c->alert = e.kind == "urgent-alert";
      return;
    }
    if (auto action = actionFromString(e.kind)) move(e, *action);
  }

 private:
  void conflict(const FoldEvent& e, std::string reason) {
    s_.conflicts.push_back({e.origin, e.seq, e.recordId, e.kind, std::move(reason)});
  }

  FoldedCheckin* find(const FoldEvent& e) {
    auto it = s_.checkins.find(e.recordId);
    if (it != s_.checkins.end()) return &it->second;
    conflict(e, "it concerns check-in " + e.recordId + ", which no event before it created");
    return nullptr;
  }

  void checkin(const FoldEvent& e) {
    if (s_.checkins.count(e.recordId)) return conflict(e, "check-in " + e.recordId + " was already created");
    FoldedCheckin c;
    c.recordId = e.recordId;
    c.ticket = e.ticket;
    c.queue = e.queue;
    c.priority = e.priority;
    c.arrivedHlc = c.stateHlc = e.hlc;
    c.details = where(e);
    s_.checkins.emplace(e.recordId, std::move(c));
  }

  void move(const FoldEvent& e, CheckinAction action) {
    FoldedCheckin* c = find(e);
    if (!c) return;
    auto next = applyAction(c->state, action);
    if (!next.ok())
      return conflict(e, "ticket " + c->ticket + ": " + next.error().message + " (not applied)");
    c->state = next.value();
    c->stateHlc = e.hlc;
    if (action == CheckinAction::kTransfer && !e.queue.empty()) c->queue = e.queue;
  }

  void edit(const FoldEvent& e) {
    FoldedCheckin* c = find(e);
    if (!c) return;
    if (c->state == CheckinState::kCancelled)
      return conflict(e, "ticket " + c->ticket +
                             " was edited after it was cancelled (the edit is kept, the "
                             "check-in stays cancelled)");
    c->details = where(e);
  }

  void merge(const FoldEvent& e) {
    FoldedCheckin* dup = find(e);
    if (!dup) return;
    if (dup->state != CheckinState::kWaiting && dup->state != CheckinState::kParked)
      return conflict(e, "ticket " + dup->ticket + " was merged away while it was " +
                             std::string(toString(dup->state)) + " elsewhere (not applied: both stay)");
    if (!s_.checkins.count(e.into)) return conflict(e, "it merges into " + e.into + ", which does not exist");
    dup->state = CheckinState::kCancelled;
    dup->stateHlc = e.hlc;
    dup->mergedInto = e.into;
  }

  SiteState& s_;
};

}  // namespace

bool foldsBefore(const FoldEvent& a, const FoldEvent& b) {
  return std::tie(a.hlc, a.origin, a.seq) < std::tie(b.hlc, b.origin, b.seq);
}

SiteState foldSite(std::vector<FoldEvent> events) {
  std::sort(events.begin(), events.end(), foldsBefore);
  SiteState state;
  Folder folder(state);
  for (const auto& e : events) folder.apply(e);
  return state;
}

std::string canonicalStateBytes(const SiteState& state) {
  std::string out = "LSST1\n";
  for (const auto& [id, c] : state.checkins)
    out += id + "|" + c.ticket + "|" + c.queue + "|" + c.priority + "|" + std::string(toString(c.state)) +
           "|" + std::to_string(c.arrivedHlc) + "|" + (c.alert ? "alert" : "") + "|" + c.details + "|" +
           c.mergedInto + "\n";
  for (const auto& k : state.conflicts)
    out += "conflict|" + k.origin + ":" + std::to_string(k.seq) + "|" + k.recordId + "|" + k.kind + "|" +
           k.reason + "\n";
  return out;
}

}  // namespace longstop::core
