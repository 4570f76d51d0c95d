#include "service/board_feed.h"

#include "service/data_dir.h"
#include "service/site.h"
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
  return std::unique_ptr<BoardFeed>(new BoardFeed(std::move(db.value())));
}

bool BoardFeed::changed() {
  auto st = db_->prepare("PRAGMA data_version");
  if (!st.ok() || !st->step().ok()) return true;
  const int64_t v = st->columnInt(0);
  const bool c = v != dataVersion_;
  dataVersion_ = v;
  return c;
}

core::Result<BoardState> BoardFeed::read(int64_t localDay, int maxCalls) {
  BoardState s;
  auto name = store::getMeta(*db_, "site_name");
  if (!name.ok()) return name.error();
  s.siteName = name.value().value_or("");
  auto calls = db_->prepare(
      "SELECT seq, at_ms, json_extract(data, '$.ticket'), json_extract(data, '$.room') FROM events "
      "WHERE kind IN ('call', 'recall') ORDER BY seq DESC LIMIT ?");
  if (!calls.ok()) return calls.error();
  calls->bind(1, int64_t{maxCalls});
  for (;;) {
    auto row = calls->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    s.recentCalls.push_back(
        {calls->columnInt(0), calls->columnInt(1), calls->columnText(2), calls->columnText(3)});
  }
  auto waiting = db_->prepare(
      "SELECT q.name, (SELECT count(*) FROM checkins c WHERE c.queue_id = q.id AND c.state = 'waiting' "
      "AND c.local_day = ?) FROM queues q ORDER BY q.position");
  if (!waiting.ok()) return waiting.error();
  waiting->bind(1, localDay);
  for (;;) {
    auto row = waiting->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    s.waitingPerQueue.emplace_back(waiting->columnText(0), static_cast<int>(waiting->columnInt(1)));
  }
  // Until a desk device exists, an urgent answer must reach someone who is not signed in: the board
  // shows (and sounds) it until staff acknowledge it on the console. The same rule as pendingAlerts(),
  // reading the ticket only.
  auto urgent = db_->prepare(
      "SELECT c.ticket FROM events a JOIN checkins c ON c.record_id = a.record_id "
      "WHERE a.kind = 'urgent-alert' AND c.local_day = ? AND NOT EXISTS "
      "(SELECT 1 FROM events b WHERE b.kind = 'urgent-ack' AND b.record_id = a.record_id AND b.seq > a.seq) "
      "ORDER BY a.seq");
  if (!urgent.ok()) return urgent.error();
  urgent->bind(1, localDay);
  for (;;) {
    auto row = urgent->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    s.urgentTickets.push_back(urgent->columnText(0));
  }
  return s;
}

}  // namespace longstop::service
