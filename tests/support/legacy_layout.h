// Test only: puts a site's data directory back into the layout an older Longstop wrote, so that the
// migrations are tested on what a real old site holds rather than on a hand-made imitation.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "crypto/primitives.h"
#include "service/site.h"
#include "store/database.h"
#include "store/event_log.h"
#include "store/site_tables.h"

namespace longstop::test {

/// A credential's Argon2id key from what it is made of: the typed recovery code, or a card's
/// "staff1|<secret>|<pin>" (see service/staff.cpp).
inline crypto::SecretBytes credentialKek(store::Database& db, const std::string& id,
                                         const std::string& material) {
  auto cred = store::getCredential(db, id);
  REQUIRE(cred.ok());
  REQUIRE(cred.value());
  const auto& c = *cred.value();
  auto kek = crypto::deriveKey(material,
                               {c.kdfSalt, static_cast<uint64_t>(c.kdfOps), static_cast<uint64_t>(c.kdfMem)});
  REQUIRE(kek);
  return std::move(*kek);
}

/// The log as a site without admin keys wrote it: no admin_pk, box_pk, admin_n or admin_sig in any
/// event's data, no clock stamps (schema 6), the chain recomputed, and every row and the log's end signed
/// with `sign` (schema 4), or left unsigned when `sign` is null (before signed logs).
inline void stripAdminFromLog(store::Database& db, const crypto::SecretBytes* sign) {
  REQUIRE(db.exec("DROP TRIGGER IF EXISTS events_no_update; DELETE FROM log_head;").ok());
  const std::regex adminFields(R"re(,"(admin_pk|box_pk|admin_sig)":"[0-9a-f]*"|,"admin_n":[0-9]+)re");
  struct Row {
    int64_t seq;
    store::EventInput e;
  };
  std::vector<Row> rows;
  {
    auto st = db.prepare("SELECT seq, at_ms, kind, record_id, staff_id, data FROM events ORDER BY seq");
    REQUIRE(st.ok());
    while (st->step().value())
      rows.push_back({st->columnInt(0),
                      {st->columnInt(1), st->columnText(2), st->columnText(3), st->columnText(4),
                       std::regex_replace(st->columnText(5), adminFields, "")}});
  }
  std::string prev(32, '\0');
  for (const auto& r : rows) {
    const auto h = crypto::sha256(store::canonicalEventBytes(prev, r.seq, r.e));
    const std::string hash(h.begin(), h.end());
    auto up =
        db.prepare("UPDATE events SET data = ?, prev_hash = ?, hash = ?, sig = ?, hlc = NULL WHERE seq = ?");
    up->bind(1, std::string_view(r.e.data)).bindBlob(2, prev).bindBlob(3, hash);
    if (sign)
      up->bindBlob(4, crypto::sign(*sign, store::eventSignedBytes(hash)));
    else
      up->bindNull(4);
    up->bind(5, r.seq);
    REQUIRE(up->run().ok());
    prev = hash;
  }
  if (sign && !rows.empty()) {
    auto head = db.prepare("INSERT INTO log_head(id, seq, hash, sig) VALUES (1, ?, ?, ?)");
    head->bind(1, rows.back().seq).bindBlob(2, prev);
    head->bindBlob(3, crypto::sign(*sign, store::headSignedBytes(rows.back().seq, prev)));
    REQUIRE(head->run().ok());
  }
}

/// A site as schema 4 left it (signed logs, no admin key, no credential key pairs): each credential in
/// `keks` wraps the four keys of `keys` (the others are dropped), meta names no admin key.
/// No high-water mark, as every version before marks left a site: the file gone and nothing in the
/// database saying one was written (the layouts below rewrite the log, which a mark would refuse).
inline void toBeforeMarks(const std::filesystem::path& data, store::Database& db) {
  std::filesystem::remove(data / "longstop.mark");
  REQUIRE(db.exec("DELETE FROM meta WHERE key IN ('high_water', 'high_water_since')").ok());
}

inline void toBeforeAdminKeys(const std::filesystem::path& data, const service::SiteSecrets& keys,
                              const std::map<std::string, const crypto::SecretBytes*>& keks) {
  auto db = store::Database::open(service::Site::databasePath(data), {});
  REQUIRE(db.ok());
  store::Database& d = **db;
  for (const auto& [id, kek] : keks) {
    auto up = d.prepare("UPDATE credentials SET wrapped = ?, box_pk = NULL, bundle = NULL WHERE id = ?");
    up->bindBlob(1, service::wrapKeys(*kek, keys)).bind(2, id);
    REQUIRE(up->run().ok());
  }
  REQUIRE(d.exec("DELETE FROM credentials WHERE box_pk IS NOT NULL; DELETE FROM meta WHERE key = 'admin_pk'; "
                 "DELETE FROM counters WHERE name = 'admin_events';")
              .ok());
  stripAdminFromLog(d, &keys.signSecretKey);
  toBeforeMarks(data, d);
}

}  // namespace longstop::test
