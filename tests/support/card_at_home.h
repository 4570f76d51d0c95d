// What a staff card gives whoever holds it and its PIN, unwrapped at home from a copy of the data
// directory, as a thief would: the card's sealed key bundle, opened.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <utility>

#include "service/key_bundle.h"
#include "service/staff.h"
#include "support/legacy_layout.h"

namespace longstop::test {

inline service::SiteSecrets bundleFromCopy(const std::filesystem::path& dataDir, const service::NewCard& card,
                                           const std::string& pin) {
  auto db = store::Database::open(service::Site::databasePath(dataDir), {.readOnly = true});
  REQUIRE(db.ok());
  auto kek = credentialKek(**db, card.staffId, "staff1|" + card.secret + "|" + pin);
  auto row = store::getCredential(**db, card.staffId).value();
  REQUIRE(row);
  auto own = service::openCredentialSecret(*row, kek);
  REQUIRE(own);
  auto keys = service::openBundle(*row, *own);
  REQUIRE(keys);
  return std::move(*keys);
}

}  // namespace longstop::test
