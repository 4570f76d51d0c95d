// The day's appointments as stored: readable time/clinician/service, keyed hashes for matching, and
// the patient's details sealed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace longstop::store {

struct AppointmentRow {
  std::string id;
  int64_t startLocal = 0;
  std::string clinician;
  std::string service;
  std::string queueId;
  std::string keyFull;
  std::string keyNoSex;
  std::optional<std::string> keyNhs;
  std::string dupKey;
  std::optional<std::string> sealed;
  std::string contentHash;
};

/// Inserts a new appointment. An ID already present with the same content hash is not an error and
/// returns false (nothing added); with a different content hash it is a conflict.
core::Result<bool> insertAppointment(Database& db, const AppointmentRow& a);
core::Result<std::optional<AppointmentRow>> getAppointment(Database& db, std::string_view id);
/// Appointments starting in [fromLocal, toLocal], by start time.
core::Result<std::vector<AppointmentRow>> appointmentsBetween(Database& db, int64_t fromLocal,
                                                              int64_t toLocal);
core::Result<int64_t> countAppointments(Database& db);
/// Removes the sealed details and keyed hashes of appointments that started before `startBeforeLocal`
/// and were never checked in (nobody came, so nothing of theirs is waiting to be exported: the practice
/// holds the list). Returns how many were cleared; call inside a transaction.
core::Result<int64_t> purgeUnclaimedAppointments(Database& db, int64_t startBeforeLocal);

}  // namespace longstop::store
