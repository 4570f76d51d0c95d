#include "service/demo_busy.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <vector>

#include "core/date.h"
#include "service/call_points.h"
#include "service/checkin.h"
#include "service/import.h"
#include "service/queue_actions.h"
#include "service/site.h"
#include "service/staff.h"

namespace longstop::service {
namespace {

constexpr std::array<const char*, 24> kSurnames = {
    "Ahmed", "Baker",   "Campbell", "Davies", "Edwards",  "Fraser",  "Green",    "Hughes",
    "Iqbal", "Jenkins", "Kaur",     "Lewis",  "Mitchell", "Nowak",   "Owen",     "Parry",
    "Quinn", "Roberts", "Singh",    "Taylor", "Usman",    "Vaughan", "Williams", "Young"};
constexpr std::array<const char*, 16> kForenames = {"Aisha", "Ben",   "Chloe",  "David", "Emma",  "Farid",
                                                    "Grace", "Harry", "Ioana",  "Jack",  "Kasia", "Liam",
                                                    "Maria", "Noah",  "Olivia", "Priya"};
constexpr std::array<const char*, 4> kClinicians = {"Dr Patel", "Dr Okafor", "Dr Nguyen", "Nurse Jones"};
constexpr int kSlotMinutes = 6;

struct Person {
  std::string surname, forenames, dob, sex;
};

Person personFor(int k) {
  Person p;
  p.surname = kSurnames[static_cast<size_t>(k * 7) % kSurnames.size()];
  p.forenames = kForenames[static_cast<size_t>(k * 5 + k / 16) % kForenames.size()];
  const int year = 1935 + (k * 13) % 85, month = 1 + (k * 5) % 12, day = 1 + (k * 11) % 28;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  p.dob = buf;
  p.sex = k % 2 ? "M" : "F";
  return p;
}

// Appointments from 07:00: each clinician every kSlotMinutes, ids B001, B002, ... in time order.
std::string morningCsv(int64_t dayStartLocal, int slots) {
  std::string csv =
      "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\n";
  for (int i = 0; i < slots; ++i) {
    const int clinician = i % static_cast<int>(kClinicians.size());
    const int64_t start = dayStartLocal + 7 * 60 + (i / static_cast<int>(kClinicians.size())) * kSlotMinutes;
    const Person p = personFor(i);
    char id[16];
    std::snprintf(id, sizeof id, "B%03d", i + 1);
    csv += std::string(id) + "," + core::formatLocalDateTime(start) + "," + kClinicians[clinician] + "," +
           (clinician == 3 ? "Nurse" : "GP") + ",," + p.surname + "," + p.forenames + "," + p.dob + "," +
           p.sex + ",\n";
  }
  return csv;
}

core::Status asStatus(const core::Result<CommittedCheckin>& r) {
  return r.ok() ? core::okStatus() : core::Status(r.error());
}

}  // namespace

core::Status addDemoCheckins(const std::filesystem::path& dataDir, const core::Clock& clock,
                             const std::string& recoveryCode, int count) {
  const core::Instant end = clock.now();
  const int64_t dayStart = end.localDay() * 1440;
  const int64_t fromMs = (dayStart + 7 * 60 - end.utcOffsetMinutes) * 60000;
  if (count <= 0 || end.unixMs <= fromMs)
    return core::invalidInput("A busy morning needs a clock after 07:00.");
  core::ManualClock at(core::Instant{fromMs, end.utcOffsetMinutes});
  auto site = Site::open(dataDir, at);
  if (!site.ok()) return site.error();
  Site& s = *site.value();
  auto admin = recoverySession(s, recoveryCode);
  if (!admin.ok()) return admin.error();
  const int slots = count + 40;  // some still to come, for the desk's list of who has not arrived
  if (auto r = importAppointments(s, morningCsv(dayStart, slots)); !r.ok()) return r.error();

  // Each doctor has a room of their own; the nurse the treatment room (the queue's).
  const char* rooms[] = {"Room 3", "Room 5", "Room 4"};
  for (size_t k = 0; k < 3; ++k)
    if (auto st = setClinicianRoom(s, *admin.value(), kClinicians[k], rooms[k]); !st.ok()) return st;
  const int64_t stepMs = (end.unixMs - fromMs) / count;
  int appointment = 0;
  std::array<std::optional<std::string>, kClinicians.size()> withClinician;
  for (int i = 0; i < count; ++i) {
    at.set(core::Instant{fromMs + i * stepMs, end.utcOffsetMinutes});
    NewCheckin c;
    if (i % 7 == 6 || i == count - 3 || i == count - 5) {
      // A walk-in: the urgent one near the end, and one who is also booked (a possible duplicate).
      const Person p = i == count - 5 ? personFor(appointment - 2) : personFor(500 + i);
      core::PatientDetails d;
      d.surname = p.surname;
      d.forenames = p.forenames;
      d.dateOfBirth = core::parseDateOfBirth(p.dob, core::civilFromDays(end.localDay())).value();
      d.sex = p.sex == "M" ? core::Sex::kMale : core::Sex::kFemale;
      c.queueId = s.info().walkInQueueId;
      c.walkIn = d;
      c.urgent = i == count - 3;
    } else {
      char id[16];
      std::snprintf(id, sizeof id, "B%03d", ++appointment);
      c.appointmentId = id;
      c.queueId = appointment % 4 == 0 ? "nurse" : "gp";
    }
    auto done = commitCheckin(s, c);
    if (auto st = asStatus(done); !st.ok()) return st;
    if (i == count / 3 || i == count / 2) {
      if (auto st = applyCheckinAction(s, *admin.value(), done->recordId, core::CheckinAction::kPark);
          !st.ok())
        return st;
    }
    if (i % 5 == 4) {
      // A clinician finishes with their patient and calls the next.
      const size_t k = static_cast<size_t>(i / 5) % kClinicians.size();
      if (withClinician[k]) {
        auto st = applyCheckinAction(s, *admin.value(), *withClinician[k],
                                     i == 24 ? core::CheckinAction::kNoShow : core::CheckinAction::kSeen);
        if (!st.ok()) return st;
      }
      const std::string queue = k == 3 ? "nurse" : "gp";
      auto called = callNext(s, *admin.value(), queue, std::string(kClinicians[k]));
      if (!called.ok()) return called.error();
      withClinician[k] = called.value();
    }
  }
  return core::okStatus();
}

}  // namespace longstop::service
