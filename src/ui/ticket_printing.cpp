#include "ui/ticket_printing.h"

#include <cstdio>

#include "core/date.h"
#include "ui/default_names.h"
#include "ui/i18n.h"

namespace longstop::ui {
namespace {

std::string dayText(core::Instant at) {
  const core::Date d = core::civilFromDays(at.localDay());
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

}  // namespace

TicketText ticketText(const service::Ticket& t, std::string_view practiceName, core::Instant at,
                      std::string_view language) {
  // tr() follows the patient's language; the caller is on the UI thread, where it is set.
  const std::string before = currentLanguage();
  setLanguage(language);
  TicketText out;
  out.language = currentLanguage();  // the one set: a language without a catalogue reads English
  out.practiceName = std::string(practiceName);
  out.ticketNumber = t.ticketNumber;
  out.queueAndRoom = shownName(t.queueName);
  if (!t.room.empty()) out.queueAndRoom += " - " + shownRoom(t.room);
  out.timeText = fill(tr("Checked in at {time} on {date}"),
                      {{"time", core::formatClockTime(at.localMinutes())}, {"date", dayText(at)}});
  out.pleaseWait = tr("Please wait until your number is called.");
  setLanguage(before);
  if (language != "en") out.pleaseWaitEnglish = trIn("en", "Please wait until your number is called.");
  out.qrText = t.qrText;
  return out;
}

}  // namespace longstop::ui
