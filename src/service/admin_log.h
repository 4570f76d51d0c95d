// The log's record of what administrators did, as `verify`, export and a key renewal read it: every
// event of a kind that needs the admin key's signature (site-created, admin-key-created, recipient-set,
// config-set, staff-added, staff-revoked) in order, each checked against the admin key in force at that
// point (and peer-added, a device added to the site's roster, and ticket-block-set) (named by the first
// event, or by the admin-key-created event of a site from before admin keys, and renewed by each signed
// staff-revoked event). Events from before a site had an admin key are accepted as they are.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace longstop::service {

struct AdminEvent {
  int64_t seq = 0;
  std::string kind;
  std::string data;
  bool beforeAdminKey = false;  // written before the site had an admin key: nothing to check
  bool valid = false;           // signed by the admin key in force (or beforeAdminKey)
};

/// What a valid staff-added event says about a card.
struct StaffGrant {
  std::string role;       // "reception" | "admin"
  std::string publicKey;  // the credential's public key it was made with (raw bytes)
};

struct AdminLog {
  std::string adminPublicKey;    // in force after the last event; empty on a site without one yet
  std::string recordsPublicKey;  // what new personal data is sealed to, as the log last named it
  std::string
      matchCommit;  // the newest signed commitment to a matching key (match_key.h); empty: never renewed
  int64_t matchGeneration = 1;  // 1 + the signed renewals of the matching key
  std::vector<AdminEvent> events;
  std::vector<std::string> problems;  // sentences for a person
  /// The newest event of that kind, if any.
  const AdminEvent* newest(std::string_view kind) const;
  /// The newest staff-added event for the card, if any: from before the admin key it names nothing
  /// (empty role, *valid false); otherwise its role and key, with *valid saying whether it is signed.
  std::optional<StaffGrant> grantFor(std::string_view staffId, bool* valid) const;
};

/// Reads and checks every admin event; the problems include a meta admin_pk, records_pk or match_gen
/// that is not the one the log arrives at.
core::Result<AdminLog> readAdminLog(store::Database& db);

}  // namespace longstop::service
