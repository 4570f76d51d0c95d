// A failing card sector under one check-in: one bit of its sealed details flipped in the real database.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "store/database.h"

namespace longstop::test {

inline void flipSealedBit(store::Database& db, const std::string& recordId) {
  auto st = db.prepare("SELECT sealed FROM checkins WHERE record_id = ?");
  REQUIRE(st.ok());
  st->bind(1, std::string_view(recordId));
  REQUIRE(st->step().value());
  std::string sealed = st->columnBlob(0);
  st->reset();
  sealed[sealed.size() / 2] ^= 0x04;
  auto up = db.prepare("UPDATE checkins SET sealed = ? WHERE record_id = ?");
  REQUIRE(up.ok());
  up->bindBlob(1, sealed).bind(2, std::string_view(recordId));
  REQUIRE(up->run().ok());
}

}  // namespace longstop::test
