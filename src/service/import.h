// Loading the day's appointment list (CSV) into the site: all rows or none.
#pragma once

#include <string_view>

#include "core/result.h"
#include "service/site.h"

namespace longstop::service {

struct ImportReport {
  int rows = 0;       // rows in the file
  int added = 0;      // new appointments
  int unchanged = 0;  // already loaded with the same details (a repeated import adds nothing)
};

/// Parses and stores the file in one transaction. Any bad row aborts everything with "line N: reason".
core::Result<ImportReport> importAppointments(Site& site, std::string_view csvText);

/// The queue an appointment's `service` column goes to: a queue whose id or name starts with it
/// (ignoring case), otherwise the first queue.
std::string queueForService(const SiteInfo& info, std::string_view service);

}  // namespace longstop::service
