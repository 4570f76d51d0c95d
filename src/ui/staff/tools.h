// The console's tools: search (ticket, surname, NHS number), add a patient at the desk (appointment
// ID, or the walk-in questions) and the end-of-day summary.
#pragma once

#include <string>
#include <vector>

#include "service/staff_services.h"
#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

StaffIntent drawSearch(const std::string& text, const std::vector<service::ConsoleEntry>& results);
StaffIntent drawAdd(const std::string& appointmentId, const std::string& message);
StaffIntent drawSummary(const service::DaySummaryView& s, const std::string& siteName);

}  // namespace longstop::ui::staff
