// The site's roster as this device holds it: the peers whose events it accepts, each added by an
// administrator (a `peer-added` event carrying the admin key's signature), and the check `verify` makes
// that no peer was planted in the table behind the log's back. A device that joined with a code
// (service/site_join.h) is vouched for by the admin-signed invitation it used instead. Roster events
// made on other devices replicate and change this roster too (followRoster), when admin-signed.
#pragma once

#include <string>

#include <vector>
#include "core/ticket_block.h"

#include "core/result.h"
#include "service/site.h"
#include "service/staff.h"
#include "store/database.h"
#include "store/site_log.h"

namespace longstop::service {

/// Adds a peer (its device ID, Ed25519 public key, server address and role) to this device's roster;
/// needs an administrator's session (kUnauthorised otherwise). kConflict for a device already there or
/// this device itself.
core::Status addPeer(Site& site, const StaffSession& admin, const store::PeerRow& peer);

/// Removes a peer from this device's roster (a lost, stolen or retired device): an admin-signed
/// `peer-removed` event. Its events held so far stay; everything it writes after is refused by this
/// device's puller and counted in site status. kNotFound for a device not in the roster, kConflict for
/// one already removed, kUnauthorised without an administrator's session.
core::Status removePeer(Site& site, const StaffSession& admin, const std::string& deviceId);

/// Gives this device ticket slot `slot` of `stride` (core/ticket_block.h) from the next local day, so
/// that no number given today is given again; needs an administrator's session. Each device that checks
/// patients in needs its own slot of the same stride.
core::Status setTicketBlock(Site& site, const StaffSession& admin, int slot, int stride);

/// Applies the roster changes held in peers' events (run after each batch of them is stored, beside
/// followFold): a device added by an admin-signed `peer-added`, or let in by a `peer-joined` under
/// its origin's admin-signed invitation, joins this roster; one removed by an admin-signed
/// `peer-removed` is marked removed here too. A roster event without the site admin key's signature
/// changes nothing and is recorded once in site_refusals. Returns how many rows changed.
core::Result<int> followRoster(store::Database& db);

/// One sentence per peer row that no valid `peer-added` event names with that key, and per problem in
/// the stored chains of peers' events (store::verifyPeerEvents).
core::Result<std::vector<std::string>> checkRoster(store::Database& db);

}  // namespace longstop::service
