#include "service/kiosk.h"

#include <algorithm>

#include "core/date.h"
#include "core/payload.h"
#include "service/checkin.h"
#include "store/appointments.h"
#include "store/checkins.h"

namespace longstop::service {
namespace {

// Minutes a patient can expect: (ahead + 1) times the median gap between the queue's recent calls.
// Fewer than three calls so far: not yet known.
std::optional<int> estimateWait(store::Database& db, const std::string& queueId, int64_t localDay,
                                int ahead) {
  auto calls = store::recentCallTimesMs(db, queueId, localDay, 7);
  if (!calls.ok() || calls->size() < 3) return std::nullopt;
  std::vector<int64_t> gaps;
  for (size_t i = 1; i < calls->size(); ++i) gaps.push_back((*calls)[i - 1] - (*calls)[i]);
  std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
  const int64_t median = gaps[gaps.size() / 2];
  return static_cast<int>((median * (ahead + 1) + 59999) / 60000);
}

}  // namespace

// How far around today the list is searched for a match on another day: a list loaded for the wrong
// day (yesterday's, or next week's) is found, not taken for "no appointment".
constexpr int64_t kOtherDaysMinutes = 14 * 1440;

core::Result<MatchAnswer> Kiosk::matchAmong(std::string_view key, bool sexGiven, bool byNhs) {
  const SiteInfo& info = site_->info();
  const int64_t now = site_->clock().now().localMinutes();
  auto rows = store::appointmentsBetween(site_->db(), now - kOtherDaysMinutes, now + kOtherDaysMinutes);
  if (!rows.ok()) return rows.error();
  std::vector<core::MatchCandidate> candidates;
  for (const auto& a : rows.value()) {
    if (byNhs && !a.keyNhs) continue;
    const std::string& full = byNhs ? *a.keyNhs : a.keyFull;
    if ((sexGiven ? full : a.keyNoSex) != key) continue;  // only a match needs its check-in looked up
    auto existing = store::checkinForAppointment(site_->db(), a.id);
    if (!existing.ok()) return existing.error();
    const bool checkedIn = existing.value() && existing.value()->state != core::CheckinState::kCancelled;
    candidates.push_back({a.id, a.startLocal, full, a.keyNoSex, checkedIn});
  }
  const core::MatchResult m = core::matchAppointment(candidates, key, sexGiven, now, info.matchWindow);
  MatchAnswer answer{m.outcome, std::nullopt, {}};
  if (!m.appointmentId.empty() && m.outcome != core::MatchOutcome::kOtherDay) {
    auto view = viewOf(m.appointmentId);
    if (!view.ok()) return view.error();
    answer.appointment = view.value();
    if (m.outcome == core::MatchOutcome::kTooEarly) {
      for (const auto& c : candidates)
        if (c.appointmentId == m.appointmentId)
          answer.checkInFrom = core::formatClockTime(c.startLocalMinutes - info.matchWindow.minutesBefore);
    }
  }
  return answer;
}

core::Result<AppointmentView> Kiosk::viewOf(const std::string& appointmentId) {
  auto a = store::getAppointment(site_->db(), appointmentId);
  if (!a.ok()) return a.error();
  if (!a.value()) return core::notFound("There is no appointment " + appointmentId + ".");
  const core::QueueDef* q = site_->info().queue(a.value()->queueId);
  return AppointmentView{appointmentId, core::formatClockTime(a.value()->startLocal), a.value()->clinician,
                         q ? q->name : a.value()->service};
}

core::Result<MatchAnswer> Kiosk::findAppointment(const DetailsQuery& q) {
  site_->followRenewedKeys();  // a revocation elsewhere a moment ago: match under the new key
  if (auto s = site_->requireUnlocked(); !s.ok()) return s.error();
  const bool sexGiven = q.sex.has_value();
  const std::string text = sexGiven ? core::matchKeyText(q.dateOfBirth, q.surnameInitial, *q.sex)
                                    : core::matchKeyTextNoSex(q.dateOfBirth, q.surnameInitial);
  return matchAmong(site_->matchHash(text), sexGiven, false);
}

core::Result<MatchAnswer> Kiosk::findAppointmentByNhsNumber(const core::NhsNumber& n) {
  site_->followRenewedKeys();
  if (auto s = site_->requireUnlocked(); !s.ok()) return s.error();
  return matchAmong(site_->matchHash("nhs1|" + n.digits), true, true);
}

core::Result<Ticket> Kiosk::checkInAppointment(const std::string& appointmentId, bool urgent) {
  auto a = store::getAppointment(site_->db(), appointmentId);
  if (!a.ok()) return a.error();
  if (!a.value()) return core::notFound("There is no appointment " + appointmentId + " in today's list.");
  auto c = commitCheckin(*site_, {a.value()->queueId, appointmentId, std::nullopt, urgent, ""});
  if (!c.ok()) return c.error();
  return ticketFor(c->recordId);
}

core::Result<Ticket> Kiosk::checkInWalkIn(const WalkInRequest& req, bool urgent) {
  const std::string queue = req.queueId.empty() ? site_->info().walkInQueueId : req.queueId;
  auto c = commitCheckin(*site_, {queue, std::nullopt, req.patient, urgent, ""});
  if (!c.ok()) return c.error();
  return ticketFor(c->recordId);
}

core::Result<Ticket> Kiosk::ticketFor(const std::string& recordId) {
  auto row = store::getCheckin(site_->db(), recordId);
  if (!row.ok()) return row.error();
  if (!row.value()) return core::notFound("There is no check-in " + recordId + ".");
  const store::CheckinRow& c = *row.value();
  if (auto s = site_->requireUnlocked(); !s.ok()) return s.error();
  const core::QueueDef* q = site_->info().queue(c.queueId);
  auto ahead = store::countAhead(site_->db(), c.queueId, c.priority, c.seq, c.localDay);
  if (!ahead.ok()) return ahead.error();
  Ticket t;
  t.recordId = c.recordId;
  t.ticketNumber = c.ticket;
  t.queueId = c.queueId;
  t.queueName = q ? q->name : c.queueId;
  t.room = q ? q->room : "";
  t.priority = c.priority;
  t.ahead = static_cast<int>(ahead.value());
  t.estimatedWaitMinutes = estimateWait(site_->db(), c.queueId, c.localDay, t.ahead);
  t.qrText = core::formatCode(core::TicketCode{c.recordId, site_->ticketMac(c.recordId)});
  return t;
}

core::Result<std::unique_ptr<Kiosk>> openKiosk(const std::filesystem::path& dataDir,
                                               const core::Clock& clock) {
  auto site = Site::open(dataDir, clock);
  if (!site.ok()) return site.error();
  return std::make_unique<Kiosk>(std::move(site.value()));
}

}  // namespace longstop::service
