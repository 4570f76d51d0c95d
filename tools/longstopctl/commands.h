// The longstopctl commands; each returns the process exit status and prints its own output.
#pragma once

#include "args.h"

namespace longstop::ctl {

int cmdInit(const Args& a);
int cmdImportAppointments(const Args& a);
int cmdCheckin(const Args& a);
int cmdCheckins(const Args& a);
int cmdStatus(const Args& a);
int cmdVerify(const Args& a);
int cmdUnlock(const Args& a);
int cmdLock(const Args& a);
int cmdStaff(const Args& a);
int cmdConfig(const Args& a);
int cmdAppointmentCodes(const Args& a);

/// One clear sentence to stderr; returns the exit status for it.
int fail(const core::Error& e);
int usage(const std::string& message);

}  // namespace longstop::ctl
