#include "service/match_key.h"

#include <sodium.h>

#include <vector>

#include "core/matching.h"
#include "crypto/primitives.h"
#include "service/checkin.h"
#include "service/site.h"

namespace longstop::service {
namespace {

struct SealedRow {
  std::string id;
  std::string sealed;
  std::optional<std::string> appointmentId;
  int64_t startLocal = 0;
  std::string clinician, service;
};

core::Result<std::vector<SealedRow>> readRows(store::Database& db, const char* sql, bool appointments) {
  auto st = db.prepare(sql);
  if (!st.ok()) return st.error();
  std::vector<SealedRow> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    SealedRow r;
    r.id = st->columnText(0);
    if (!st->columnIsNull(1)) r.sealed = st->columnBlob(1);
    if (appointments) {
      r.startLocal = st->columnInt(2);
      r.clinician = st->columnText(3);
      r.service = st->columnText(4);
    } else if (!st->columnIsNull(2)) {
      r.appointmentId = st->columnText(2);
    }
    out.push_back(std::move(r));
  }
  return out;
}

// The sealed details opened and parsed; the plaintext is wiped by the caller.
std::optional<core::PatientDetails> detailsOf(const Site& site, const SiteSecrets& admin,
                                              const std::string& sealed, std::string& plain) {
  auto opened = site.open(admin, sealed);
  if (!opened.ok()) return std::nullopt;
  plain = std::move(opened.value());
  auto parsed = core::parseDetails(plain);
  if (!parsed.ok()) return std::nullopt;
  return std::move(parsed.value());
}

core::Status rehashAppointments(Site& site, const SiteSecrets& admin, const MatchHasher& hash, Rehash& out) {
  auto rows = readRows(
      site.db(),
      "SELECT id, sealed, start_local, clinician, service FROM appointments WHERE sealed IS NOT NULL", true);
  if (!rows.ok()) return rows.error();
  auto update = site.db().prepare(
      "UPDATE appointments SET key_full = ?, key_nosex = ?, key_nhs = ?, dup_key = ?, content_hash = ? WHERE "
      "id = ?");
  if (!update.ok()) return update.error();
  for (const auto& r : rows.value()) {
    std::string plain;
    auto patient = detailsOf(site, admin, r.sealed, plain);
    if (!patient) {
      ++out.notOpened;
      continue;
    }
    store::AppointmentRow row;
    row.id = r.id;
    row.startLocal = r.startLocal;
    row.clinician = r.clinician;
    row.service = r.service;
    fillAppointmentHashes(row, hash, *patient, plain);
    sodium_memzero(plain.data(), plain.size());
    update->bindBlob(1, row.keyFull)
        .bindBlob(2, row.keyNoSex)
        .bindBlob(4, row.dupKey)
        .bindBlob(5, row.contentHash);
    if (row.keyNhs)
      update->bindBlob(3, *row.keyNhs);
    else
      update->bindNull(3);
    update->bind(6, row.id);
    if (auto s = update->run(); !s.ok()) return s;
    update->reset();
    ++out.appointments;
  }
  return core::okStatus();
}

core::Status rehashCheckins(Site& site, const SiteSecrets& admin, const MatchHasher& hash, Rehash& out) {
  auto rows = readRows(
      site.db(), "SELECT record_id, sealed, appointment_id FROM checkins WHERE dup_key IS NOT NULL", false);
  if (!rows.ok()) return rows.error();
  auto fromAppointment = site.db().prepare("SELECT dup_key FROM appointments WHERE id = ?");
  if (!fromAppointment.ok()) return fromAppointment.error();
  auto update = site.db().prepare("UPDATE checkins SET dup_key = ? WHERE record_id = ?");
  if (!update.ok()) return update.error();
  for (const auto& r : rows.value()) {
    std::string dupKey;
    if (!r.sealed.empty()) {  // a walk-in, or an appointment's check-in whose details staff edited
      std::string plain;
      auto patient = detailsOf(site, admin, r.sealed, plain);
      sodium_memzero(plain.data(), plain.size());
      if (!patient) {
        ++out.notOpened;
        continue;
      }
      dupKey = hash(duplicateKeyText(patient->dateOfBirth, patient->surname));
    } else if (r.appointmentId) {  // the appointment's own, already rehashed above
      fromAppointment->bind(1, *r.appointmentId);
      auto row = fromAppointment->step();
      if (!row.ok()) return row.error();
      if (row.value()) dupKey = fromAppointment->columnBlob(0);
      fromAppointment->reset();
    }
    if (dupKey.empty()) continue;
    update->bindBlob(1, dupKey).bind(2, r.id);
    if (auto s = update->run(); !s.ok()) return s;
    update->reset();
    ++out.checkins;
  }
  return core::okStatus();
}

}  // namespace

std::string MatchHasher::operator()(std::string_view text) const {
  return crypto::keyedHash(key, text, 16);
}

std::string matchKeyCommitment(std::string_view matchKey, std::string_view deviceId) {
  return crypto::keyedHash(matchKey, "LSMK1|" + std::string(deviceId), 32);
}

void fillAppointmentHashes(store::AppointmentRow& row, const MatchHasher& hash, const core::PatientDetails& p,
                           const std::string& details) {
  const char initial = core::surnameInitial(p.surname).value_or('?');
  row.keyFull = hash(core::matchKeyText(p.dateOfBirth, initial, p.sex));
  row.keyNoSex = hash(core::matchKeyTextNoSex(p.dateOfBirth, initial));
  row.keyNhs.reset();
  if (p.nhsNumber) row.keyNhs = hash("nhs1|" + p.nhsNumber->digits);
  row.dupKey = hash(duplicateKeyText(p.dateOfBirth, p.surname));
  // Keyed, so the stored hash reveals nothing a plain hash of guessed details would.
  row.contentHash = hash("content1|" + row.id + "|" + std::to_string(row.startLocal) + "|" + row.clinician +
                         "|" + row.service + "|" + details);
}

core::Result<Rehash> rehashUnderMatchKey(Site& site, const SiteSecrets& admin, std::string_view newKey) {
  const MatchHasher hash{newKey};
  Rehash out;
  if (auto s = rehashAppointments(site, admin, hash, out); !s.ok()) return s.error();
  if (auto s = rehashCheckins(site, admin, hash, out); !s.ok()) return s.error();
  return out;
}

}  // namespace longstop::service
