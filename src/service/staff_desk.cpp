#include "service/staff_desk.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/date.h"
#include "crypto/primitives.h"
#include "service/call_points.h"
#include "service/queue_actions.h"
#include "service/queue_view.h"
#include "service/scan_actions.h"
#include "service/settings.h"
#include "service/site_queue.h"
#include "service/site_state.h"
#include "store/appointments.h"
#include "store/checkins.h"

namespace longstop::service {
namespace {

std::string queueName(const SiteInfo& info, const std::string& id) {
  for (const auto& q : info.queues)
    if (q.id == id) return q.name;
  return id;
}

ConsoleEntry toConsole(const SiteInfo& info, QueueEntry&& e) {
  ConsoleEntry c;
  c.recordId = e.row.recordId;
  c.ticket = e.row.ticket;
  c.queueId = e.row.queueId;
  c.queueName = queueName(info, e.row.queueId);
  c.state = e.row.state;
  c.urgent = e.row.priority == core::Priority::kUrgent;
  c.patient = std::move(e.patient);
  c.appointmentTime = std::move(e.appointmentTime);
  c.clinician = std::move(e.clinician);
  c.lateMinutes = e.lateMinutes;
  c.calledBy = std::move(e.calledBy);
  c.calledRoom = std::move(e.calledRoom);
  c.waitedMinutes = e.waitedMinutes;
  c.possibleDuplicate = e.possibleDuplicate;
  if (e.possibleDuplicate && e.row.dupKey) c.duplicateGroup = *e.row.dupKey;
  c.alertPending = e.alertPending;
  c.damaged = e.damaged;
  c.detailsOn = std::move(e.detailsOn);
  return c;
}

}  // namespace

StaffDesk::StaffDesk(Kiosk& kiosk, std::filesystem::path listFolder)
    : kiosk_(kiosk), listFolder_(std::move(listFolder)) {}

StaffDesk::~StaffDesk() {
  if (workGate_) workGate_->openForGood();  // a parked job must finish for worker_ to be joined
  signOut("sign-out");
}

core::Status StaffDesk::needSession() const {
  if (!session_) return core::unauthorised("Please sign in first.");
  return core::okStatus();
}

SignInStatus StaffDesk::signIn(const std::string& cardText, const std::string& pin) {
  Site& site = kiosk_.siteData();
  if (session_) signOut("sign-out");
  auto s = service::signIn(site, cardText, pin);
  if (!s.ok()) return s.error();
  session_ = std::move(s.value());
  lastTouchMs_ = site.clock().now().unixMs;
  idleTimeoutMs_ = 180'000;
  if (auto v = getSetting(site, "staff.idle_timeout_s"); v.ok()) {
    long seconds = std::strtol(v->c_str(), nullptr, 10);
    if (seconds >= 10) idleTimeoutMs_ = seconds * 1000;
  }
  return core::Ok{};
}

void StaffDesk::signOut(std::string_view reason) {
  worker_.forget();  // export work under way finishes, but its result is for nobody now
  if (!session_) return;
  const std::string who = session_->who().id;
  if (auto s = service::signOut(kiosk_.siteData(), session_, reason); !s.ok())
    // Signed out all the same; the journal keeps what the log could not.
    std::fprintf(stderr, "longstop: the sign-out of staff %s (%.*s) could not be recorded: %s\n", who.c_str(),
                 static_cast<int>(reason.size()), reason.data(), s.error().message.c_str());
}

std::optional<StaffIdentity> StaffDesk::session() const {
  if (!session_) return std::nullopt;
  // The role its row names: an admin card from before admin keys still reaches the admin screen, where
  // the service tells it why it cannot change anything.
  return StaffIdentity{session_->who().id, session_->who().name, session_->who().role == StaffRole::kAdmin};
}

void StaffDesk::touch() {
  if (!session_) return;
  lastTouchMs_ = kiosk_.siteData().clock().now().unixMs;
  session_->touch(lastTouchMs_);
}

bool StaffDesk::signOutIfIdle() {
  if (!session_ || !session_->idleFor(kiosk_.siteData().clock().now().unixMs, idleTimeoutMs_)) return false;
  signOut("idle");
  return true;
}

int64_t StaffDesk::msUntilIdleSignOut() const {
  if (!session_) return 0;
  const int64_t now = kiosk_.siteData().clock().now().unixMs;
  return std::max<int64_t>(0, lastTouchMs_ + idleTimeoutMs_ - now);
}

core::Result<std::vector<ConsoleEntry>> StaffDesk::todaysEntries() {
  if (auto s = needSession(); !s.ok()) return s.error();
  auto entries = service::todaysEntries(kiosk_.siteData(), *session_);
  if (!entries.ok()) return entries.error();
  std::vector<ConsoleEntry> out;
  out.reserve(entries->size());
  for (auto& e : entries.value()) out.push_back(toConsole(site(), std::move(e)));
  return out;
}

core::Result<std::vector<ConsoleEntry>> StaffDesk::search(const std::string& text) {
  if (auto s = needSession(); !s.ok()) return s.error();
  auto entries = service::todaysEntries(kiosk_.siteData(), *session_);
  if (!entries.ok()) return entries.error();
  std::vector<ConsoleEntry> out;
  for (auto& e : searchEntries(entries.value(), text)) out.push_back(toConsole(site(), std::move(e)));
  return out;
}

core::Status StaffDesk::act(const std::string& recordId, core::CheckinAction action, const ActionRequest& r) {
  if (auto s = needSession(); !s.ok()) return s;
  // Another device's check-in is moved through the site's fold, as this device's event.
  if (isPeerRecord(kiosk_.siteData(), recordId))
    return siteAction(kiosk_.siteData(), *session_, recordId, action, r.room);
  return applyCheckinAction(kiosk_.siteData(), *session_, recordId, action,
                            {r.room, r.targetQueue, r.reason, ""});
}

core::Result<std::optional<std::string>> StaffDesk::callNext(const std::string& queueId,
                                                             const std::optional<std::string>& clinician) {
  if (auto s = needSession(); !s.ok()) return s.error();
  if (holdsPeerEvents(kiosk_.siteData()))
    return siteCallNext(kiosk_.siteData(), *session_, queueId, clinician);
  return service::callNext(kiosk_.siteData(), *session_, queueId, clinician);
}

core::Result<std::vector<CallPoint>> StaffDesk::callPoints() {
  if (auto s = needSession(); !s.ok()) return s.error();
  auto rows = service::callPoints(kiosk_.siteData());
  if (!rows.ok()) return rows.error();
  std::vector<CallPoint> out;
  for (auto& r : rows.value()) out.push_back({r.queueId, r.clinician, r.room, r.waiting});
  if (!holdsPeerEvents(kiosk_.siteData())) return out;
  // Other devices' patients waiting here have no clinician on this device: they are counted, and
  // called (siteCallNext), by their queue's row for those without one.
  auto peers = peerEntries(kiosk_.siteData(), *session_);
  if (!peers.ok()) return peers.error();
  const auto& queues = kiosk_.siteData().info().queues;
  const auto queueIndex = [&](const std::string& id) {
    return std::find_if(queues.begin(), queues.end(), [&](const core::QueueDef& q) { return q.id == id; }) -
           queues.begin();
  };
  for (const auto& e : peers.value()) {
    if (e.row.state != core::CheckinState::kWaiting) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const CallPoint& p) {
      return p.queueId == e.row.queueId && p.clinician.empty();
    });
    if (it == out.end()) {
      const core::QueueDef* q = kiosk_.siteData().info().queue(e.row.queueId);
      if (!q) continue;
      // In the site's order: after the queue's clinicians, before the next queue's rows.
      auto at = std::find_if(out.begin(), out.end(), [&](const CallPoint& p) {
        return queueIndex(p.queueId) > queueIndex(e.row.queueId);
      });
      it = out.insert(at, {q->id, "", q->room, 0});
    }
    ++it->waiting;
  }
  return out;
}

core::Status StaffDesk::setRoom(const std::string& clinician, const std::string& room) {
  if (auto s = needSession(); !s.ok()) return s;
  return setClinicianRoom(kiosk_.siteData(), *session_, clinician, room);
}

core::Result<std::vector<DueAppointment>> StaffDesk::appointmentsDue() {
  if (auto s = needSession(); !s.ok()) return s.error();
  auto rows = service::appointmentsDue(kiosk_.siteData(), *session_);
  if (!rows.ok()) return rows.error();
  std::vector<DueAppointment> out;
  for (auto& r : rows.value())
    out.push_back(
        {r.id, core::formatClockTime(r.startLocal), r.clinician, queueName(site(), r.queueId), r.initial});
  return out;
}

core::Result<std::vector<std::string>> StaffDesk::pendingAlerts() {
  if (auto s = needSession(); !s.ok()) return s.error();
  return service::pendingAlerts(kiosk_.siteData());
}

core::Status StaffDesk::acknowledgeAlert(const std::string& recordId) {
  if (auto s = needSession(); !s.ok()) return s;
  if (isPeerRecord(kiosk_.siteData(), recordId))
    return acknowledgePeerAlert(kiosk_.siteData(), *session_, recordId);
  return service::acknowledgeAlert(kiosk_.siteData(), *session_, recordId);
}

core::Status StaffDesk::merge(const std::string& keepId, const std::string& duplicateId) {
  if (auto s = needSession(); !s.ok()) return s;
  return mergeCheckins(kiosk_.siteData(), *session_, keepId, duplicateId);
}

core::Status StaffDesk::editDetails(const std::string& recordId, const core::PatientDetails& details) {
  if (auto s = needSession(); !s.ok()) return s;
  return service::editDetails(kiosk_.siteData(), *session_, recordId, details);
}

core::Result<std::string> StaffDesk::addAtDesk(const std::optional<std::string>& appointmentId,
                                               const std::optional<WalkInRequest>& walkIn, bool urgent) {
  if (auto s = needSession(); !s.ok()) return s.error();
  return service::addAtDesk(kiosk_.siteData(), *session_, appointmentId, walkIn, urgent);
}

core::Result<std::filesystem::path> StaffDesk::saveList() {
  if (auto s = needSession(); !s.ok()) return s.error();
  std::filesystem::path folder = listFolder_;
  if (folder.empty()) {
    // Only a stick that is really mounted: the list holds names, and a writable folder under /media
    // with nothing mounted on it would be the kiosk's own disk.
    const auto media = removableMedia();
    if (media.empty()) return core::notFound("No USB stick found. Plug one in and try again.");
    folder = media.front();
  }
  return exportCurrentList(kiosk_.siteData(), *session_, folder);
}

core::Result<DaySummaryView> StaffDesk::daySummary() {
  if (auto s = needSession(); !s.ok()) return s.error();
  auto d = service::daySummary(kiosk_.siteData());
  if (!d.ok()) return d.error();
  DaySummaryView v;
  for (const auto& [queue, states] : d->countsByQueueAndState)
    v.countsByQueueAndState[queueName(site(), queue)] = states;
  v.medianWaitMinutes = d->medianWaitMinutes;
  v.urgentFlags = d->urgentFlags;
  v.total = d->total;
  return v;
}

ScannedCode StaffDesk::classify(std::string_view text) {
  ScanOutcome o = classifyScan(kiosk_.siteData(), text);
  ScannedCode c;
  c.valid = o.validity == ScanValidity::kValid;
  c.message = o.message;
  switch (o.kind) {
    case core::PayloadKind::kTicket:
      c.kind = ScannedKind::kTicket;
      break;
    case core::PayloadKind::kAppointment:
      c.kind = ScannedKind::kAppointment;
      break;
    case core::PayloadKind::kStaffCard:
      c.kind = ScannedKind::kStaffCard;
      break;
    case core::PayloadKind::kNhsNumber:
      c.kind = ScannedKind::kNhsNumber;
      break;
    default:
      c.kind = ScannedKind::kUnrecognised;
      break;
  }
  return c;
}

core::Result<Ticket> StaffDesk::ticketForCode(std::string_view text) {
  ScanOutcome o = classifyScan(kiosk_.siteData(), text);
  if (o.kind != core::PayloadKind::kTicket || o.validity != ScanValidity::kValid || !o.payload)
    return core::invalidInput(o.message);
  return kiosk_.ticketFor(std::get<core::TicketCode>(o.payload->fields).recordId);
}

core::Result<MatchAnswer> StaffDesk::appointmentForCode(std::string_view text) {
  ScanOutcome o = classifyScan(kiosk_.siteData(), text);
  if (o.kind != core::PayloadKind::kAppointment || o.validity != ScanValidity::kValid || !o.payload)
    return core::invalidInput(o.message);
  const std::string& id = std::get<core::AppointmentCode>(o.payload->fields).appointmentId;
  Site& site = kiosk_.siteData();
  auto a = store::getAppointment(site.db(), id);
  if (!a.ok()) return a.error();
  MatchAnswer answer;
  if (!a.value()) return answer;  // not in the list at all
  if (core::Instant::floorDiv(a.value()->startLocal, 1440) != site.clock().now().localDay()) {
    answer.outcome = core::MatchOutcome::kOtherDay;  // a letter for another day, or yesterday's list
    return answer;
  }
  auto existing = store::checkinForAppointment(site.db(), id);
  if (!existing.ok()) return existing.error();
  const bool checkedIn = existing.value() && existing.value()->state != core::CheckinState::kCancelled;
  answer.outcome = checkedIn ? core::MatchOutcome::kAlreadyCheckedIn : core::MatchOutcome::kOne;
  answer.appointment = AppointmentView{id, core::formatClockTime(a.value()->startLocal), a.value()->clinician,
                                       queueName(site.info(), a.value()->queueId)};
  return answer;
}

core::Result<DemoCard> addDemoCard(const std::filesystem::path& dataDir, const core::Clock& clock,
                                   const std::string& recoveryCode) {
  auto site = Site::open(dataDir, clock);
  if (!site.ok()) return site.error();
  auto admin = recoverySession(*site.value(), recoveryCode);
  if (!admin.ok()) return admin.error();
  std::string random = crypto::randomBytes(kMinPinLength);
  std::string pin;
  for (size_t i = 0; i < random.size(); ++i) {
    auto b = static_cast<unsigned char>(random[i]);
    pin += static_cast<char>(i == 0 ? '1' + b % 9 : '0' + b % 10);
  }
  auto card = addStaff(*site.value(), *admin.value(), "Demo Reception", StaffRole::kReception, pin);
  if (!card.ok()) return card.error();
  return DemoCard{card->cardText, pin};
}

}  // namespace longstop::service
