// What the patient screens may ask of the rest of the kiosk. The UI sees only this interface; the real
// implementation (Kiosk, in kiosk.h) sits on the store and crypto.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/matching.h"
#include "core/nhs_number.h"
#include "core/patient.h"
#include "core/queue.h"
#include "core/result.h"

namespace longstop::service {

/// The site as configured; constant while the kiosk runs.
struct SiteInfo {
  std::string name;                    // "Riverside Medical Practice"
  std::string odsCode;                 // "B82005"
  std::string deviceId;                // "K7QX"
  std::vector<core::QueueDef> queues;  // queues[0] is where matched appointments go unless mapped
  std::string walkInQueueId;           // the default queue for walk-ins
  int idleTimeoutSeconds = 45;
  core::MatchWindow matchWindow;

  /// The queue with this id, or nullptr.
  const core::QueueDef* queue(std::string_view id) const {
    for (const auto& q : queues)
      if (q.id == id) return &q;
    return nullptr;
  }
};

/// A patient's answers on the arrival screen. `sex` empty = "Prefer not to say".
struct DetailsQuery {
  core::Date dateOfBirth;
  char surnameInitial = 'A';
  std::optional<core::Sex> sex;
};

/// What may be shown about a matched appointment: never a name.
struct AppointmentView {
  std::string appointmentId;
  std::string time;       // "10:20"
  std::string clinician;  // "Dr Patel"
  std::string queueName;
};

struct MatchAnswer {
  core::MatchOutcome outcome = core::MatchOutcome::kNone;
  /// For kOne, kAlreadyCheckedIn, kTooEarly and kTooLate (kOtherDay shows no time: it is not today's).
  std::optional<AppointmentView> appointment;
  std::string checkInFrom;  // kTooEarly: when the window opens, "10:40"
};

/// The ticket shown to the patient once the check-in is durable.
struct Ticket {
  std::string recordId;      // "K7QX-000123"
  std::string ticketNumber;  // "A042"
  std::string queueId;
  std::string queueName;
  std::string room;
  core::Priority priority = core::Priority::kNormal;
  int ahead = 0;                            // waiting before this one in the same queue
  std::optional<int> estimatedWaitMinutes;  // empty: "not yet known"
  std::string qrText;                       // LST1:<record-id>:<mac>
};

struct WalkInRequest {
  core::PatientDetails patient;
  std::string queueId;
};

class KioskServices {
 public:
  virtual ~KioskServices() = default;

  virtual const SiteInfo& site() const = 0;

  /// Appointment by date of birth, surname initial and sex, within the match window around now; outside
  /// it, the answer says whether the patient is early, late or on the wrong day (see core::MatchOutcome).
  virtual core::Result<MatchAnswer> findAppointment(const DetailsQuery& q) = 0;
  /// Appointment by NHS number, with the same answers.
  virtual core::Result<MatchAnswer> findAppointmentByNhsNumber(const core::NhsNumber& n) = 0;

  /// Commits the check-in durably (one transaction) and only then returns the ticket. `urgent` is the
  /// answer to the safety question: it sets urgent priority and writes an alert event for reception.
  /// On any store failure nothing is written and the error says so.
  virtual core::Result<Ticket> checkInAppointment(const std::string& appointmentId, bool urgent) = 0;
  virtual core::Result<Ticket> checkInWalkIn(const WalkInRequest& req, bool urgent) = 0;
  /// A check-in is about to be made (the patient is answering the safety question): do now what can be
  /// done ahead, so the commit itself is quick. Optional.
  virtual void prepareCheckIn() {}
  /// True after a boot until a member of staff has unlocked the kiosk's keys: no patient can check in.
  virtual bool locked() const { return false; }
};

}  // namespace longstop::service
