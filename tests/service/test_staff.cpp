#include <catch2/catch.hpp>

#include <cstdlib>

#include "service/site.h"
#include "service/staff.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;

namespace {

struct Fixture {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  std::unique_ptr<service::Site> site;
  service::NewCard card;
  std::unique_ptr<service::StaffSession> admin;  // the recovery code's

  Fixture() {
    auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
    REQUIRE(init.ok());
    auto s = service::Site::open(dir / "site", clock);
    REQUIRE(s.ok());
    site = std::move(s.value());
    auto a = service::recoverySession(*site, init->recoveryCode);
    REQUIRE(a.ok());
    admin = std::move(a.value());
    auto c = service::addStaff(*site, *admin, "Jo Reception", service::StaffRole::kReception, "24681012");
    REQUIRE(c.ok());
    card = c.value();
  }
  int64_t events(const std::string& kind) {
    auto st = site->db().prepare("SELECT count(*) FROM events WHERE kind = ?");
    st->bind(1, kind);
    REQUIRE(st->step().value());
    return st->columnInt(0);
  }
};

}  // namespace

TEST_CASE("a new card carries an LSS1 code with a 128-bit secret") {
  Fixture f;
  CHECK(f.card.cardText == "LSS1:" + f.card.staffId + ":" + f.card.secret);
  CHECK(f.card.staffId.size() == 6);
  CHECK(f.card.secret.size() == 26);
  auto list = service::listStaff(*f.site);
  REQUIRE(list->size() == 1);
  CHECK(list->front().name == "Jo Reception");
  CHECK(list->front().role == service::StaffRole::kReception);
}

TEST_CASE("a wrong recovery code unlocks nothing") {
  Fixture f;
  auto secrets = f.site->unlockWithRecoveryCode("wrong");
  CHECK_FALSE(secrets.ok());
}

TEST_CASE("card and PIN sign in and unwrap the records key") {
  Fixture f;
  auto session = service::signIn(*f.site, f.card.cardText, "24681012");
  REQUIRE(session.ok());
  CHECK((*session)->who().id == f.card.staffId);
  CHECK((*session)->secrets().recordsSecretKey.size() == 32);
  // The key really opens sealed data.
  const std::string sealed = f.site->seal("hello");
  CHECK(f.site->open((*session)->secrets(), sealed).value() == "hello");
  CHECK(f.events("signin") == 1);
  // The card typed by hand, with spaces and lower case, works too.
  std::string typed = f.card.staffId + " " + f.card.secret;
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(service::signIn(*f.site, typed, "24681012").ok());
}

TEST_CASE("wrong PINs count down, then lock the card with a growing delay") {
  Fixture f;
  for (int i = 1; i <= 4; ++i) {
    auto r = service::signIn(*f.site, f.card.cardText, "000000");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find(std::to_string(5 - i) + " tries left") != std::string::npos);
  }
  auto fifth = service::signIn(*f.site, f.card.cardText, "000000");
  REQUIRE_FALSE(fifth.ok());
  CHECK(fifth.error().message.find("locked") != std::string::npos);
  // Even the right PIN is refused while locked, and the message says for how long.
  auto locked = service::signIn(*f.site, f.card.cardText, "24681012");
  REQUIRE_FALSE(locked.ok());
  CHECK(locked.error().message.find("30 seconds") != std::string::npos);
  CHECK(f.events("signin-failed") == 5);
  f.clock.advanceMs(31'000);
  auto sixth = service::signIn(*f.site, f.card.cardText, "000000");
  REQUIRE_FALSE(sixth.ok());
  auto stillLocked = service::signIn(*f.site, f.card.cardText, "24681012");
  REQUIRE_FALSE(stillLocked.ok());
  CHECK(stillLocked.error().message.find("60 seconds") != std::string::npos);
  f.clock.advanceMs(61'000);
  REQUIRE(service::signIn(*f.site, f.card.cardText, "24681012").ok());
  // A good sign-in resets the count.
  CHECK(service::signIn(*f.site, f.card.cardText, "000000").error().message.find("4 tries left") !=
        std::string::npos);
}

TEST_CASE("an unknown or forged card is refused without touching any member's count") {
  Fixture f;
  std::string forged = f.card.cardText;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  auto r = service::signIn(*f.site, forged, "24681012");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("not known") != std::string::npos);
  CHECK_FALSE(service::signIn(*f.site, "LSS1:garbage", "24681012").ok());
  CHECK_FALSE(service::signIn(*f.site, "", "24681012").ok());
  CHECK(f.events("signin-failed") == 0);
}

TEST_CASE("a revoked card stops working at once") {
  Fixture f;
  REQUIRE(service::signIn(*f.site, f.card.cardText, "24681012").ok());
  REQUIRE(service::revokeStaff(*f.site, *f.admin, f.card.staffId).ok());
  auto r = service::signIn(*f.site, f.card.cardText, "24681012");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("revoked") != std::string::npos);
  auto st = f.site->db().prepare("SELECT count(*) FROM credentials WHERE kind = 'staff'");
  REQUIRE(st->step().value());
  CHECK(st->columnInt(0) == 0);
  CHECK_FALSE(service::revokeStaff(*f.site, *f.admin, "NOPE22").ok());
}

TEST_CASE("a new card's PIN must be eight digits or more") {
  Fixture f;
  CHECK_FALSE(service::addStaff(*f.site, *f.admin, "A", service::StaffRole::kAdmin, "1234567").ok());
  CHECK_FALSE(service::addStaff(*f.site, *f.admin, "A", service::StaffRole::kAdmin, "12345a").ok());
  CHECK_FALSE(service::addStaff(*f.site, *f.admin, "", service::StaffRole::kAdmin, "123456").ok());
  auto admin = service::addStaff(*f.site, *f.admin, "Sam Admin", service::StaffRole::kAdmin, "13579135");
  REQUIRE(admin.ok());
  auto adminSession = service::signIn(*f.site, admin->cardText, "13579135");
  REQUIRE(adminSession.ok());
  CHECK((*adminSession)->isAdmin());
}

TEST_CASE("sessions go idle and sign-out is logged") {
  Fixture f;
  auto session = service::signIn(*f.site, f.card.cardText, "24681012");
  REQUIRE(session.ok());
  const int64_t t0 = f.clock.now().unixMs;
  CHECK_FALSE((*session)->idleFor(t0 + 179'000, 180'000));
  CHECK((*session)->idleFor(t0 + 180'000, 180'000));
  (*session)->touch(t0 + 100'000);
  CHECK_FALSE((*session)->idleFor(t0 + 180'000, 180'000));
  std::unique_ptr<service::StaffSession> s = std::move(session.value());
  CHECK(service::signOut(*f.site, s, "idle").ok());
  CHECK(s == nullptr);
  CHECK(f.events("signout") == 1);
}

TEST_CASE("a sign-out the log cannot take still ends the session, and says it was not recorded") {
  Fixture f;
  auto session = service::signIn(*f.site, f.card.cardText, "24681012");
  REQUIRE(session.ok());
  std::unique_ptr<service::StaffSession> s = std::move(session.value());
  REQUIRE(f.site->db().TEST_refuseWrites().ok());
  auto out = service::signOut(*f.site, s, "sign-out");
  CHECK_FALSE(out.ok());
  CHECK(s == nullptr);  // the keys are gone whatever the disk did
  CHECK(f.events("signout") == 0);
}

// The test build may make credentials cheaply (LONGSTOP_TEST_CHEAP_KDF=1 with -Dcheap_test_kdf=true);
// without that variable a new site and a new card must get the production cost, whatever the build.
TEST_CASE("without the test setting, new credentials get the production Argon2id cost") {
  const char* was = std::getenv("LONGSTOP_TEST_CHEAP_KDF");
  const std::string saved = was ? was : "";
  ::unsetenv("LONGSTOP_TEST_CHEAP_KDF");
  Fixture f;
  if (was) ::setenv("LONGSTOP_TEST_CHEAP_KDF", saved.c_str(), 1);
  auto st = f.site->db().prepare("SELECT id, kdf_ops, kdf_mem FROM credentials ORDER BY id");
  REQUIRE(st.ok());
  int rows = 0;
  while (st->step().value()) {
    ++rows;
    INFO("credential " << st->columnText(0));
    CHECK(st->columnInt(1) == static_cast<int64_t>(crypto::kKdfOpsLimit));
    CHECK(st->columnInt(2) == static_cast<int64_t>(crypto::kKdfMemLimit));
  }
  CHECK(rows == 2);  // the recovery code and Jo's card
  CHECK(crypto::kKdfMemLimit >= (128u << 20));
  CHECK(crypto::kKdfOpsLimit >= 4);
}

TEST_CASE("every sign-in refusal says its kind") {
  using service::SignInFailure;
  Fixture f;
  auto kind = [&](const std::string& card, const std::string& pin) {
    auto r = service::signIn(*f.site, card, pin);
    REQUIRE_FALSE(r.ok());
    CHECK((r.error().code == core::ErrorCode::kUnauthorised ||
           r.error().code == core::ErrorCode::kInvalidInput));
    return r.error().kind;
  };
  CHECK(kind("LSS1:garbage", "24681012") == SignInFailure::kNotACard);
  CHECK(kind("", "24681012") == SignInFailure::kNotACard);
  std::string forged = f.card.cardText;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  CHECK(kind(forged, "24681012") == SignInFailure::kUnknownCard);
  for (int i = 0; i < 4; ++i) CHECK(kind(f.card.cardText, "000000") == SignInFailure::kWrongPin);
  CHECK(kind(f.card.cardText, "000000") == SignInFailure::kWrongPin);  // the fifth, which locks the card
  CHECK(kind(f.card.cardText, "24681012") == SignInFailure::kLocked);
  f.clock.advanceMs(31'000);
  REQUIRE(service::signIn(*f.site, f.card.cardText, "24681012").ok());
  REQUIRE(service::revokeStaff(*f.site, *f.admin, f.card.staffId).ok());
  CHECK(kind(f.card.cardText, "24681012") == SignInFailure::kRevoked);
}
