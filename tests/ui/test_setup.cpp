// The first-boot wizard and the admin screen driven by intents against a fake AdminServices: bad ODS
// codes and queues refused with the service's words, skipped steps, PINs that differ, a wrong recovery
// code confirmation refused, the answers handed to createSite, and settings refused or stored.
#include <catch2/catch.hpp>

#include <map>

#include "core/clock.h"
#include "core/date.h"
#include "service/admin_services.h"
#include "service/settings.h"
#include "support/layout_checks.h"
#include "support/patient_screens.h"
#include "ui/admin/admin_screen.h"
#include "ui/admin/practice_banner.h"
#include "ui/setup/form.h"
#include "ui/setup/setup_wizard.h"

using namespace longstop;
using namespace longstop::ui::setup;
namespace admin_intent = longstop::ui::admin::intent;
using longstop::ui::admin::AdminOutcome;
using longstop::ui::admin::AdminPage;
using longstop::ui::admin::AdminScreen;

namespace {
class FakeAdmin : public service::AdminServices {
 public:
  bool hasSite() const override { return created.has_value(); }
  core::Status checkSiteName(const std::string& n) const override {
    return n.empty() ? core::Status(core::invalidInput("The site name must be 1 to 80 characters."))
                     : core::okStatus();
  }
  core::Status checkOds(const std::string& ods) const override { return service::validateOds(ods); }
  core::Status checkQueues(const std::vector<core::QueueDef>& qs) const override {
    for (const auto& q : qs)
      if (auto s = core::validateQueue(q); !s.ok()) return s;
    return core::okStatus();
  }
  core::Result<service::SetupDone> createSite(const service::SetupAnswers& a) override {
    created = a;
    return service::SetupDone{"K7QX", "ABCD-EFGH-IJKL-MNOP-QRST-UVWX", "S1", "LSS1:S1:SECRET"};
  }
  core::Result<std::vector<service::SettingRow>> settings() override {
    std::vector<service::SettingRow> rows;
    for (const auto& [k, v] : values) rows.push_back({k, "a setting", v});
    return rows;
  }
  core::Status setSetting(const std::string& k, const std::string& v) override {
    if (k == "kiosk.idle_timeout_s" && (v.empty() || std::stoi(v) < 15))
      return core::invalidInput("'" + v + "' is not a whole number from 15 to 600.");
    values[k] = v;
    return core::okStatus();
  }
  core::Status confirmClock() override {
    clockConfirmed = true;
    return core::okStatus();
  }
  bool clockConfirmedToday() override { return clockConfirmed; }
  core::Result<std::string> recipientKeyId() override { return key; }
  core::Result<std::string> setRecipientText(const std::string& t) override {
    if (t.rfind("LSR1:", 0) != 0) return core::invalidInput("Not an LSR1 key.");
    key = "0123456789ABCDEF";
    return key;
  }
  core::Result<std::string> setRecipientFile(const std::filesystem::path& p) override {
    return core::notFound("Cannot read " + p.string() + ".");
  }
  core::Result<std::string> trustCode() override {
    if (trust.empty()) return core::notFound("The site could not be opened.");
    return trust;
  }
  service::DeviceReport checkDevice(const std::string& k) override {
    return {k, "/dev/none", false, "not found at /dev/none — skip, or set it later"};
  }
  core::Result<service::DrillSession> startDrill() override {
    session = service::DrillSession{"/tmp/drill", "LSS1:P:X", "123456", 0};
    return *session;
  }
  std::optional<service::DrillSession> drill() const override { return session; }
  core::Status recordDrillStep(const std::string&, int64_t, bool, const std::string&) override {
    return core::okStatus();
  }
  core::Result<std::string> drillReport() override { return std::string("report"); }
  core::Result<std::filesystem::path> exportDrillReport(const std::filesystem::path& f) override {
    return f / "r.txt";
  }
  core::Status endDrill() override {
    session.reset();
    return core::okStatus();
  }
  core::Result<std::vector<service::StaffCardRow>> staffCards() override { return cards; }
  core::Result<std::string> revokeCard(const std::string& id) override {
    revoked.push_back(id);
    for (auto& c : cards)
      if (c.staffId == id) c.revoked = true;
    return "The card of " + id + " is revoked.";
  }
  std::vector<service::StaffCardRow> cards = {{"S1ADAX", "Dr Ada Admin", "admin", false, true},
                                              {"LEE2QX", "Lee Leaving", "reception", false, false},
                                              {"JOS3QX", "Jo Staying", "reception", false, false},
                                              {"OLD4QX", "Pat Before", "reception", true, false}};
  std::vector<std::string> revoked;

  std::optional<service::SetupAnswers> created;
  std::map<std::string, std::string> values = {{"kiosk.idle_timeout_s", "45"}, {"site.name", "Riverside"}};
  bool clockConfirmed = false;
  std::string key;
  std::string trust = "LSD1:B82005:K7QX:4IMHCWK5P2NIZDQ6JEMAK52VDJ47YUGAYJUSA6HBQ23HVXRVK6UA:DPQ6";
  std::optional<service::DrillSession> session;
};

core::Instant nine() {
  return {(core::daysFromCivil({2026, 11, 29}) * 1440 + 9 * 60) * 60000, 0};
}

using K = SetupIntent::Kind;
void next(SetupWizard& w) {
  w.apply({K::kNext});
}
}  // namespace

TEST_CASE("setup: bad ODS refused, defaults kept, clock skipped, PINs checked, recovery confirmed") {
  FakeAdmin admin;
  core::ManualClock clock(nine());
  SetupWizard w(admin, clock);
  std::map<std::string, std::string> shown;
  w.setOnShown([&](std::string_view k, std::string_view v) { shown[std::string(k)] = std::string(v); });
  next(w);
  REQUIRE(w.step() == SetupStep::kSite);
  w.onText("Riverside Surgery");
  w.onKey(ui::Key::kTab);
  w.onText("b82005");
  next(w);
  CHECK(w.step() == SetupStep::kSite);
  CHECK(w.state().message.find("capital letters") != std::string::npos);
  for (int i = 0; i < 6; ++i) w.onKey(ui::Key::kBackspace);
  w.onText("B82005");
  next(w);
  REQUIRE(w.step() == SetupStep::kQueues);
  w.apply({K::kAddQueue});
  w.onText("7");  // a digit is not a ticket letter
  next(w);
  CHECK(w.step() == SetupStep::kQueues);
  CHECK_FALSE(w.state().message.empty());
  w.apply({K::kRemoveQueue});
  next(w);
  REQUIRE(w.step() == SetupStep::kMatching);
  w.apply({K::kChoose, 1, "30"});
  next(w);
  w.apply({K::kChoose, 0, "60"});
  next(w);
  w.apply({K::kChoose, 1, "90"});
  next(w);
  REQUIRE(w.step() == SetupStep::kClock);
  w.apply({K::kClockWrong});
  w.apply({K::kSkip});
  REQUIRE(w.step() == SetupStep::kAdmin);
  w.onText("Dr Ada Admin");
  w.onKey(ui::Key::kTab);
  w.onText("12345678");
  w.onKey(ui::Key::kTab);
  w.onText("12345679");
  next(w);
  CHECK(w.step() == SetupStep::kAdmin);
  CHECK(w.state().message.find("not the same") != std::string::npos);
  CHECK(w.state().pin.empty());
  w.apply({K::kFocus, 1});
  w.onText("12345678");
  w.onKey(ui::Key::kTab);
  w.onText("12345678");
  next(w);
  REQUIRE(w.step() == SetupStep::kCard);
  REQUIRE(admin.created);
  CHECK(admin.created->odsCode == "B82005");
  CHECK(admin.created->queues.size() == 3);
  CHECK(admin.created->walkInQueueId == "walkin");
  CHECK(admin.created->matchAfterMin == 30);
  CHECK(admin.created->idleTimeoutSeconds == 60);
  CHECK(admin.created->rotation == 90);
  CHECK_FALSE(admin.created->clockConfirmed);
  CHECK(admin.created->adminPin == "12345678");
  CHECK(w.state().cardQr.has_value());
  CHECK(shown["ADMIN_CARD"] == "LSS1:S1:SECRET");
  next(w);
  REQUIRE(w.step() == SetupStep::kRecovery);
  CHECK(shown["RECOVERY_CODE"] == "ABCD-EFGH-IJKL-MNOP-QRST-UVWX");
  next(w);
  w.onText("QRST-UVWY");
  next(w);
  CHECK(w.step() == SetupStep::kRecoveryConfirm);
  CHECK_FALSE(w.state().message.empty());
  w.onText("qrst uvwx");
  next(w);
  REQUIRE(w.step() == SetupStep::kRecipient);
  w.apply({K::kBack});
  CHECK(w.step() == SetupStep::kRecipient);  // the code is never shown again
  w.onText("nonsense");
  next(w);
  CHECK(w.step() == SetupStep::kRecipient);
  w.apply({K::kSkip});
  REQUIRE(w.step() == SetupStep::kDevices);
  CHECK(w.state().devices.size() == 3);
  w.apply({K::kSkipDevice, 0});
  CHECK(w.state().deviceSkipped[0]);
  next(w);
  REQUIRE(w.step() == SetupStep::kDone);
  CHECK_FALSE(w.finished());
  next(w);
  CHECK(w.finished());
}

TEST_CASE("admin screen: a bad value is refused with the service's message, a good one stored") {
  FakeAdmin admin;
  core::ManualClock clock(nine());
  AdminScreen a(admin, clock);
  a.open("S1", "Ada");
  REQUIRE(a.state().page == AdminPage::kHome);
  a.apply(admin_intent::Edit{"kiosk.idle_timeout_s"});
  REQUIRE(a.state().page == AdminPage::kEdit);
  a.onKey(ui::Key::kBackspace);
  a.onKey(ui::Key::kBackspace);
  a.onText("5");
  a.apply(admin_intent::Save{});
  CHECK(a.state().page == AdminPage::kEdit);
  CHECK(a.state().message.find("15 to 600") != std::string::npos);
  CHECK(admin.values["kiosk.idle_timeout_s"] == "45");
  a.onKey(ui::Key::kBackspace);
  a.onText("90");
  a.onKey(ui::Key::kEnter);
  CHECK(a.state().page == AdminPage::kHome);
  CHECK(admin.values["kiosk.idle_timeout_s"] == "90");
  a.apply(admin_intent::ConfirmClock{});
  CHECK(admin.clockConfirmed);
  a.apply(admin_intent::OpenDrill{});
  a.apply(admin_intent::StartDrill{});
  CHECK(a.takeOutcome() == AdminOutcome::kDrillStarted);
  a.apply(admin_intent::EndDrill{});
  CHECK(a.takeOutcome() == AdminOutcome::kDrillEnded);
  a.apply(admin_intent::Close{});
  CHECK(a.takeOutcome() == AdminOutcome::kClose);
  CHECK_FALSE(a.active());
}

TEST_CASE(
    "admin screen: a card is revoked only after a confirmation that names it, and the outcome is said") {
  FakeAdmin admin;
  core::ManualClock clock(nine());
  AdminScreen a(admin, clock);
  a.open("S1ADAX", "Dr Ada Admin");
  a.apply(admin_intent::OpenStaff{});
  REQUIRE(a.state().page == AdminPage::kStaff);
  CHECK(a.state().cards.size() == 4);
  // Neither one's own card nor a revoked one can be picked.
  a.apply(admin_intent::PickCard{"S1ADAX"});
  CHECK(a.state().page == AdminPage::kStaff);
  a.apply(admin_intent::PickCard{"OLD4QX"});
  CHECK(a.state().page == AdminPage::kStaff);
  a.apply(admin_intent::PickCard{"LEE2QX"});
  REQUIRE(a.state().page == AdminPage::kRevoke);
  CHECK(a.state().revokeId == "LEE2QX");
  CHECK(admin.revoked.empty());  // asked, not done
  a.onKey(ui::Key::kEscape);     // Cancel goes back to the list, nothing revoked
  CHECK(a.state().page == AdminPage::kStaff);
  CHECK(admin.revoked.empty());
  a.apply(admin_intent::PickCard{"LEE2QX"});
  a.apply(admin_intent::Revoke{});
  CHECK(admin.revoked == std::vector<std::string>{"LEE2QX"});
  CHECK(a.state().page == AdminPage::kStaff);
  CHECK(a.state().notice == "The card of LEE2QX is revoked.");
  CHECK(a.state().cards[1].revoked);  // the list read again
}

TEST_CASE("admin screen: the trust code page shows the service's code as text and as a QR code") {
  FakeAdmin admin;
  core::ManualClock clock(nine());
  AdminScreen a(admin, clock);
  a.open("S1", "Ada");
  a.apply(admin_intent::OpenTrustCode{});
  REQUIRE(a.state().page == AdminPage::kTrustCode);
  CHECK(a.state().trustCode == admin.trust);
  REQUIRE(a.state().trustQr.has_value());
  CHECK(a.state().trustQr->size >= 21);
  a.apply(admin_intent::Home{});
  CHECK(a.state().page == AdminPage::kHome);

  // A site that cannot be read says so and stays on the home page, never showing an empty code.
  admin.trust.clear();
  a.apply(admin_intent::OpenTrustCode{});
  CHECK(a.state().page == AdminPage::kHome);
  CHECK(a.state().message == "The site could not be opened.");
}

TEST_CASE("admin screen: the trust code is shown with its key in groups of four, nothing else changed") {
  using ui::admin::trustCodeForReading;
  const std::string code = "LSD1:B82005:K7QX:4IMHCWK5P2NIZDQ6JEMAK52VDJ47YUGAYJUSA6HBQ23HVXRVK6UA:DPQ6";
  CHECK(trustCodeForReading(code) ==
        "LSD1:B82005:K7QX: 4IMH CWK5 P2NI ZDQ6 JEMA K52V DJ47 YUGA YJUS A6HB Q23H VXRV K6UA:DPQ6");
  std::string squeezed;
  for (char c : trustCodeForReading(code))
    if (c != ' ') squeezed += c;
  CHECK(squeezed == code);
  CHECK(trustCodeForReading("not a code") == "not a code");
  CHECK(trustCodeForReading("LSD1:B82005") == "LSD1:B82005");
}

TEST_CASE("setup keyboard: an apostrophe, a comma and an ampersand, every key inside and apart") {
  for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{800, 480}}) {
    longstop::testing::Headless imgui(w, h);
    const float width = static_cast<float>(w) - 40;
    imgui.drawWith([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(static_cast<float>(w), static_cast<float>(h)));
      ImGui::Begin("keys", nullptr, ImGuiWindowFlags_NoDecoration);
      const float room = static_cast<float>(h) / 2;
      drawFormKeyboard(ImVec2(20, static_cast<float>(h) - formKeyboardHeight(width, room)), width, room,
                       false);
      ImGui::End();
    });
    std::vector<longstop::ui::WidgetRecord> keys;
    for (const auto& wr : imgui.log.widgets())
      if (wr.clickable) keys.push_back(wr);
    INFO(w << "x" << h);
    for (const char* needed : {"'", ",", "&", "-", "."}) {
      bool found = false;
      for (const auto& k : keys) found = found || k.label == needed;
      INFO("key " << needed);
      CHECK(found);
    }
    for (size_t i = 0; i < keys.size(); ++i) {
      INFO("'" << keys[i].label << "' at " << keys[i].min.x << "-" << keys[i].max.x);
      CHECK(keys[i].min.x >= 0);
      CHECK(keys[i].max.x <= static_cast<float>(w));
      CHECK(keys[i].max.y <= static_cast<float>(h));
      for (size_t j = i + 1; j < keys.size(); ++j) {
        const bool apart = keys[i].max.x <= keys[j].min.x + 0.5f || keys[j].max.x <= keys[i].min.x + 0.5f ||
                           keys[i].max.y <= keys[j].min.y + 0.5f || keys[j].max.y <= keys[i].min.y + 0.5f;
        CHECK(apart);
      }
    }
  }
}

namespace {
// Draws one frame of `draw` at w x h and returns what a person would see as cut or overlapping.
template <typename F>
std::vector<std::string> drawnProblems(longstop::testing::Headless& imgui, int w, int h, F&& draw) {
  imgui.drawWith(draw);
  return longstop::testing::layoutProblems(imgui.log, ImVec2(float(w), float(h)));
}

void checkNoProblems(const std::vector<std::string>& problems) {
  for (const auto& p : problems) FAIL_CHECK(p);
}
}  // namespace

TEST_CASE("setup wizard: every step at both sizes, no text cut, nothing on top of anything else") {
  for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{800, 480}}) {
    longstop::testing::Headless imgui(w, h);
    FakeAdmin admin;
    core::ManualClock clock(nine());
    SetupWizard wiz(admin, clock);
    auto check = [&](const char* step) {
      INFO(step << " at " << w << "x" << h);
      checkNoProblems(drawnProblems(imgui, w, h, [&] { wiz.frame(); }));
    };
    check("intro");
    next(wiz);
    wiz.onText("St Mary's Surgery");
    wiz.onKey(ui::Key::kTab);
    wiz.onText("B82005");
    check("site");
    next(wiz);
    check("queues");
    next(wiz);
    check("matching");
    next(wiz);
    check("idle");
    next(wiz);
    check("screen");
    next(wiz);
    check("clock");
    wiz.apply({K::kSkip});
    wiz.onText("Dr Ada Admin");
    wiz.onKey(ui::Key::kTab);
    wiz.onText("12345678");
    wiz.onKey(ui::Key::kTab);
    wiz.onText("12345678");
    check("admin");
    next(wiz);
    REQUIRE(wiz.step() == SetupStep::kCard);
    check("card");
    next(wiz);
    check("recovery");
    next(wiz);
    check("recovery confirm");
    wiz.onText("qrst uvwx");
    next(wiz);
    REQUIRE(wiz.step() == SetupStep::kRecipient);
    check("recipient");
    wiz.apply({K::kSkip});
    REQUIRE(wiz.step() == SetupStep::kDevices);
    check("devices");
    next(wiz);
    check("done");
  }
}

TEST_CASE("admin screen: every page at both sizes, with and without a drill, no text cut or covered") {
  for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{800, 480}}) {
    longstop::testing::Headless imgui(w, h);
    FakeAdmin admin;
    for (const auto& s : service::settingCatalogue())
      if (s.key != "queue.<id>") admin.values[s.key] = s.defaultValue.empty() ? "Riverside" : s.defaultValue;
    core::ManualClock clock(nine());
    AdminScreen a(admin, clock);
    a.open("S1", "Ada");
    auto check = [&](const char* page, bool banner) {
      INFO(page << " at " << w << "x" << h << (banner ? " with the drill's banner" : ""));
      checkNoProblems(drawnProblems(imgui, w, h, [&] {
        a.frame();
        if (banner) ui::drawPracticeBanner("PRACTICE — not real patients");
      }));
    };
    check("home", false);
    a.apply(admin_intent::Edit{"match.before_min"});
    check("edit", false);
    a.apply(admin_intent::Home{});
    a.apply(admin_intent::OpenRecipient{});
    check("recipient", false);
    a.apply(admin_intent::Home{});
    a.apply(admin_intent::OpenTrustCode{});
    check("trust code", false);
    a.apply(admin_intent::Home{});
    a.apply(admin_intent::OpenStaff{});
    check("staff cards", false);
    a.apply(admin_intent::PickCard{"LEE2QX"});
    check("revoke confirmation", false);
    a.apply(admin_intent::Revoke{});
    check("staff cards after a revocation", false);
    a.apply(admin_intent::Home{});
    a.apply(admin_intent::OpenDrill{});
    check("drill", false);
    a.apply(admin_intent::StartDrill{});
    (void)a.takeOutcome();
    check("drill running", true);
    a.apply(admin_intent::Home{});
    check("home, drill running", true);
  }
}
