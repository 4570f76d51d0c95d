// The console's tools: search (ticket, surname, NHS number), add a patient at the desk (today's
// appointments not yet arrived, or the walk-in questions), a clinician's room, and the day summary.
#pragma once

#include <string>
#include <vector>

#include "service/staff_services.h"
#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

StaffIntent drawSearch(const std::string& text, const std::vector<service::ConsoleEntry>& results);
StaffIntent drawAdd(const std::string& appointmentId, const std::vector<service::DueAppointment>& due,
                    const std::string& message);
/// The rooms offered for `clinician`: every queue's room and every room in use today, then Room 1–9.
std::vector<std::string> roomChoices(const std::vector<core::QueueDef>& queues,
                                     const std::vector<service::CallPoint>& points);
/// Which room `clinician` is in; with `clinician` empty, first which of the queue's clinicians.
StaffIntent drawRoomPick(const std::string& clinician, const std::string& queueId,
                         const std::vector<service::CallPoint>& points,
                         const std::vector<std::string>& rooms);
StaffIntent drawSummary(const service::DaySummaryView& s, const std::string& siteName);

}  // namespace longstop::ui::staff
