#include "exporter/csv_export.h"

#include "core/csv.h"
#include "core/date.h"

namespace longstop::exporter {

const std::vector<std::string>& csvColumns() {
  static const std::vector<std::string> kColumns = {"record_id",      "ticket",
                                                    "arrived",        "queue",
                                                    "priority",       "outcome",
                                                    "outcome_at",     "first_called",
                                                    "times_called",   "appointment_id",
                                                    "appointment_at", "clinician",
                                                    "surname",        "forenames",
                                                    "date_of_birth",  "sex",
                                                    "nhs_number",     "nhs_number_verified",
                                                    "postcode",       "clock_confirmed",
                                                    "history"};
  return kColumns;
}

namespace {

std::vector<std::string> row(const BatchContext& ctx, const BatchRecord& r) {
  const int32_t off = ctx.utcOffsetMinutes;
  int calls = 0;
  std::string history;
  for (const HistoryEvent& e : r.history) {
    if (e.kind == "call" || e.kind == "recall") ++calls;
    if (!history.empty()) history += "; ";
    history += e.kind + " " + localDateTime(e.atMs, off).substr(11);
  }
  const bool final = r.state == "seen" || r.state == "no-show" || r.state == "left" || r.state == "cancelled";
  std::vector<std::string> f = {r.recordId,
                                r.ticket,
                                localDateTime(r.arrivedMs, off),
                                r.queueName.empty() ? r.queueId : r.queueName,
                                r.urgent ? "urgent" : "normal",
                                r.state,
                                final ? localDateTime(r.stateMs, off) : "",
                                r.calledMs ? localDateTime(*r.calledMs, off) : "",
                                std::to_string(calls)};
  if (r.appointment) {
    f.push_back(r.appointment->id);
    f.push_back(core::formatLocalDateTime(r.appointment->startLocal));
    f.back()[10] = ' ';
    f.push_back(r.appointment->clinician);
  } else {
    f.insert(f.end(), {"", "", ""});
  }
  if (r.patient) {
    const core::PatientDetails& p = *r.patient;
    f.insert(f.end(), {p.surname, p.forenames, p.dateOfBirth.iso(), std::string(1, core::sexCode(p.sex)),
                       p.nhsNumber ? p.nhsNumber->formatted() : "",
                       p.nhsNumber ? (p.nhsNumberTraced ? "yes" : "no") : "", p.postcode});
  } else {
    f.insert(f.end(), {"(not available)", "", "", "", "", "", ""});
  }
  f.push_back(r.clockConfirmed ? "yes" : "no");
  f.push_back(history);
  return f;
}

}  // namespace

std::string checkinsCsv(const BatchContext& ctx, const std::vector<BatchRecord>& records) {
  std::string out = "\xEF\xBB\xBF" + core::csvLine(csvColumns());
  for (const BatchRecord& r : records) out += core::csvLine(row(ctx, r));
  return out;
}

}  // namespace longstop::exporter
