// import-appointments, checkin, checkins.
#include <cstdio>

#include "commands.h"
#include "common.h"
#include "core/date.h"
#include "secret_input.h"
#include "service/admin.h"
#include "service/import.h"
#include "service/kiosk.h"

namespace longstop::ctl {
namespace {

core::Result<service::WalkInRequest> walkInFrom(const Args& a, core::Date today) {
  auto surname = a.get("surname");
  auto forenames = a.get("forenames");
  auto dob = a.get("dob");
  auto sex = a.get("sex");
  if (!surname || !forenames || !dob || !sex)
    return core::invalidInput("A walk-in needs --surname, --forenames, --dob and --sex.");
  service::WalkInRequest req;
  req.patient.surname = *surname;
  req.patient.forenames = *forenames;
  auto d = core::parseDateOfBirth(*dob, today);
  if (!d.ok()) return d.error();
  req.patient.dateOfBirth = d.value();
  auto s = core::parseSex(*sex);
  if (!s.ok()) return s.error();
  req.patient.sex = s.value();
  if (auto nhs = a.get("nhs")) {
    auto n = core::parseNhsNumber(*nhs);
    if (!n.ok()) return n.error();
    req.patient.nhsNumber = n.value();
  }
  req.queueId = a.get("queue").value_or("");
  return req;
}

void printTicket(const service::Ticket& t, bool json) {
  if (json) {
    store::JsonObject o;
    o.add("ticket", t.ticketNumber)
        .add("record_id", t.recordId)
        .add("queue", t.queueId)
        .add("ahead", t.ahead);
    o.add("priority", core::toString(t.priority)).add("qr", t.qrText);
    std::printf("%s\n", o.str().c_str());
  } else {
    std::printf("Ticket %s (record %s) in %s, %d ahead.\n", t.ticketNumber.c_str(), t.recordId.c_str(),
                t.queueName.c_str(), t.ahead);
  }
  // The check-in is committed: the caller hears so now, not after the database is closed at exit (a
  // caller killed in between would retry, and a retried walk-in is a duplicate).
  std::fflush(stdout);
}

}  // namespace

int cmdImportAppointments(const Args& a) {
  if (a.words.size() != 2) return usage("import-appointments needs --data DIR and one FILE.");
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  auto text = readFile(a.words[1]);
  if (!text.ok()) return fail(text.error());
  auto r = service::importAppointments(**site, text.value());
  if (!r.ok()) {
    std::fprintf(stderr, "longstopctl: %s: %s Nothing was imported.\n", a.words[1].c_str(),
                 r.error().message.c_str());
    return exitCodeFor(r.error());
  }
  std::printf("Imported %d appointments from %d rows (%d were already loaded).\n", r->added, r->rows,
              r->unchanged);
  return kExitOk;
}

int cmdCheckin(const Args& a) {
  auto dir = a.get("data");
  if (!dir) return usage("checkin needs --data DIR.");
  auto kiosk = service::openKiosk(*dir, clock());
  if (!kiosk.ok()) return fail(kiosk.error());
  core::Result<service::Ticket> ticket = core::internalError("unreachable");
  if (a.has("walk-in")) {
    auto req = walkInFrom(a, core::civilFromDays(clock().now().localDay()));
    if (!req.ok()) return fail(req.error());
    ticket = (*kiosk)->checkInWalkIn(req.value(), a.has("urgent"));
  } else if (auto id = a.get("appointment")) {
    ticket = (*kiosk)->checkInAppointment(*id, a.has("urgent"));
  } else {
    return usage("checkin needs --appointment ID, or --walk-in with the patient's details.");
  }
  if (!ticket.ok()) return fail(ticket.error());
  printTicket(ticket.value(), a.has("json"));
  return kExitOk;
}

int cmdCheckins(const Args& a) {
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  auto code = SecretInput::standard().read("recovery code");
  if (!code.ok()) return fail(code.error());
  auto secrets = (*site)->unlockWithRecoveryCode(*code);
  if (!secrets.ok()) return fail(secrets.error());
  auto list = service::openedCheckinsToday(**site, secrets.value());
  if (!list.ok()) return fail(list.error());
  const bool json = a.has("json");
  if (json) std::printf("[");
  bool first = true;
  int damaged = 0;
  for (const auto& c : list.value()) {
    if (!c.damaged.empty()) {
      ++damaged;
      std::fprintf(stderr, "longstopctl: check-in %s (%s): its sealed details could not be opened: %s\n",
                   c.row.recordId.c_str(), c.row.ticket.c_str(), c.damaged.c_str());
    }
    const auto& p = c.patient;
    if (json) {
      store::JsonObject o;
      o.add("record_id", c.row.recordId).add("ticket", c.row.ticket).add("queue", c.row.queueId);
      o.add("state", core::toString(c.row.state))
          .add("priority", core::toString(c.row.priority))
          .add("appointment", c.row.appointmentId.value_or(""));
      o.add("surname", p ? p->surname : "").add("forenames", p ? p->forenames : "");
      o.add("date_of_birth", p ? p->dateOfBirth.iso() : "");
      o.add("nhs_number", p && p->nhsNumber ? p->nhsNumber->formatted() : "");
      o.addBool("damaged", !c.damaged.empty());
      std::printf("%s%s", first ? "" : ",", o.str().c_str());
    } else {
      std::printf("%-6s %-12s %-8s %-7s %s, %s  %s  %s\n", c.row.ticket.c_str(), c.row.recordId.c_str(),
                  std::string(core::toString(c.row.state)).c_str(),
                  std::string(core::toString(c.row.priority)).c_str(),
                  p ? p->surname.c_str() : (c.damaged.empty() ? "(removed)" : "(damaged)"),
                  p ? p->forenames.c_str() : "", p ? p->dateOfBirth.iso().c_str() : "",
                  p && p->nhsNumber ? p->nhsNumber->formatted().c_str() : "");
    }
    first = false;
  }
  if (json) std::printf("]\n");
  if (damaged > 0) {
    std::fprintf(stderr, "longstopctl: %d of %zu check-ins could not be opened; the rest are listed.\n",
                 damaged, list.value().size());
    return kExitCheckFailed;
  }
  return kExitOk;
}

}  // namespace longstop::ctl
