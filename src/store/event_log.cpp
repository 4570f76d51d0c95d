#include "store/event_log.h"

#include <cstdio>

namespace longstop::store {
namespace {

void putField(std::string& out, std::string_view field) {
  const uint64_t n = field.size();
  for (int i = 0; i < 8; ++i) out += static_cast<char>((n >> (8 * i)) & 0xff);
  out += field;
}

std::string hashBytes(const core::Hash256& h) { return std::string(h.begin(), h.end()); }
const std::string kGenesis(32, '\0');

}  // namespace

std::string canonicalEventBytes(std::string_view prevHash, int64_t seq, const EventInput& e) {
  std::string out = "LSE1";
  putField(out, prevHash);
  putField(out, std::to_string(seq));
  putField(out, std::to_string(e.atMs));
  putField(out, e.kind);
  putField(out, e.recordId);
  putField(out, e.staffId);
  putField(out, e.data);
  return out;
}

core::Result<int64_t> EventLog::append(const EventInput& e) {
  auto last = db_.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
  if (!last.ok()) return last.error();
  auto row = last->step();
  if (!row.ok()) return row.error();
  const int64_t seq = row.value() ? last->columnInt(0) + 1 : 1;
  const std::string prev = row.value() ? last->columnBlob(1) : kGenesis;

  const std::string hash = hashBytes(digest_.sha256(canonicalEventBytes(prev, seq, e)));
  auto ins = db_.prepare(
      "INSERT INTO events(seq, at_ms, kind, record_id, staff_id, data, prev_hash, hash) "
      "VALUES (?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return ins.error();
  ins->bind(1, seq).bind(2, e.atMs).bind(3, std::string_view(e.kind));
  ins->bind(4, std::string_view(e.recordId)).bind(5, std::string_view(e.staffId));
  ins->bind(6, std::string_view(e.data)).bindBlob(7, prev).bindBlob(8, hash);
  if (auto s = ins->run(); !s.ok()) return s.error();
  return seq;
}

core::Result<VerifyReport> EventLog::verify() {
  auto st = db_.prepare(
      "SELECT seq, at_ms, kind, record_id, staff_id, data, prev_hash, hash FROM events ORDER BY seq");
  if (!st.ok()) return st.error();
  VerifyReport report;
  std::string prev = kGenesis;
  int64_t expectedSeq = 1;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    ++report.rows;
    const int64_t seq = st->columnInt(0);
    EventInput e{st->columnInt(1), st->columnText(2), st->columnText(3), st->columnText(4),
                 st->columnText(5)};
    const std::string storedPrev = st->columnBlob(6);
    const std::string storedHash = st->columnBlob(7);
    std::string why;
    if (seq != expectedSeq) why = "a row is missing before it (expected " + std::to_string(expectedSeq) + ")";
    else if (storedPrev != prev) why = "it does not point at the row before it";
    else if (storedHash != hashBytes(digest_.sha256(canonicalEventBytes(prev, seq, e))))
      why = "its contents were changed after it was written";
    if (!why.empty()) {
      report.firstBadSeq = seq;
      report.reason = "event " + std::to_string(seq) + ": " + why;
      return report;
    }
    prev = storedHash;
    expectedSeq = seq + 1;
  }
  return report;
}

std::string jsonEscape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

void JsonObject::key(std::string_view k) {
  if (!body_.empty()) body_ += ',';
  body_ += '"' + jsonEscape(k) + "\":";
}
JsonObject& JsonObject::add(std::string_view k, std::string_view value) {
  key(k);
  body_ += '"' + jsonEscape(value) + '"';
  return *this;
}
JsonObject& JsonObject::add(std::string_view k, int64_t value) {
  key(k);
  body_ += std::to_string(value);
  return *this;
}
JsonObject& JsonObject::addBool(std::string_view k, bool value) {
  key(k);
  body_ += value ? "true" : "false";
  return *this;
}

}  // namespace longstop::store
