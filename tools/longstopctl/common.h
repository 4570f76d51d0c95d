// Helpers shared by the longstopctl commands: opening the site named by --data, printing.
#pragma once

#include <memory>
#include <string>

#include "args.h"
#include "core/result.h"
#include "secret_input.h"
#include "service/site.h"
#include "service/staff.h"
#include "service/system_clock.h"

namespace longstop::ctl {

/// The real clock, for the whole process.
const core::Clock& clock();
/// Opens the site in --data (an error when --data is missing).
core::Result<std::unique_ptr<service::Site>> openSite(const Args& a);
/// An administrator's session for a command that changes what only an administrator may: reads the
/// recovery code (one line of standard input in a script, asked for without echo at a terminal).
core::Result<std::unique_ptr<service::StaffSession>> adminSession(service::Site& site, SecretInput& in);
/// Reads a whole file; an error names the file.
core::Result<std::string> readFile(const std::string& path);

}  // namespace longstop::ctl
