#include "store/schema.h"

#include <array>
#include <string>

#include "store/database.h"

namespace longstop::store {
namespace {

// Personal data appears only in the `sealed` columns (libsodium sealed boxes to the site's records
// key). Everything else here is readable by design: ticket numbers, times, queue names, clinicians.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Wrapped copies of the site's secret keys: one per credential (recovery code, staff card + PIN).
CREATE TABLE credentials (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('recovery', 'staff')),
  kdf_salt    BLOB NOT NULL,
  kdf_ops     INTEGER NOT NULL,
  kdf_mem     INTEGER NOT NULL,
  wrapped     BLOB NOT NULL,
  created_ms  INTEGER NOT NULL
) STRICT;

CREATE TABLE queues (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  prefix    TEXT NOT NULL,
  room      TEXT NOT NULL,
  position  INTEGER NOT NULL
) STRICT;

CREATE TABLE counters (
  name   TEXT PRIMARY KEY,
  value  INTEGER NOT NULL
) STRICT;

CREATE TABLE appointments (
  id           TEXT PRIMARY KEY,
  start_local  INTEGER NOT NULL,        -- local wall-clock minutes since the epoch
  clinician    TEXT NOT NULL,
  service      TEXT NOT NULL,
  queue_id     TEXT NOT NULL REFERENCES queues(id),
  key_full     BLOB NOT NULL,           -- keyed hash of (dob, surname initial, sex)
  key_nosex    BLOB NOT NULL,           -- keyed hash of (dob, surname initial)
  key_nhs      BLOB,                    -- keyed hash of the NHS number, when given
  dup_key      BLOB NOT NULL,           -- keyed hash of (dob, surname), for the duplicate flag
  sealed       BLOB,                    -- the patient's details, sealed; NULL once retention removed them
  content_hash BLOB NOT NULL            -- of the imported row, so a re-import adds nothing
) STRICT;
CREATE INDEX appointments_start ON appointments(start_local);

CREATE TABLE checkins (
  record_id        TEXT PRIMARY KEY,    -- <device>-<sequence>
  seq              INTEGER NOT NULL UNIQUE,
  local_day        INTEGER NOT NULL,    -- local days since the epoch, for per-day tickets
  ticket           TEXT NOT NULL,
  queue_id         TEXT NOT NULL REFERENCES queues(id),
  state            TEXT NOT NULL,
  priority         TEXT NOT NULL,
  appointment_id   TEXT REFERENCES appointments(id),
  sealed           BLOB,                -- the patient's details, sealed; NULL for appointment check-ins
  dup_key          BLOB,                -- keyed hash of (dob, surname) for the duplicate flag
  arrived_ms       INTEGER NOT NULL,
  state_ms         INTEGER NOT NULL,    -- when the state last changed
  called_ms        INTEGER,             -- when first called, for wait estimates
  clock_confirmed  INTEGER NOT NULL
) STRICT;
CREATE INDEX checkins_queue ON checkins(queue_id, state, priority, seq);

-- The append-only, hash-chained log of every change. No personal data: a row that concerns sealed
-- details carries the SHA-256 of the sealed bytes, so the chain still commits to them.
CREATE TABLE events (
  seq        INTEGER PRIMARY KEY,
  at_ms      INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  record_id  TEXT,
  staff_id   TEXT,
  data       TEXT NOT NULL,
  prev_hash  BLOB NOT NULL,
  hash       BLOB NOT NULL
) STRICT;
CREATE INDEX events_record ON events(record_id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
)sql";

// Staff (two-factor sign-in) and export batches.
constexpr const char* kMigration2 = R"sql(
CREATE TABLE staff (
  id               TEXT PRIMARY KEY,    -- the card's staff ID, e.g. "S7K2QX"
  name             TEXT NOT NULL,       -- a member of staff's name is not patient data
  role             TEXT NOT NULL CHECK (role IN ('reception', 'admin')),
  card_check       BLOB NOT NULL,       -- keyed hash of the card secret: tells a wrong card from a wrong PIN
  created_ms       INTEGER NOT NULL,
  revoked_ms       INTEGER,
  failed_attempts  INTEGER NOT NULL DEFAULT 0,
  locked_until_ms  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE batches (
  seq               INTEGER PRIMARY KEY,  -- per device, from 1
  file_name         TEXT NOT NULL,
  created_ms        INTEGER NOT NULL,
  record_count      INTEGER NOT NULL,
  prev_hash         BLOB NOT NULL,        -- hash of the previous batch file (zeros for the first)
  batch_hash        BLOB NOT NULL,        -- hash of this batch file, what the next one chains to
  recipient_key_id  TEXT NOT NULL,
  acknowledged_ms   INTEGER,              -- an LSK1 code for this batch was scanned
  purged_ms         INTEGER               -- retention removed the personal data of its check-ins
) STRICT;
ALTER TABLE checkins ADD COLUMN batch_seq INTEGER REFERENCES batches(seq);
)sql";

// Every reading of the queues is for one local day (tickets restart each day, and a check-in left
// waiting yesterday is not ahead of anyone today), so the queue index leads with the day.
constexpr const char* kMigration3 = R"sql(
DROP INDEX checkins_queue;
CREATE INDEX checkins_day_queue ON checkins(local_day, queue_id, state, priority, seq);
)sql";

// Every event is signed by the device's Ed25519 key from here on (rows written before this version
// stay unsigned; the first signed row's chain hash vouches for them). The signed end of the log lives
// in its own one-row table, so a deleted tail is seen.
constexpr const char* kMigration4 = R"sql(
ALTER TABLE events ADD COLUMN sig BLOB;
CREATE TABLE log_head (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  seq   INTEGER NOT NULL,
  hash  BLOB NOT NULL,
  sig   BLOB NOT NULL
) STRICT;
)sql";

// Each credential gets an X25519 key pair of its own: `wrapped` then holds only its secret half (under the
// Argon2id key), and `bundle` the site's keys sealed to its public half, so that an administrator can
// hand new keys to every card (at a revocation) without knowing anyone's PIN. Older rows keep their
// wrapped keys (NULL public key) until their first use.
constexpr const char* kMigration5 = R"sql(
ALTER TABLE credentials ADD COLUMN box_pk BLOB;
ALTER TABLE credentials ADD COLUMN bundle BLOB;
)sql";

// A site of several devices (docs/site.md). Every event has an origin (the device that wrote it), its
// origin sequence, a hybrid logical clock stamp, the hash of the origin's previous event and the origin's
// signature. The device's own events stay in `events` (origin = meta device_id, origin sequence = seq,
// and the chain and signatures it always had): nothing is rewritten or re-signed. Rows from before carry
// no stamp (NULL: their stamp is at_ms << 16); every new row's stamp is in its hashed bytes. Peers'
// events sit beside them in `peer_events`, verified before they are stored; the roster's devices in
// `peers`; each peer's cursor (the last stream sequence applied) in `peer_cursors`, written in the same
// transaction as the events it covers; refused messages in `site_refusals`.
constexpr const char* kMigration6 = R"sql(
ALTER TABLE events ADD COLUMN hlc INTEGER;
CREATE TABLE peers (
  device_id     TEXT PRIMARY KEY,
  sign_pk       BLOB NOT NULL,
  address       TEXT NOT NULL,     -- nats://host:port of the peer's own server
  role          TEXT NOT NULL,
  added_ms      INTEGER NOT NULL,
  removed_ms    INTEGER
) STRICT;
CREATE TABLE peer_events (
  origin      TEXT NOT NULL,
  origin_seq  INTEGER NOT NULL,
  hlc         INTEGER,
  at_ms       INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  record_id   TEXT,
  staff_id    TEXT,
  data        TEXT NOT NULL,
  prev_hash   BLOB NOT NULL,
  hash        BLOB NOT NULL,
  sig         BLOB,
  sealed      BLOB,             -- a check-in's or edit's sealed details, as the origin sealed them
  PRIMARY KEY (origin, origin_seq)
) STRICT;
CREATE INDEX peer_events_hlc ON peer_events(hlc);
CREATE TRIGGER peer_events_no_update BEFORE UPDATE ON peer_events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER peer_events_no_delete BEFORE DELETE ON peer_events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TABLE peer_cursors (
  origin      TEXT PRIMARY KEY,
  stream_seq  INTEGER NOT NULL
) STRICT;
CREATE TABLE site_refusals (
  id          INTEGER PRIMARY KEY,
  origin      TEXT NOT NULL,
  origin_seq  INTEGER NOT NULL,
  at_ms       INTEGER NOT NULL,
  reason      TEXT NOT NULL
) STRICT;
)sql";

// Wait estimates read a queue's last few calls of the day, newest first: this index gives them in that
// order, so the reading stops after a handful of entries however long the day's queue has grown.
constexpr const char* kMigration7 = R"sql(
CREATE INDEX checkins_day_calls ON checkins(local_day, queue_id, called_ms);
)sql";

constexpr std::array<const char*, 7> kMigrations = {kMigration1, kMigration2, kMigration3, kMigration4,
                                                    kMigration5, kMigration6, kMigration7};

}  // namespace

int latestSchemaVersion() {
  return static_cast<int>(kMigrations.size());
}

core::Status migrate(Database& db) {
  const int from = db.schemaVersion();
  if (from < 0) return core::storageError("Could not read the database's schema version.");
  if (from > latestSchemaVersion())
    return core::conflict("This database was written by a newer Longstop (schema " + std::to_string(from) +
                          "); install that version to open it.");
  for (int v = from; v < latestSchemaVersion(); ++v) {
    auto s = db.transaction([&]() -> core::Status {
      if (auto e = db.exec(kMigrations[v]); !e.ok()) return e;
      return db.exec("PRAGMA user_version=" + std::to_string(v + 1));
    });
    if (!s.ok()) return s;
  }
  return core::okStatus();
}

}  // namespace longstop::store
