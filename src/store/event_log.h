// The append-only event log. Each row carries the SHA-256 of the row before it (the first row's
// predecessor is 32 zero bytes), so changing, removing or reordering any row breaks the chain.
#pragma once

#include <cstdint>
#include <string>

#include "core/digest.h"
#include "core/result.h"
#include "store/database.h"

namespace longstop::store {

struct EventInput {
  int64_t atMs = 0;       // wall clock as seen (may be wrong on a board without RTC)
  std::string kind;       // "checkin", "call", "seen", "urgent-alert", "import", ...
  std::string recordId;   // the check-in or appointment it concerns, if any
  std::string staffId;    // who did it, if a member of staff
  std::string data;       // JSON object text; never personal data
};

struct VerifyReport {
  int64_t rows = 0;
  int64_t firstBadSeq = 0;  // 0 when the chain is sound
  std::string reason;       // why that row is bad
  bool sound() const { return firstBadSeq == 0; }
};

class EventLog {
 public:
  /// Both are borrowed and must outlive the log.
  EventLog(Database& db, const core::Digest& digest) : db_(db), digest_(digest) {}

  /// Appends one row chained to the last; call inside a transaction. Returns its sequence number.
  core::Result<int64_t> append(const EventInput& e);
  /// Recomputes the whole chain and reports the first row that does not fit.
  core::Result<VerifyReport> verify();

 private:
  Database& db_;
  const core::Digest& digest_;
};

/// The bytes hashed for a row: the previous hash and every field, length-prefixed.
std::string canonicalEventBytes(std::string_view prevHash, int64_t seq, const EventInput& e);

/// A tiny JSON object writer for event data: {"k":"v","n":3}.
class JsonObject {
 public:
  JsonObject& add(std::string_view key, std::string_view value);
  JsonObject& add(std::string_view key, int64_t value);
  JsonObject& addBool(std::string_view key, bool value);
  std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view k);
  std::string body_;
};
std::string jsonEscape(std::string_view s);

}  // namespace longstop::store
