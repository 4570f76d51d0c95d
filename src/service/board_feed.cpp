#include "service/board_feed.h"

#include <algorithm>
#include <map>

#include "core/hlc.h"
#include "service/data_dir.h"
#include "service/site.h"
#include "service/site_state.h"
#include "store/site_tables.h"

namespace longstop::service {

core::Result<std::unique_ptr<BoardFeed>> BoardFeed::open(const std::filesystem::path& dataDir) {
  switch (const auto found = probeDataDir(dataDir); found.state) {
    case DataDirState::kEmpty:
      return core::notFound("There is no Longstop database in " + dataDir.string() + ".");
    case DataDirState::kNoDatabase:
      return core::corrupt(found.message);
    case DataDirState::kUnreadable:
      return core::storageError(found.message);
    case DataDirState::kSite:
      break;
  }
  auto db = store::Database::open(Site::databasePath(dataDir), {.readOnly = true});
  if (!db.ok()) return db.error();
  auto id = store::getMeta(*db.value(), "device_id");
  if (!id.ok()) return id.error();
  if (!id.value()) return core::corrupt("The database in " + dataDir.string() + " names no device.");
  return std::unique_ptr<BoardFeed>(new BoardFeed(std::move(db.value()), *id.value()));
}

bool BoardFeed::changed() {
  auto st = db_->prepare("PRAGMA data_version");
  if (!st.ok() || !st->step().ok()) return true;
  const int64_t v = st->columnInt(0);
  const bool c = v != dataVersion_;
  dataVersion_ = v;
  return c;
}

core::Result<BoardState> BoardFeed::read(const core::Instant& now, int maxCalls) {
  BoardState s;
  auto name = store::getMeta(*db_, "site_name");
  if (!name.ok()) return name.error();
  s.siteName = name.value().value_or("");
  // Calls from every device, newest stamp first. A row from before stamps is ordered as at_ms << 16.
  auto calls = db_->prepare(
      "SELECT h, at_ms, t, r FROM ("
      " SELECT coalesce(hlc, at_ms << 16) AS h, at_ms, json_extract(data, '$.ticket') AS t,"
      "  json_extract(data, '$.room') AS r FROM events WHERE kind IN ('call', 'recall')"
      " UNION ALL"
      " SELECT coalesce(hlc, at_ms << 16), at_ms, json_extract(data, '$.ticket'), json_extract(data, "
      "'$.room')"
      "  FROM peer_events WHERE kind IN ('call', 'recall'))"
      " ORDER BY h DESC LIMIT ?");
  if (!calls.ok()) return calls.error();
  calls->bind(1, int64_t{maxCalls});
  for (;;) {
    auto row = calls->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    s.recentCalls.push_back(
        {calls->columnInt(0), calls->columnInt(1), calls->columnText(2), calls->columnText(3)});
  }
  // Waiting counts and urgent alerts from the fold of every device's events: a check-in made on a
  // kiosk and called at a desk is counted once, in the state the site agrees on.
  auto folded = foldedState(*db_, deviceId_);
  if (!folded.ok()) return folded.error();
  std::map<std::string, int> waiting;
  std::vector<const core::FoldedCheckin*> urgent;
  for (const auto& [id, c] : folded->checkins) {
    if (!c.mergedInto.empty()) continue;
    if (core::Instant{core::hlcMillis(c.arrivedHlc), now.utcOffsetMinutes}.localDay() != now.localDay())
      continue;
    if (c.state == core::CheckinState::kWaiting) ++waiting[c.queue];
    if (c.alert) urgent.push_back(&c);
  }
  std::sort(urgent.begin(), urgent.end(),
            [](const auto* a, const auto* b) { return a->arrivedHlc < b->arrivedHlc; });
  for (const auto* c : urgent) s.urgentTickets.push_back(c->ticket);
  auto queues = db_->prepare("SELECT id, name FROM queues ORDER BY position");
  if (!queues.ok()) return queues.error();
  for (;;) {
    auto row = queues->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    auto it = waiting.find(queues->columnText(0));
    s.waitingPerQueue.emplace_back(queues->columnText(1), it == waiting.end() ? 0 : it->second);
  }
  return s;
}

}  // namespace longstop::service
