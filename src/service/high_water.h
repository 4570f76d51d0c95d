// The high-water mark: where this device's event log is known to have reached, kept outside the
// database file (longstop.mark beside it) and signed with the device's key, so that a database put back
// to an older state (its WAL deleted, an older backup restored) is seen instead of looking whole. The
// mark holds only what the database shows anyway (a sequence number, a row's hash, times, the counters
// of record IDs and today's tickets): nothing about a patient. It is written away from the check-in (no
// fsync is added to one): at idle points of the kiosk, at every export, at a backup made with the keys
// at hand, and at a clean shutdown; what was acknowledged after the newest mark can still go unseen.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace longstop::service {

class Site;

struct HighWaterMark {
  std::string deviceId;
  int64_t seq = 0;   // the newest event of this device's log when the mark was written
  std::string hash;  // that event's chain hash, 32 bytes
  int64_t atMs = 0;  // that event's wall time
  int64_t writtenMs = 0;
  std::vector<std::pair<std::string, int64_t>> counters;  // record IDs and recent tickets, by name
  std::string signature;                                  // Ed25519 over markSignedBytes()
};

/// The file beside the database.
std::filesystem::path highWaterPath(const std::filesystem::path& dataDir);

/// What the signature covers: the text of every line but the signature's.
std::string markSignedBytes(const HighWaterMark& mark);
/// The file's text: "LSHW1", one "key value" line each, the signature last.
std::string formatMark(const HighWaterMark& mark);
/// Reads a mark's text strictly (it comes from a card anyone may have edited): anything else is
/// kInvalidInput with a sentence saying what is wrong. Does not check the signature.
core::Result<HighWaterMark> parseMark(std::string_view text);

/// Writes the mark for the site's log as it is now (temporary file, fsync, rename, fsync of the folder)
/// and notes in meta that this site keeps one. Needs an unlocked site (kUnauthorised otherwise); refuses
/// (kConflict, with the check's sentence) while the present mark shows a loss not yet recorded, since a
/// new mark would hide it.
core::Status writeHighWater(Site& site);

struct HighWaterCheck {
  bool markFound = false;
  int64_t markSeq = 0;
  int64_t missing = 0;  // at least this many of the newest events are gone
  int64_t sinceMs = 0;  // the newest event still held (the loss is after it)
  std::string problem;  // empty when the log reaches the mark, or the loss is recorded
  bool sound() const { return problem.empty(); }
};

/// The database against the mark in `dataDir`, checked with `publicKey` (the device's signing key).
/// A mark missing where the database says one was written, a mark that is damaged, forged or another
/// device's, and a log that ends before the mark or differs from it are problems in words; times are
/// local with `utcOffsetMinutes`. A loss recorded with recordLoss() is not a problem any more.
core::Result<HighWaterCheck> checkHighWater(store::Database& db, const std::filesystem::path& dataDir,
                                            std::string_view publicKey, int utcOffsetMinutes);

struct HighWaterStatus {
  bool kept = false;           // the database says a mark was written
  int64_t sinceMs = 0;         // when the first was (0: before this was recorded)
  bool sinceCreation = false;  // the site had a mark from its start
};

/// Whether this site keeps a mark and since when: a copy of the database from before its first mark,
/// put back with the mark deleted, is a site from before marks to every check (nothing of the later
/// log is left to say otherwise), so that window is said rather than hidden.
core::Result<HighWaterStatus> highWaterStatus(store::Database& db);
/// One sentence for `status`: the mark kept since when, or not yet, and what cannot be detected.
std::string describeHighWater(const HighWaterStatus& status, int utcOffsetMinutes);

struct RecordedLoss {
  int64_t from = 0, to = 0;  // the sequence numbers given up
};

/// Records the loss the mark shows, so that nothing handed out before it is handed out again: the
/// record and ticket counters are raised to the mark's, and a signed `log-gap` event takes the sequence
/// number after the mark's, naming the ones skipped; then a new mark is written. Needs an unlocked site;
/// kConflict when the mark shows no loss (or cannot be trusted, with the check's sentence).
core::Result<RecordedLoss> recordLoss(Site& site);

}  // namespace longstop::service
