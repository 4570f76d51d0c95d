// A thief (or a careless hand) with the card puts an older copy of the database back and edits the
// high-water mark to match it, signs a mark with a key of their own, swaps in another device's mark,
// or deletes the mark: each is refused in words and none hides the loss. The mark gives away nothing
// about a patient.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "service/high_water.h"
#include "service/kiosk.h"
#include "service/site_check.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
void spit(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

struct OlderCopyPutBack {
  test::TempDir tmp;
  fs::path dir = tmp / "site";
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  std::string oldMark;  // the mark as it was when the older copy was taken

  OlderCopyPutBack() {
    REQUIRE(service::Site::create(dir, {"B82005", "Forged mark", {}}, clock).ok());
    fs::path old = tmp / "old.db";
    {
      auto kiosk = service::openKiosk(dir, clock);
      REQUIRE(kiosk.ok());
      checkIn(**kiosk, "Before");
      REQUIRE(service::writeHighWater((*kiosk)->siteData()).ok());
      oldMark = slurp(service::highWaterPath(dir));
    }
    fs::copy_file(service::Site::databasePath(dir), old);  // closed: checkpointed, no WAL
    {
      auto kiosk = service::openKiosk(dir, clock);
      REQUIRE(kiosk.ok());
      for (int i = 0; i < 4; ++i) checkIn(**kiosk, "Lost" + std::to_string(i));
      REQUIRE(service::writeHighWater((*kiosk)->siteData()).ok());
    }
    fs::copy_file(old, service::Site::databasePath(dir), fs::copy_options::overwrite_existing);
  }
  static void checkIn(service::Kiosk& kiosk, const std::string& surname) {
    service::WalkInRequest req;
    req.patient.surname = surname;
    req.patient.forenames = "Ann";
    req.patient.dateOfBirth = {1984, 3, 7};
    REQUIRE(kiosk.checkInWalkIn(req, false).ok());
  }
  fs::path mark() const { return service::highWaterPath(dir); }
  std::string verifyProblems() {
    auto db = store::Database::open(service::Site::databasePath(dir), {.readOnly = true});
    REQUIRE(db.ok());
    auto check = service::checkSite(**db, {}, dir);
    REQUIRE(check.ok());
    std::string all;
    for (const auto& p : check->problems) all += p + "\n";
    return all;
  }
  void refusedAtOpen(const std::string& words) {
    auto site = service::Site::open(dir, clock);
    REQUIRE_FALSE(site.ok());
    CHECK_THAT(site.error().message, Catch::Contains(words));
    CHECK_THAT(verifyProblems(), Catch::Contains(words));
  }
};

}  // namespace

TEST_CASE("an older copy put back is seen by the mark") {
  OlderCopyPutBack f;
  f.refusedAtOpen("The newest 4 events are missing since 09:00");
}

TEST_CASE("a mark edited to match the older copy is refused as forged") {
  OlderCopyPutBack f;
  std::string text = slurp(f.mark());
  const std::string oldSeq = f.oldMark.substr(
      f.oldMark.find("seq "), f.oldMark.find('\n', f.oldMark.find("seq ")) - f.oldMark.find("seq "));
  const auto at = text.find("seq ");
  text.replace(at, text.find('\n', at) - at, oldSeq);
  const auto hashAt = text.find("hash "), oldHashAt = f.oldMark.find("hash ");
  text.replace(hashAt, 69, f.oldMark.substr(oldHashAt, 69));
  spit(f.mark(), text);
  f.refusedAtOpen("is not signed by this device: it was forged or changed");
}

TEST_CASE("a mark signed with another key is refused") {
  OlderCopyPutBack f;
  auto m = service::parseMark(slurp(f.mark()));
  REQUIRE(m.ok());
  m->seq = 1;
  const crypto::SignKeyPair thief = crypto::makeSignKeyPair();
  m->signature = crypto::sign(thief.secretKey, service::markSignedBytes(*m));
  spit(f.mark(), service::formatMark(*m));
  f.refusedAtOpen("is not signed by this device");
}

TEST_CASE("a deleted mark is said, not taken as a site without one") {
  OlderCopyPutBack f;
  // The older copy was taken after the first mark, so it knows that one was written.
  fs::remove(f.mark());
  f.refusedAtOpen("is missing, though this database says one was written");
}

TEST_CASE("a damaged mark is said in words") {
  OlderCopyPutBack f;
  spit(f.mark(), "LSHW1\ngarbage\n");
  f.refusedAtOpen("The high-water mark is not one Longstop wrote");
}

TEST_CASE("the mark holds nothing about a patient") {
  OlderCopyPutBack f;
  const std::string text = slurp(f.mark());
  for (const char* word : {"Before", "Lost", "Ann", "1984"}) CHECK(text.find(word) == std::string::npos);
  CHECK((fs::status(f.mark()).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
        fs::perms::none);
}
