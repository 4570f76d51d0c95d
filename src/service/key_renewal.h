// Renewing the site's keys when a card is revoked, so that what its holder still knows (the card, the
// PIN, an old copy of the database) opens nothing written afterwards. A new records key pair (what new
// personal data is sealed to), a new admin key and a new matching key (every keyed hash the database
// can recompute is rehashed under it, match_key.h) are made and sealed, with every older records and
// matching key, to each remaining credential's public key: no one's PIN is needed. Not renewed: the
// device's signing key (receiving PCs pin it) and the ticket key (see docs/decisions.md).
#pragma once

#include <string_view>

#include "core/result.h"
#include "service/match_key.h"
#include "service/site.h"

namespace longstop::service {

struct RenewedKeys {
  SiteSecrets secrets;  // the administrator's, renewed
  int renewed = 0;
  int notRenewed = 0;  // credentials unused since before schema 5, or whose public key no admin signed
  Rehash rehash;
};

/// Call inside a transaction, after the revoked card's credential is gone, with an administrator's
/// secrets. Writes the 'staff-revoked' event (signed by the admin key in force until now, naming the
/// new public keys) and the new keys in meta; the caller reloads the site's settings after commit.
core::Result<RenewedKeys> renewSiteKeys(Site& site, const SiteSecrets& admin, std::string_view revokedStaffId,
                                        std::string_view byStaffId);

}  // namespace longstop::service
