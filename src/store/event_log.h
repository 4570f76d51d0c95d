// The append-only event log. Each row carries the SHA-256 of the row before it (the first row's
// predecessor is 32 zero bytes), so changing, removing or reordering any row breaks the chain. Each
// row is also signed with the device's Ed25519 key, and the signed end of the log (sequence and hash
// of the newest row, the table log_head) is rewritten with every append, so that a copy of the card
// alone can neither rewrite a row nor cut the newest rows off without `verify` seeing it.
#pragma once

#include <cstdint>
#include <string>

#include "core/digest.h"
#include "core/result.h"
#include "core/signer.h"
#include "store/database.h"

namespace longstop::store {

struct EventInput {
  int64_t atMs = 0;      // wall clock as seen (may be wrong on a board without RTC)
  std::string kind;      // "checkin", "call", "seen", "urgent-alert", "import", ...
  std::string recordId;  // the check-in or appointment it concerns, if any
  std::string staffId;   // who did it, if a member of staff
  std::string data;      // JSON object text; never personal data
  int64_t hlc = 0;       // hybrid logical clock stamp (core/hlc.h); 0 on rows from before a site
};

struct VerifyReport {
  int64_t rows = 0;
  int64_t signedRows = 0;   // rows written before signing began (an upgraded site) are not
  int64_t firstBadSeq = 0;  // 0 when the chain is sound
  std::string reason;       // why that row is bad
  int64_t lostEvents = 0;   // sequence numbers skipped by recorded losses (log-gap rows)
  bool sound() const { return firstBadSeq == 0; }
};

/// What append() says while no signer is set: the device's keys are not unlocked.
inline constexpr const char* kLockedMessage =
    "This kiosk is locked since it started: a member of staff must sign in once (staff card and PIN) or "
    "use the recovery code before anything can be recorded.";

class EventLog {
 public:
  /// Both are borrowed and must outlive the log.
  EventLog(Database& db, const core::Digest& digest) : db_(db), digest_(digest) {}

  /// The device's signer (borrowed, may be null: then append() refuses with kLockedMessage).
  void setSigner(const core::Signer* signer) { signer_ = signer; }
  bool canAppend() const { return signer_ != nullptr; }

  /// Appends one signed row chained to the last and moves the signed end to it; call inside a
  /// transaction. Returns its sequence number.
  core::Result<int64_t> append(const EventInput& e);
  /// Appends the one row that records a loss: a `log-gap` event at `seq`, past the newest row, whose data
  /// begins {"from":F,"to":T with F..T the sequence numbers skipped, so that no sequence handed out before
  /// the loss is handed out again. `verify` accepts a jump in the sequence only at such a row.
  core::Result<int64_t> appendAfterGap(const EventInput& e, int64_t seq);
  /// Recomputes the whole chain, checks every signature under `publicKey` and that the log ends where
  /// its signed end says; reports the first row that does not fit.
  core::Result<VerifyReport> verify(std::string_view publicKey, const core::SignatureCheck& check);

 private:
  core::Result<int64_t> appendAt(const EventInput& e, int64_t atSeq);  // atSeq 0: the next one

  Database& db_;
  const core::Digest& digest_;
  const core::Signer* signer_ = nullptr;
};

/// The kind of the row that records sequence numbers lost (see EventLog::appendAfterGap).
inline constexpr const char* kLogGapKind = "log-gap";
/// The start every `log-gap` row's data must have: {"from":F,"to":T,
std::string logGapDataPrefix(int64_t from, int64_t to);

/// The message an event row's signature covers: a tag and the row's chain hash.
std::string eventSignedBytes(std::string_view hash);
/// The message the log's signed end covers: a tag, the newest row's sequence and hash.
std::string headSignedBytes(int64_t seq, std::string_view hash);

/// The bytes hashed for a row: the previous hash and every field, length-prefixed. A row with a clock
/// stamp (every row since schema 6) is "LSE2" and includes it; a row from before is "LSE1".
std::string canonicalEventBytes(std::string_view prevHash, int64_t seq, const EventInput& e);
/// The newest clock stamp this database has seen: its own newest row's or any peer's, whichever is
/// larger (0 when none has one).
core::Result<int64_t> newestHlc(Database& db);

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
