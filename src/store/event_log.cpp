#include "store/event_log.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/hlc.h"

namespace longstop::store {
namespace {

void putField(std::string& out, std::string_view field) {
  const uint64_t n = field.size();
  for (int i = 0; i < 8; ++i) out += static_cast<char>((n >> (8 * i)) & 0xff);
  out += field;
}

std::string hashBytes(const core::Hash256& h) {
  return std::string(h.begin(), h.end());
}
const std::string kGenesis(32, '\0');

}  // namespace

std::string canonicalEventBytes(std::string_view prevHash, int64_t seq, const EventInput& e) {
  std::string out = e.hlc ? "LSE2" : "LSE1";
  putField(out, prevHash);
  putField(out, std::to_string(seq));
  putField(out, std::to_string(e.atMs));
  putField(out, e.kind);
  putField(out, e.recordId);
  putField(out, e.staffId);
  putField(out, e.data);
  if (e.hlc) putField(out, std::to_string(e.hlc));
  return out;
}

core::Result<int64_t> newestHlc(Database& db) {
  int64_t newest = 0;
  for (const char* sql :
       {"SELECT hlc FROM events ORDER BY seq DESC LIMIT 1", "SELECT max(hlc) FROM peer_events"}) {
    auto st = db.prepare(sql);
    if (!st.ok()) return st.error();
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (row.value() && !st->columnIsNull(0)) newest = std::max(newest, st->columnInt(0));
  }
  return newest;
}

std::string eventSignedBytes(std::string_view hash) {
  return "LSEV1" + std::string(hash);
}

std::string headSignedBytes(int64_t seq, std::string_view hash) {
  std::string out = "LSHD1";
  for (int i = 7; i >= 0; --i) out += static_cast<char>((static_cast<uint64_t>(seq) >> (8 * i)) & 0xff);
  return out + std::string(hash);
}

std::string logGapDataPrefix(int64_t from, int64_t to) {
  return "{\"from\":" + std::to_string(from) + ",\"to\":" + std::to_string(to) + ",";
}

core::Result<int64_t> EventLog::append(const EventInput& e) {
  return appendAt(e, 0);
}

core::Result<int64_t> EventLog::appendAfterGap(const EventInput& e, int64_t seq) {
  if (e.kind != kLogGapKind) return core::internalError("Only a log-gap event may skip sequence numbers.");
  return appendAt(e, seq);
}

core::Result<int64_t> EventLog::appendAt(const EventInput& e, int64_t atSeq) {
  if (!signer_) return core::unauthorised(kLockedMessage);
  auto last = db_.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
  if (!last.ok()) return last.error();
  auto row = last->step();
  if (!row.ok()) return row.error();
  const int64_t next = row.value() ? last->columnInt(0) + 1 : 1;
  const int64_t seq = std::max(next, atSeq);
  if (atSeq && e.data.rfind(logGapDataPrefix(next, seq - 1), 0) != 0 && seq != next)
    return core::internalError("A log-gap event must name the sequence numbers it skips.");
  const std::string prev = row.value() ? last->columnBlob(1) : kGenesis;
  last->reset();
  auto seen = newestHlc(db_);
  if (!seen.ok()) return seen.error();
  EventInput stamped = e;
  stamped.hlc = core::nextHlc(seen.value(), e.atMs);

  const std::string hash = hashBytes(digest_.sha256(canonicalEventBytes(prev, seq, stamped)));
  const std::string sig = signer_->sign(eventSignedBytes(hash));
  const std::string headSig = signer_->sign(headSignedBytes(seq, hash));
  if (sig.empty() || headSig.empty()) return core::internalError("The device's signing key is not usable.");
  auto ins = db_.prepare(
      "INSERT INTO events(seq, at_ms, kind, record_id, staff_id, data, prev_hash, hash, sig, hlc) "
      "VALUES (?,?,?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return ins.error();
  ins->bind(1, seq).bind(2, e.atMs).bind(3, std::string_view(e.kind));
  ins->bind(4, std::string_view(e.recordId)).bind(5, std::string_view(e.staffId));
  ins->bind(6, std::string_view(e.data)).bindBlob(7, prev).bindBlob(8, hash).bindBlob(9, sig);
  ins->bind(10, stamped.hlc);
  if (auto s = ins->run(); !s.ok()) return s.error();
  auto head = db_.prepare("INSERT OR REPLACE INTO log_head(id, seq, hash, sig) VALUES (1,?,?,?)");
  if (!head.ok()) return head.error();
  head->bind(1, seq).bindBlob(2, hash).bindBlob(3, headSig);
  if (auto s = head->run(); !s.ok()) return s.error();
  return seq;
}

namespace {

struct Head {
  int64_t seq = 0;
  std::string hash, sig;
};

core::Result<std::optional<Head>> readHead(Database& db) {
  auto st = db.prepare("SELECT seq, hash, sig FROM log_head WHERE id = 1");
  if (!st.ok()) return st.error();
  auto row = st->step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<Head>();
  return std::optional<Head>(Head{st->columnInt(0), st->columnBlob(1), st->columnBlob(2)});
}

// The signed end against the rows found: what a cut tail, an added row or a planted end looks like.
std::string checkHead(const std::optional<Head>& head, int64_t lastSeq, const std::string& lastHash,
                      int64_t firstSignedSeq, std::string_view publicKey, const core::SignatureCheck& check) {
  if (!head) return firstSignedSeq ? "the record of where the log ends is missing" : "";
  if (!check.verify(publicKey, headSignedBytes(head->seq, head->hash), head->sig))
    return "the record of where the log ends is not signed by this device";
  if (head->seq > lastSeq)
    return "the newest " + std::to_string(head->seq - lastSeq) +
           " events are missing (the log ends at event " + std::to_string(lastSeq) +
           " but was signed up to event " + std::to_string(head->seq) + ")";
  if (head->seq < lastSeq)
    return "events after " + std::to_string(head->seq) + " were added without the device's signature";
  if (head->hash != lastHash) return "the newest event is not the one the device signed";
  return "";
}

}  // namespace

core::Result<VerifyReport> EventLog::verify(std::string_view publicKey, const core::SignatureCheck& check) {
  auto st = db_.prepare(
      "SELECT seq, at_ms, kind, record_id, staff_id, data, prev_hash, hash, sig, hlc FROM events ORDER BY "
      "seq");
  if (!st.ok()) return st.error();
  VerifyReport report;
  std::string prev = kGenesis;
  int64_t expectedSeq = 1, firstSignedSeq = 0, firstStampedSeq = 0, prevHlc = 0;
  auto bad = [&](int64_t seq, const std::string& why) {
    report.firstBadSeq = seq;
    report.reason = "event " + std::to_string(seq) + ": " + why;
    return report;
  };
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    ++report.rows;
    const int64_t seq = st->columnInt(0);
    EventInput e{st->columnInt(1),  st->columnText(2), st->columnText(3),
                 st->columnText(4), st->columnText(5), st->columnIsNull(9) ? 0 : st->columnInt(9)};
    const std::string storedPrev = st->columnBlob(6);
    const std::string storedHash = st->columnBlob(7);
    const bool hasSig = !st->columnIsNull(8);
    std::string why;
    // A jump is a recorded loss only at a signed log-gap row naming exactly the numbers skipped.
    const bool recordedGap = seq > expectedSeq && e.kind == kLogGapKind && hasSig &&
                             e.data.rfind(logGapDataPrefix(expectedSeq, seq - 1), 0) == 0;
    if (seq != expectedSeq && !recordedGap)
      why = "a row is missing before it (expected " + std::to_string(expectedSeq) + ")";
    else if (storedPrev != prev)
      why = "it does not point at the row before it";
    else if (storedHash != hashBytes(digest_.sha256(canonicalEventBytes(prev, seq, e))))
      why = "its contents were changed after it was written";
    else if (!e.hlc && firstStampedSeq)
      why = "it carries no clock stamp although the events before it do";
    else if (e.hlc && e.hlc < prevHlc)
      why = "its clock stamp is older than the event before it";
    else if (!hasSig && firstSignedSeq)
      why = "it carries no signature although the events before it do";
    else if (hasSig && !check.verify(publicKey, eventSignedBytes(storedHash), st->columnBlob(8)))
      why = "its signature is not this device's";
    if (!why.empty()) return bad(seq, why);
    if (recordedGap) report.lostEvents += seq - expectedSeq;
    if (hasSig) {
      ++report.signedRows;
      if (!firstSignedSeq) firstSignedSeq = seq;
    }
    if (e.hlc && !firstStampedSeq) firstStampedSeq = seq;
    if (e.hlc) prevHlc = e.hlc;
    prev = storedHash;
    expectedSeq = seq + 1;
  }
  auto head = readHead(db_);
  if (!head.ok()) return head.error();
  if (auto why = checkHead(head.value(), expectedSeq - 1, prev, firstSignedSeq, publicKey, check);
      !why.empty()) {
    report.firstBadSeq = std::max<int64_t>(expectedSeq - 1, 1);
    report.reason = why;
  }
  return report;
}

std::string jsonEscape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
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
