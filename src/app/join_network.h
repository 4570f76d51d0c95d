// The real network a device joining a site uses (service::JoinNetwork): the join request over NATS
// to the inviter's own server, and this machine's IPv4 address toward it (the address the wizard
// offers the new device to listen on).
#pragma once

#include <string>

#include "service/site_join.h"

namespace longstop::app {

/// Connects for a second and a half at most and waits eight seconds for the inviter's answer.
service::JoinNetwork realJoinNetwork();

/// The local IPv4 address the kernel would send from to reach `host` (no packet is sent), or "".
std::string ownAddressToward(const std::string& host, int port);

}  // namespace longstop::app
