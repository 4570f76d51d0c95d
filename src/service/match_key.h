// The matching key: what hashes a patient's date of birth, initial and sex, NHS number and
// duplicate details (and, on cards from before card checks of their own, a staff card's secret). A
// revocation renews it so that the revoked card, with a new copy of the database, cannot search what is
// written afterwards. Each renewal is announced by the admin-signed 'staff-revoked' event with a
// commitment to the new key; a kiosk takes up a key only if the newest such commitment names it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/patient.h"
#include "core/result.h"
#include "crypto/secret_bytes.h"
#include "store/appointments.h"

namespace longstop::service {

class Site;
struct SiteSecrets;

/// Keyed hashes under one matching key (16 bytes each, as stored).
struct MatchHasher {
  std::string_view key;
  std::string operator()(std::string_view text) const;
};

/// The commitment to a matching key that a 'staff-revoked' event carries: a keyed hash (under the key)
/// of the device ID, so it says nothing about the key and only its holder can make it.
std::string matchKeyCommitment(std::string_view matchKey, std::string_view deviceId);

/// Fills an appointment row's keyed hashes (key_full, key_nosex, key_nhs, dup_key, content_hash) from
/// its fields and the patient's details, `details` being serializeDetails(patient) (what is sealed).
void fillAppointmentHashes(store::AppointmentRow& row, const MatchHasher& hash,
                           const core::PatientDetails& patient, const std::string& details);

/// What a rehash did.
struct Rehash {
  int appointments = 0;  // rehashed under the new key
  int checkins = 0;
  int notOpened = 0;  // sealed details that no records key opened: their hashes are left as they were
};

/// Recomputes, under `newKey`, every keyed hash the database holds for sealed details it still has
/// (appointments, walk-ins and the check-ins of appointments), opening them with `admin`'s records
/// keys. Rows whose details retention removed hold no hash and are left alone. Call inside the
/// transaction that renews the key.
core::Result<Rehash> rehashUnderMatchKey(Site& site, const SiteSecrets& admin, std::string_view newKey);

}  // namespace longstop::service
