// The attack of a thief with a copy of the SD card and a laptop: everything in the data directory
// (database, write-ahead log, backups) is read with SQLite alone, every value on the card that could be
// a key is tried, and the keyed hashes beside the sealed data are searched by brute force: the whole
// date-of-birth x surname-initial x sex space, walk-ins' date of birth x a list of common surnames, and
// a sample of the NHS-number space. The same attack against the layout from before (keys in meta) must
// recover the patients, or the test proves nothing; against the site as it is now it recovers no one.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/matching.h"
#include "core/nhs_number.h"
#include "crypto/primitives.h"
#include "service/backup.h"
#include "service/checkin.h"
#include "service/import.h"
#include "service/kiosk.h"
#include "service/site.h"
#include "service/site_check.h"
#include "store/backup.h"
#include "store/site_tables.h"
#include "support/clocks.h"
#include "support/legacy_layout.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kSurnames = {
    "Smith",   "Jones",    "Taylor", "Brown",    "Williams", "Wilson", "Johnson",  "Davies",
    "Patel",   "Robinson", "Wright", "Thompson", "Evans",    "Walker", "White",    "Roberts",
    "Green",   "Hall",     "Wood",   "Jackson",  "Clarke",   "Khan",   "Kowalski", "Nowak",
    "Popescu", "Ahmed",    "Ali",    "Begum",    "Singh",    "Murphy"};

struct Patient {
  std::string surname;
  core::Date dob;
  char sex;
  std::string nhs;
};

// 50 appointment patients and 10 walk-ins, spread over the years a thief would search.
std::vector<Patient> patients(int n, int seed) {
  std::vector<Patient> out;
  for (int i = 0; i < n; ++i) {
    const int k = i * 7919 + seed * 104729;
    core::Date dob = core::civilFromDays(core::daysFromCivil({1925, 1, 1}) + (k % 36000));
    // 999 000 0000 upwards is never issued: a valid check digit in that range.
    std::string nhs;
    for (int base = 10000 + k % 80000;; ++base) {
      std::string nine = "999" + std::to_string(1000000 + base).substr(1);
      for (char c = '0'; c <= '9'; ++c)
        if (core::parseNhsNumber(nine + c).ok()) nhs = nine + c;
      if (!nhs.empty()) break;
    }
    out.push_back({kSurnames[static_cast<size_t>(k) % kSurnames.size()], dob, "FMU"[k % 3], nhs});
  }
  return out;
}

std::string csvOf(const std::vector<Patient>& ps) {
  std::string csv =
      "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\n";
  for (size_t i = 0; i < ps.size(); ++i)
    csv += "A" + std::to_string(2000 + i) + ",2026-11-29T" + (i % 2 ? "10" : "11") + ":" +
           std::to_string(10 + i % 40) + ",Dr Patel,GP," + ps[i].nhs + "," + ps[i].surname + ",Ann," +
           ps[i].dob.iso() + "," + ps[i].sex + ",LS1 4AP\n";
  return csv;
}

// What the thief reads off one database file on the card.
struct Loot {
  std::set<std::string> candidateKeys;  // every 32-byte value in meta, raw or hex
  std::set<std::string> keyFull, keyNhs, dupKeys;
};

void gather(const fs::path& file, Loot& loot) {
  auto db = store::Database::open(file, {.readOnly = true});
  REQUIRE(db.ok());
  auto meta = (*db)->prepare("SELECT value FROM meta");
  REQUIRE(meta.ok());
  while (meta->step().value()) {
    const std::string v = meta->columnText(0);
    if (v.size() == 32) loot.candidateKeys.insert(v);
    if (auto raw = crypto::fromHex(v); raw && raw->size() == 32) loot.candidateKeys.insert(*raw);
  }
  auto appts = (*db)->prepare("SELECT key_full, key_nhs, dup_key FROM appointments");
  REQUIRE(appts.ok());
  while (appts->step().value()) {
    loot.keyFull.insert(appts->columnBlob(0));
    if (!appts->columnIsNull(1)) loot.keyNhs.insert(appts->columnBlob(1));
    loot.dupKeys.insert(appts->columnBlob(2));
  }
  auto walkIns = (*db)->prepare("SELECT dup_key FROM checkins WHERE appointment_id IS NULL");
  REQUIRE(walkIns.ok());
  while (walkIns->step().value()) loot.dupKeys.insert(walkIns->columnBlob(0));
}

struct Recovered {
  int byDetails = 0, byNhs = 0, walkIns = 0;
};

// The brute force, with every candidate key: what it finds is a patient identified from the card.
Recovered bruteForce(const fs::path& dataCopy, const std::vector<Patient>& walkIns) {
  Loot loot;
  for (const auto& entry : fs::recursive_directory_iterator(dataCopy))
    if (entry.path().extension() == ".db") gather(entry.path(), loot);
  Recovered r;
  const int64_t first = core::daysFromCivil({1920, 1, 1}), last = core::daysFromCivil({2025, 12, 31});
  const std::vector<Patient> sample = patients(50, 1);
  for (const std::string& key : loot.candidateKeys) {
    for (int64_t d = first; d <= last; ++d) {
      const core::Date dob = core::civilFromDays(d);
      for (char initial = 'A'; initial <= 'Z'; ++initial)
        for (core::Sex sex : {core::Sex::kFemale, core::Sex::kMale, core::Sex::kUnknown})
          r.byDetails += static_cast<int>(
              loot.keyFull.count(crypto::keyedHash(key, core::matchKeyText(dob, initial, sex))));
      for (const auto& surname : kSurnames)
        r.walkIns += static_cast<int>(
            loot.dupKeys.count(crypto::keyedHash(key, service::duplicateKeyText(dob, surname))));
    }
    // A sample of the NHS-number space: 20,000 numbers in the never-issued range, with the true ones
    // among them (a thief with the key would find every one in 12 minutes; the sample stands in).
    std::set<std::string> numbers;
    for (const auto& p : patients(20000, 7)) numbers.insert(p.nhs);
    for (const auto& p : sample) numbers.insert(p.nhs);
    for (const auto& p : walkIns) numbers.insert(p.nhs);
    for (const auto& n : numbers)
      r.byNhs += static_cast<int>(loot.keyNhs.count(crypto::keyedHash(key, "nhs1|" + n)));
  }
  return r;
}

struct StolenSite {
  TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  std::string recoveryCode;
  std::vector<Patient> appointments = patients(50, 1), walkIns = patients(10, 3);

  StolenSite() {
    REQUIRE(crypto::initialise());
    auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
    REQUIRE(init.ok());
    recoveryCode = init->recoveryCode;
    auto kiosk = service::openKiosk(dir / "site", clock);
    REQUIRE(kiosk.ok());
    auto imported = service::importAppointments((*kiosk)->siteData(), csvOf(appointments));
    REQUIRE(imported.ok());
    REQUIRE(imported->added == 50);
    for (int i = 0; i < 20; ++i)
      REQUIRE((*kiosk)->checkInAppointment("A" + std::to_string(2000 + i), false).ok());
    for (const auto& p : walkIns) {
      service::WalkInRequest req;
      req.patient.surname = p.surname;
      req.patient.forenames = "Ann";
      req.patient.dateOfBirth = p.dob;
      REQUIRE((*kiosk)->checkInWalkIn(req, false).ok());
    }
    REQUIRE(service::backupSite(dir / "site", dir / "site" / "backups", 3).ok());
    REQUIRE((*kiosk)->checkInAppointment("A2030", false).ok());  // something only in the WAL
  }
  // The thief's copy, taken while the kiosk runs (the WAL beside the file).
  fs::path copy(const std::string& name) {
    fs::copy(dir / "site", dir / name, fs::copy_options::recursive);
    return dir / name;
  }
};

// Puts a copy back into the layout of before signed logs: the matching and ticket keys in meta in
// the clear, credentials wrapping the records and signing keys only, no signatures, no admin key.
void toLegacyLayout(const fs::path& data, const service::SiteSecrets& keys,
                    const crypto::SecretBytes& recoveryKek) {
  auto db = store::Database::open(service::Site::databasePath(data), {});
  REQUIRE(db.ok());
  REQUIRE(store::setMeta(**db, "match_key", crypto::toHex(keys.matchKey.view())).ok());
  REQUIRE(store::setMeta(**db, "ticket_key", crypto::toHex(keys.ticketKey.view())).ok());
  std::string two(keys.recordsSecretKey.view());
  two += keys.signSecretKey.view();
  auto up = (*db)->prepare(
      "UPDATE credentials SET wrapped = ?, box_pk = NULL, bundle = NULL WHERE id = 'recovery'");
  up->bindBlob(1, crypto::wrap(recoveryKek, two));
  REQUIRE(up->run().ok());
  REQUIRE(
      (*db)
          ->exec("DELETE FROM meta WHERE key = 'admin_pk'; DELETE FROM counters WHERE name = 'admin_events';")
          .ok());
  test::stripAdminFromLog(**db, nullptr);
  test::toBeforeMarks(data, **db);
}

crypto::SecretBytes recoveryKek(const fs::path& data, const std::string& code) {
  auto db = store::Database::open(service::Site::databasePath(data), {.readOnly = true});
  auto cred = store::getCredential(**db, "recovery");
  REQUIRE(cred.ok());
  const auto& c = *cred.value();
  auto kek = crypto::deriveKey(crypto::normaliseCode(code),
                               {c.kdfSalt, static_cast<uint64_t>(c.kdfOps), static_cast<uint64_t>(c.kdfMem)});
  REQUIRE(kek);
  return std::move(*kek);
}

}  // namespace

TEST_CASE("a thief with a copy of the card recovers no patient, where the old layout gave them all away") {
  StolenSite site;
  const fs::path now = site.copy("thief-now");

  // The layout from before: the attack works, so a zero below means something.
  auto opened = service::Site::open(site.dir / "site", site.clock);
  REQUIRE(opened.ok());
  auto keys = (*opened)->unlockWithRecoveryCode(site.recoveryCode);
  REQUIRE(keys.ok());
  const fs::path old = site.copy("thief-old-layout");
  toLegacyLayout(old, keys.value(), recoveryKek(old, site.recoveryCode));
  const Recovered before = bruteForce(old, site.walkIns);
  CHECK(before.byDetails == 50);
  CHECK(before.byNhs == 50);
  CHECK(before.walkIns >= 10);

  const Recovered after = bruteForce(now, site.walkIns);
  CHECK(after.byDetails == 0);
  CHECK(after.byNhs == 0);
  CHECK(after.walkIns == 0);
}

TEST_CASE("a site from before signed logs is migrated at its first unlock, and then gives nothing away") {
  StolenSite site;
  auto opened = service::Site::open(site.dir / "site", site.clock);
  REQUIRE(opened.ok());
  auto keys = (*opened)->unlockWithRecoveryCode(site.recoveryCode);
  REQUIRE(keys.ok());
  const fs::path legacy = site.copy("upgraded");
  fs::remove_all(legacy / "backups");
  toLegacyLayout(legacy, keys.value(), recoveryKek(legacy, site.recoveryCode));
  opened->reset();
  // Backups as the old version made them: plain SQLite copies holding the keys in the clear, and the
  // leftover of one cut short.
  fs::create_directories(legacy / "backups");
  fs::copy_file(service::Site::databasePath(legacy), legacy / "backups" / "longstop-20261128-230000.db");
  fs::copy_file(service::Site::databasePath(legacy), legacy / "backups" / "longstop-20261129-000000.db.tmp");
  fs::copy(legacy, site.dir / "thief-before-upgrade", fs::copy_options::recursive);
  fs::remove(site.dir / "thief-before-upgrade" / "longstop.db");
  CHECK(bruteForce(site.dir / "thief-before-upgrade", site.walkIns).byDetails == 50);  // the old backup alone

  auto upgraded = service::Site::open(legacy, site.clock);
  REQUIRE(upgraded.ok());
  (*upgraded)->lock();  // as after the reboot that installs the new version
  CHECK_FALSE((*upgraded)->unlocked());
  auto unchecked = service::checkSite((*upgraded)->db());
  REQUIRE(unchecked.ok());
  CHECK_FALSE(unchecked->sound());  // no signatures yet: said, not passed
  REQUIRE((*upgraded)->unlockWithRecoveryCode(site.recoveryCode).ok());
  CHECK((*upgraded)->unlocked());
  CHECK_FALSE(store::getMeta((*upgraded)->db(), "match_key").value().has_value());
  auto checked = service::checkSite((*upgraded)->db());
  REQUIRE(checked.ok());
  CHECK(checked->sound());
  // 'admin-key-created' (the recovery code makes the admin key) and 'unlocked' vouch for the unsigned
  // history before them; then the plain backups were sealed ('plain-backups-sealed').
  CHECK(checked->log.signedRows == 3);
  CHECK_FALSE((*upgraded)->adminPublicKey().empty());
  // The hashes made with the old key still match: patients check in as before.
  auto hash =
      (*upgraded)->matchHash(core::matchKeyText(site.appointments[0].dob, site.appointments[0].surname[0],
                                                site.appointments[0].sex == 'F'   ? core::Sex::kFemale
                                                : site.appointments[0].sex == 'M' ? core::Sex::kMale
                                                                                  : core::Sex::kUnknown));
  {
    auto st = (*upgraded)->db().prepare("SELECT count(*) FROM appointments WHERE key_full = ?");
    st->bindBlob(1, hash);
    REQUIRE(st->step().value());
    CHECK(st->columnInt(0) == 1);
  }
  // The migration sealed the plain backup, overwrote and deleted the leftover, and the log says so.
  {
    auto st = (*upgraded)->db().prepare("SELECT data FROM events WHERE kind = 'plain-backups-sealed'");
    REQUIRE(st->step().value());
    CHECK(st->columnText(0) == R"({"sealed":1,"deleted":1})");
  }
  upgraded->reset();
  CHECK(fs::exists(legacy / "backups" / "longstop-20261128-230000.lsbackup"));
  CHECK_FALSE(fs::exists(legacy / "backups" / "longstop-20261128-230000.db"));
  CHECK_FALSE(fs::exists(legacy / "backups" / "longstop-20261129-000000.db.tmp"));

  // As a thief would look: every file opened as SQLite, and every file searched for the key bytes.
  const std::vector<std::string> clearKeys = {
      std::string(keys->matchKey.view()), std::string(keys->ticketKey.view()),
      crypto::toHex(keys->matchKey.view()), crypto::toHex(keys->ticketKey.view())};
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(legacy)) {
    if (!e.is_regular_file()) continue;
    ++files;
    std::ifstream in(e.path(), std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    for (const auto& k : clearKeys) CHECK(bytes.find(k) == std::string::npos);
    if (auto db = store::Database::open(e.path(), {.readOnly = true}); db.ok()) {
      auto st = (*db)->prepare("SELECT count(*) FROM meta WHERE key IN ('match_key', 'ticket_key')");
      if (st.ok() && st->step().value()) CHECK(st->columnInt(0) == 0);
    }
  }
  CHECK(files >= 2);  // the database and the sealed backup at least

  // The sealed old backup restores with the recovery code (and migrates again at its first unlock).
  auto restored = service::restoreBackup(legacy / "backups" / "longstop-20261128-230000.lsbackup",
                                         site.dir / "restored", site.recoveryCode);
  REQUIRE(restored.ok());
  {
    auto back = service::Site::open(site.dir / "restored", site.clock);
    REQUIRE(back.ok());
    (*back)->lock();
    REQUIRE((*back)->unlockWithRecoveryCode(site.recoveryCode).ok());
    CHECK_FALSE(store::getMeta((*back)->db(), "match_key").value().has_value());
    CHECK((*back)->matchHash("x") == crypto::keyedHash(keys->matchKey.view(), "x"));
  }

  fs::copy(legacy, site.dir / "thief-after-upgrade", fs::copy_options::recursive);
  const Recovered r = bruteForce(site.dir / "thief-after-upgrade", site.walkIns);
  CHECK(r.byDetails == 0);
  CHECK(r.byNhs == 0);
  CHECK(r.walkIns == 0);
}
