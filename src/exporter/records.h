// What goes into a batch, as plain values: the service gathers these from the store (details already
// opened); the FHIR and CSV writers turn them into text. Nothing here reads a database or a clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/patient.h"

namespace longstop::exporter {

/// The device and batch the records belong to.
struct BatchContext {
  std::string odsCode;           // "B82005"
  std::string deviceId;          // "K7QX"
  int64_t seq = 0;               // batch sequence on this device, from 1
  int64_t createdMs = 0;         // when the batch was made (wall clock as seen)
  int32_t utcOffsetMinutes = 0;  // local offset used to write local times (one for the whole batch)
};

/// The appointment a check-in matched, as imported from the practice's list.
struct AppointmentInfo {
  std::string id;
  int64_t startLocal = 0;  // local wall-clock minutes since the epoch
  std::string clinician;
  std::string service;
};

/// One thing that happened to a check-in after it was made: "call", "recall", "seen", "no-show", ...
struct HistoryEvent {
  std::string kind;
  int64_t atMs = 0;
};

struct BatchRecord {
  std::string recordId;   // "K7QX-000123": the business identifier of the encounter
  std::string ticket;     // "A042"
  std::string queueId;    // "gp"
  std::string queueName;  // "GP appointments"
  bool urgent = false;
  std::string state;  // core::toString(CheckinState): "waiting", "seen", ...
  int64_t arrivedMs = 0;
  int64_t stateMs = 0;  // when the state last changed
  std::optional<int64_t> calledMs;
  bool clockConfirmed = false;
  std::optional<core::PatientDetails> patient;  // empty when the details are not available
  std::optional<AppointmentInfo> appointment;
  std::vector<HistoryEvent> history;
};

/// Counts used for the batch header: time range, clock confirmation.
struct RecordSummary {
  int64_t count = 0;
  int64_t firstArrivalMs = 0;
  int64_t lastArrivalMs = 0;
  bool allClocksConfirmed = true;
};
RecordSummary summarise(const std::vector<BatchRecord>& records);

/// Identifier systems (URNs, one set per device, so IDs from different kiosks never meet).
std::string checkinSystem(const BatchContext& ctx);      // urn:longstop:B82005:K7QX:checkin
std::string patientSystem(const BatchContext& ctx);      // urn:longstop:B82005:K7QX:patient
std::string appointmentSystem(const BatchContext& ctx);  // urn:longstop:B82005:appointment (the site's list)
std::string batchSystem(const BatchContext& ctx);        // urn:longstop:B82005:K7QX:batch

}  // namespace longstop::exporter

namespace longstop::exporter {

/// A FHIR dateTime with seconds and offset: "2026-11-29T09:10:00+00:00".
std::string fhirDateTime(int64_t unixMs, int32_t utcOffsetMinutes);
/// The same moment for a person reading a spreadsheet: "2026-11-29 09:10".
std::string localDateTime(int64_t unixMs, int32_t utcOffsetMinutes);
/// A local wall-clock minute (appointment start) as a FHIR instant with the given offset.
std::string fhirLocalMinutes(int64_t localMinutes, int32_t utcOffsetMinutes);

}  // namespace longstop::exporter
