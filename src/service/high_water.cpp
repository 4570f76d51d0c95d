#include "service/high_water.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>

#include "core/date.h"
#include "crypto/primitives.h"
#include "service/site.h"
#include "store/event_log.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace fs = std::filesystem;
namespace {

constexpr const char* kTag = "LSHW1";
constexpr size_t kMaxFileBytes = 64 * 1024;
constexpr size_t kMaxCounters = 1000;
constexpr const char* kMetaKey = "high_water";         // "1" once this site has written a mark
constexpr const char* kSinceKey = "high_water_since";  // when its first mark was written (unix ms)
// A site whose first mark follows its first event by less than this had one from the start.
constexpr int64_t kFromCreationMs = 60'000;

std::string hex(std::string_view raw) {
  return crypto::toHex(raw);
}

bool isNumber(std::string_view s) {
  return !s.empty() && s.size() <= 18 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool isCounterName(std::string_view s) {
  return !s.empty() && s.size() <= 200 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
           c == '_' || c == '-' || c == '.';
  });
}

std::string localTime(int64_t unixMs, int utcOffsetMinutes) {
  const int64_t minutes = core::Instant{unixMs, utcOffsetMinutes}.localMinutes();
  const int64_t ofDay = ((minutes % 1440) + 1440) % 1440;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(ofDay / 60), static_cast<int>(ofDay % 60));
  return buf;
}

struct Row {
  bool found = false;
  int64_t seq = 0, atMs = 0;
  std::string hash, kind, data;
};

core::Result<Row> readRow(store::Database& db, const char* sql, int64_t arg) {
  auto st = db.prepare(sql);
  if (!st.ok()) return st.error();
  if (arg) st->bind(1, arg);
  auto row = st->step();
  if (!row.ok()) return row.error();
  Row out;
  if (!row.value()) return out;
  out = {true, st->columnInt(0), st->columnInt(1), st->columnBlob(2), st->columnText(3), st->columnText(4)};
  return out;
}
core::Result<Row> newestRow(store::Database& db) {
  return readRow(db, "SELECT seq, at_ms, hash, kind, data FROM events ORDER BY seq DESC LIMIT 1", 0);
}
core::Result<Row> rowAt(store::Database& db, int64_t seq) {
  return readRow(db, "SELECT seq, at_ms, hash, kind, data FROM events WHERE seq = ?", seq);
}
// The newest row at or before `seq`.
core::Result<Row> rowBefore(store::Database& db, int64_t seq) {
  return readRow(
      db, "SELECT seq, at_ms, hash, kind, data FROM events WHERE seq <= ? ORDER BY seq DESC LIMIT 1", seq);
}

// A recorded loss (a log-gap row) that gave up `seq`.
core::Result<bool> gapCovers(store::Database& db, int64_t seq) {
  auto st = db.prepare("SELECT seq, data FROM events WHERE kind = ? AND seq > ?");
  if (!st.ok()) return st.error();
  st->bind(1, std::string_view(store::kLogGapKind)).bind(2, seq);
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) return false;
    const int64_t at = st->columnInt(0);
    const std::string data = st->columnText(1);
    // The prefix names from and to exactly; verify checks that it matches the rows around it.
    auto open = data.find("\"from\":");
    if (open != 1) continue;
    const int64_t from = std::atoll(data.c_str() + open + 7);
    if (from <= seq && seq < at) return true;
  }
}

// Counters that must never go back: every one but the tickets of days before yesterday.
core::Result<std::vector<std::pair<std::string, int64_t>>> countersToKeep(store::Database& db,
                                                                          int64_t today) {
  auto st = db.prepare("SELECT name, value FROM counters ORDER BY name");
  if (!st.ok()) return st.error();
  std::vector<std::pair<std::string, int64_t>> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    std::string name = st->columnText(0);
    if (name.rfind("ticket:", 0) == 0) {
      const auto colon = name.rfind(':');
      if (std::atoll(name.c_str() + colon + 1) < today - 1) continue;
    }
    if (isCounterName(name) && out.size() < kMaxCounters) out.emplace_back(std::move(name), st->columnInt(1));
  }
  return out;
}

bool fsyncPath(const fs::path& p, int flags) {
  int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

core::Status writeDurably(const fs::path& path, const std::string& text) {
  const fs::path tmp = path.string() + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return core::storageError("Cannot write the high-water mark " + tmp.string() + ".");
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::fsync(fd) == 0 && ok;
  ::close(fd);
  std::error_code ec;
  if (ok) fs::rename(tmp, path, ec);
  if (!ok || ec) {
    fs::remove(tmp, ec);
    return core::storageError("Cannot write the high-water mark " + path.string() + ".");
  }
  if (!fsyncPath(path.parent_path(), O_RDONLY | O_DIRECTORY))
    return core::storageError("Cannot flush " + path.parent_path().string() + " to disk.");
  return core::okStatus();
}

constexpr const char* kWhatToDo =
    " Check-ins acknowledged in that time are not in the database: put back the newest backup "
    "(longstopctl backup restore) or the missing file if it can be found; if neither can be had, record the "
    "loss (longstopctl accept-loss), and re-enter those patients from the paper list.";

}  // namespace

fs::path highWaterPath(const fs::path& dataDir) {
  return dataDir / "longstop.mark";
}

std::string markSignedBytes(const HighWaterMark& m) {
  std::string out = std::string(kTag) + "\n";
  out += "device " + m.deviceId + "\n";
  out += "seq " + std::to_string(m.seq) + "\n";
  out += "hash " + hex(m.hash) + "\n";
  out += "at_ms " + std::to_string(m.atMs) + "\n";
  out += "written_ms " + std::to_string(m.writtenMs) + "\n";
  for (const auto& [name, value] : m.counters) out += "counter " + name + " " + std::to_string(value) + "\n";
  return out;
}

std::string formatMark(const HighWaterMark& m) {
  return markSignedBytes(m) + "sig " + hex(m.signature) + "\n";
}

core::Result<HighWaterMark> parseMark(std::string_view text) {
  auto bad = [](const std::string& why) {
    return core::invalidInput("The high-water mark is not one Longstop wrote: " + why + ".");
  };
  if (text.size() > kMaxFileBytes) return bad("it is longer than any mark");
  std::vector<std::string_view> lines;
  for (size_t at = 0; at < text.size();) {
    const size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) return bad("its last line is cut short");
    lines.push_back(text.substr(at, nl - at));
    at = nl + 1;
  }
  if (lines.size() < 7 || lines[0] != kTag) return bad("it does not begin with " + std::string(kTag));
  auto value = [&](size_t i, std::string_view key) -> std::optional<std::string_view> {
    const std::string_view l = lines[i];
    if (l.size() <= key.size() + 1 || l.substr(0, key.size()) != key || l[key.size()] != ' ')
      return std::nullopt;
    return l.substr(key.size() + 1);
  };
  HighWaterMark m;
  auto device = value(1, "device");
  if (!device || device->size() > 16 || !isCounterName(*device)) return bad("line 2 is not the device");
  m.deviceId = std::string(*device);
  const char* numbers[] = {"seq", "", "at_ms", "written_ms"};
  int64_t* fields[] = {&m.seq, nullptr, &m.atMs, &m.writtenMs};
  for (size_t i = 0; i < 4; ++i) {
    if (!fields[i]) continue;
    auto v = value(2 + i, numbers[i]);
    if (!v || !isNumber(*v)) return bad("line " + std::to_string(3 + i) + " is not " + numbers[i]);
    *fields[i] = std::atoll(std::string(*v).c_str());
  }
  auto h = value(3, "hash");
  auto raw = h ? crypto::fromHex(*h) : std::nullopt;
  if (!raw || raw->size() != 32) return bad("line 4 is not a hash");
  m.hash = *raw;
  for (size_t i = 6; i + 1 < lines.size(); ++i) {
    auto c = value(i, "counter");
    if (!c) return bad("line " + std::to_string(i + 1) + " is not a counter");
    const auto space = c->find(' ');
    if (space == std::string_view::npos || !isCounterName(c->substr(0, space)) ||
        !isNumber(c->substr(space + 1)))
      return bad("line " + std::to_string(i + 1) + " is not a counter");
    if (m.counters.size() >= kMaxCounters) return bad("it holds too many counters");
    m.counters.emplace_back(std::string(c->substr(0, space)),
                            std::atoll(std::string(c->substr(space + 1)).c_str()));
  }
  auto sig = value(lines.size() - 1, "sig");
  auto sigRaw = sig ? crypto::fromHex(*sig) : std::nullopt;
  if (!sigRaw || sigRaw->size() != 64) return bad("its last line is not a signature");
  m.signature = *sigRaw;
  return m;
}

namespace {

core::Status writeMark(Site& site) {
  auto newest = newestRow(site.db());
  if (!newest.ok()) return newest.error();
  HighWaterMark m;
  m.deviceId = site.info().deviceId;
  m.seq = newest->seq;
  m.hash = newest->found ? newest->hash : std::string(32, '\0');
  m.atMs = newest->atMs;
  m.writtenMs = site.clock().now().unixMs;
  auto counters = countersToKeep(site.db(), site.clock().now().localDay());
  if (!counters.ok()) return counters.error();
  m.counters = std::move(counters.value());
  m.signature = site.signWithDeviceKey(markSignedBytes(m));
  if (m.signature.size() != 64) return core::internalError("The device's signing key is not usable.");
  // Noted before the file exists: a database that says so and a missing file is a deleted mark.
  auto noted = store::getMeta(site.db(), kMetaKey);
  if (!noted.ok()) return noted.error();
  if (!noted.value()) {
    if (auto s = store::setMeta(site.db(), kMetaKey, "1"); !s.ok()) return s;
    if (auto s = store::setMeta(site.db(), kSinceKey, std::to_string(m.writtenMs)); !s.ok()) return s;
  }
  return writeDurably(highWaterPath(site.dataDir()), formatMark(m));
}

}  // namespace

core::Status writeHighWater(Site& site) {
  if (auto s = site.requireUnlocked(); !s.ok()) return s;
  // A new mark over a loss not yet recorded would hide it.
  auto check =
      checkHighWater(site.db(), site.dataDir(), site.signPublicKey(), site.clock().now().utcOffsetMinutes);
  if (!check.ok()) return check.error();
  if (!check->sound()) return core::conflict(check->problem);
  return writeMark(site);
}

core::Result<HighWaterCheck> checkHighWater(store::Database& db, const fs::path& dataDir,
                                            std::string_view publicKey, int utcOffsetMinutes) {
  HighWaterCheck out;
  const fs::path path = highWaterPath(dataDir);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    auto noted = store::getMeta(db, kMetaKey);
    if (!noted.ok()) return noted.error();
    if (noted.value())
      out.problem =
          "The high-water mark " + path.string() +
          " is missing, though this database says one was written: without it a loss of the newest "
          "check-ins cannot be ruled out. Find out who removed it; the kiosk writes a new one at its "
          "next quiet moment once this is recorded (longstopctl accept-loss).";
    return out;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto mark = parseMark(text.substr(0, kMaxFileBytes + 1));
  if (!mark.ok()) {
    out.problem = mark.error().message + " (" + path.string() +
                  "). Someone changed it: it says nothing about where "
                  "the log ends until it is written again (longstopctl accept-loss).";
    return out;
  }
  if (!crypto::verifySignature(publicKey, markSignedBytes(*mark), mark->signature)) {
    out.problem =
        "The high-water mark " + path.string() +
        " is not signed by this device: it was forged or changed, so it is not trusted. Tell the "
        "practice's IT support; it is written again once they have looked (longstopctl accept-loss).";
    return out;
  }
  auto device = store::getMeta(db, "device_id");
  if (!device.ok()) return device.error();
  if (device.value().value_or("") != mark->deviceId) {
    out.problem = "The high-water mark " + path.string() + " is device " + mark->deviceId +
                  "'s, not this database's: the database or the mark was swapped.";
    return out;
  }
  out.markFound = true;
  out.markSeq = mark->seq;
  if (mark->seq == 0) return out;
  auto at = rowAt(db, mark->seq);
  if (!at.ok()) return at.error();
  if (at->found) {
    if (at->hash != mark->hash)
      out.problem = "The event log was replaced: event " + std::to_string(mark->seq) + " (" +
                    localTime(mark->atMs, utcOffsetMinutes) +
                    ") is not the one this device marked, so events "
                    "after an older copy were lost and their numbers given again." +
                    kWhatToDo;
    return out;
  }
  auto covered = gapCovers(db, mark->seq);
  if (!covered.ok()) return covered.error();
  if (covered.value()) return out;
  auto held = rowBefore(db, mark->seq);
  if (!held.ok()) return held.error();
  out.missing = mark->seq - held->seq;
  out.sinceMs = held->found ? held->atMs : mark->atMs;
  out.problem = "The newest " + std::to_string(out.missing) + " events are missing since " +
                localTime(out.sinceMs, utcOffsetMinutes) + ": the log ends at event " +
                std::to_string(held->seq) + " but this device had recorded up to event " +
                std::to_string(mark->seq) + " (" + localTime(mark->atMs, utcOffsetMinutes) + ")." + kWhatToDo;
  return out;
}

core::Result<HighWaterStatus> highWaterStatus(store::Database& db) {
  HighWaterStatus out;
  auto noted = store::getMeta(db, kMetaKey);
  if (!noted.ok()) return noted.error();
  out.kept = noted.value().has_value();
  if (!out.kept) return out;
  auto since = store::getMeta(db, kSinceKey);
  if (!since.ok()) return since.error();
  if (!since.value() || !isNumber(*since.value())) return out;
  out.sinceMs = std::atoll(since.value()->c_str());
  auto first = readRow(db, "SELECT seq, at_ms, hash, kind, data FROM events ORDER BY seq LIMIT 1", 0);
  if (!first.ok()) return first.error();
  out.sinceCreation = !first->found || out.sinceMs - first->atMs <= kFromCreationMs;
  return out;
}

std::string describeHighWater(const HighWaterStatus& s, int utcOffsetMinutes) {
  if (!s.kept)
    return "No high-water mark yet: a copy of this database put back from before the first one is written "
           "cannot be detected (the unlocked kiosk writes one within a minute, and so does every export).";
  if (s.sinceCreation) return "High-water mark kept since the site was made: a copy put back is detected.";
  if (s.sinceMs == 0)
    return "High-water mark kept, since a time this version did not record: a copy put back from before the "
           "first mark, with the mark deleted, cannot be detected.";
  const core::Date d = core::civilFromDays(core::Instant{s.sinceMs, utcOffsetMinutes}.localDay());
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", d.year, d.month, d.day);
  return "High-water mark kept since " + std::string(date) + " " + localTime(s.sinceMs, utcOffsetMinutes) +
         ": a copy put back from before " + localTime(s.sinceMs, utcOffsetMinutes) +
         " that day, with the mark deleted, cannot be detected.";
}

core::Result<RecordedLoss> recordLoss(Site& site) {
  if (auto s = site.requireUnlocked(); !s.ok()) return s.error();
  const fs::path path = highWaterPath(site.dataDir());
  auto check =
      checkHighWater(site.db(), site.dataDir(), site.signPublicKey(), site.clock().now().utcOffsetMinutes);
  if (!check.ok()) return check.error();
  if (check->sound()) return core::conflict("The event log reaches the high-water mark: nothing is lost.");
  RecordedLoss out;
  // Without a trusted mark the loss cannot be measured: the counters stay, a new mark starts from here.
  std::optional<HighWaterMark> mark;
  if (check->markFound) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto m = parseMark(text);
    if (m.ok()) mark = std::move(m.value());
  }
  auto s = site.db().transaction([&]() -> core::Status {
    auto newest = newestRow(site.db());
    if (!newest.ok()) return newest.error();
    out.from = newest->seq + 1;
    out.to = mark ? std::max(mark->seq, newest->seq) : newest->seq;
    if (mark)
      for (const auto& [name, value] : mark->counters)
        if (auto r = store::raiseCounter(site.db(), name, value); !r.ok()) return r;
    std::string data = store::logGapDataPrefix(out.from, out.to);
    store::JsonObject rest;
    rest.add("missing", out.to - out.from + 1).add("since_ms", newest->atMs);
    rest.add("reason", check->problem.substr(0, 300));
    data += rest.str().substr(1);
    auto e =
        site.log().appendAfterGap({site.clock().now().unixMs, store::kLogGapKind, "", "", data}, out.to + 1);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  if (!s.ok()) return s.error();
  if (auto w = writeMark(site); !w.ok()) return w.error();
  return out;
}

}  // namespace longstop::service
