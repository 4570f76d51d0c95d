// The wizard's join runs on a worker: while the inviting device has not answered, the screen keeps
// drawing "Joining..." with Back, and the answer (a join or a refusal) is taken at the next frame. The
// fake's joinSite waits on a gate the test opens, so the worker moves only when the test says; were the
// join made on the screen's thread, the press would return only once the gate gave up (the fake then
// records it) and "Joining..." would never be seen.
#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/date.h"
#include "service/admin_services.h"
#include "support/layout_checks.h"
#include "support/patient_screens.h"
#include "ui/setup/setup_wizard.h"

using namespace longstop;
using namespace longstop::ui::setup;
using K = SetupIntent::Kind;

namespace {
// What the gated join is doing, for the test's checks.
struct Gate {
  std::mutex mutex;
  std::condition_variable changed;
  bool entered = false;  // joinSite has been called
  bool open = false;     // the test lets it answer
  bool gaveUp = false;   // it waited 10 s for the gate and gave up: the press must have blocked
  bool returned = false;
  std::optional<service::JoinAnswers> answers;

  void release() {
    std::lock_guard<std::mutex> lock(mutex);
    open = true;
    changed.notify_all();
  }
  bool wasEntered() {
    std::lock_guard<std::mutex> lock(mutex);
    return entered;
  }
  bool hasReturned() {
    std::lock_guard<std::mutex> lock(mutex);
    return returned;
  }
};

class GatedJoin : public service::AdminServices {
 public:
  explicit GatedJoin(Gate& g, bool accept) : gate_(g), accept_(accept) {}
  bool hasSite() const override { return false; }
  core::Status checkSiteName(const std::string&) const override { return core::okStatus(); }
  core::Status checkOds(const std::string&) const override { return core::okStatus(); }
  core::Status checkQueues(const std::vector<core::QueueDef>&) const override { return core::okStatus(); }
  core::Result<service::SetupDone> createSite(const service::SetupAnswers&) override {
    return core::internalError("not in this test");
  }
  core::Result<std::string> checkJoinCode(const std::string&) const override {
    return std::string("10.0.0.7:4222");
  }
  core::Result<service::JoinDone> joinSite(const service::JoinAnswers& a) override {
    std::unique_lock<std::mutex> lock(gate_.mutex);
    gate_.entered = true;
    gate_.answers = a;
    gate_.changed.notify_all();
    if (!gate_.changed.wait_for(lock, std::chrono::seconds(10), [&] { return gate_.open; }))
      gate_.gaveUp = true;
    gate_.returned = true;
    if (!accept_) return core::invalidInput("This join code was already used.");
    return service::JoinDone{"D2", "K1", "Riverside", a.role, 1};
  }
  core::Result<std::vector<service::SettingRow>> settings() override {
    return std::vector<service::SettingRow>{};
  }
  core::Status setSetting(const std::string&, const std::string&) override { return core::okStatus(); }
  core::Status confirmClock() override { return core::okStatus(); }
  bool clockConfirmedToday() override { return false; }
  core::Result<std::string> recipientKeyId() override { return std::string(); }
  core::Result<std::string> setRecipientText(const std::string&) override { return std::string(); }
  core::Result<std::string> setRecipientFile(const std::filesystem::path&) override { return std::string(); }
  core::Result<std::string> trustCode() override { return core::notFound("none"); }
  service::DeviceReport checkDevice(const std::string& k) override { return {k, "", false, ""}; }
  core::Result<service::DrillSession> startDrill() override { return core::internalError("none"); }
  std::optional<service::DrillSession> drill() const override { return std::nullopt; }
  core::Status recordDrillStep(const std::string&, int64_t, bool, const std::string&) override {
    return core::okStatus();
  }
  core::Result<std::string> drillReport() override { return std::string(); }
  core::Result<std::filesystem::path> exportDrillReport(const std::filesystem::path& f) override { return f; }
  core::Status endDrill() override { return core::okStatus(); }

 private:
  Gate& gate_;
  bool accept_;
};

core::Instant nine() {
  return {(core::daysFromCivil({2026, 11, 29}) * 1440 + 9 * 60) * 60000, 0};
}

// Draws frames until `done` or 10 s; the worker's answer is taken at a frame.
template <class Done>
bool framesUntil(longstop::testing::Headless& imgui, SetupWizard& wiz, Done done) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < until) {
    imgui.drawWith([&] { wiz.frame(); });
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

// The wizard on the role step with a code read, the join pressed.
void pressJoin(longstop::testing::Headless& imgui, SetupWizard& wiz) {
  imgui.drawWith([&] { wiz.frame(); });
  wiz.apply({K::kSkip});  // "Join a site"
  wiz.onScan("LSJ1:whatever the fake accepts");
  REQUIRE(wiz.step() == SetupStep::kJoinRole);
  wiz.apply({K::kChoose, 0, "desk"});
  wiz.apply({K::kNext});  // "Join the site"
}
}  // namespace

TEST_CASE("the wizard's join runs on a worker: the screen draws 'Joining...' until the answer comes") {
  longstop::testing::Headless imgui(1280, 800);
  core::ManualClock clock(nine());
  Gate gate;
  GatedJoin admin(gate, /*accept=*/true);
  SetupWizard wiz(admin, clock);
  pressJoin(imgui, wiz);
  // The press returned while the join still waits for the inviting device.
  REQUIRE(framesUntil(imgui, wiz, [&] { return gate.wasEntered(); }));
  CHECK_FALSE(gate.hasReturned());
  imgui.drawWith([&] { wiz.frame(); });
  CHECK(imgui.log.showsText("Joining..."));
  CHECK(imgui.log.findClickable("Back") != nullptr);
  CHECK(imgui.log.findClickable("Join the site") == nullptr);
  CHECK(wiz.step() == SetupStep::kJoinRole);
  // Pressing "Join the site" again (Enter) starts nothing more.
  wiz.onKey(ui::Key::kEnter);
  gate.release();
  REQUIRE(framesUntil(imgui, wiz, [&] { return wiz.step() == SetupStep::kJoinDone; }));
  CHECK_FALSE(gate.gaveUp);
  REQUIRE(gate.answers);
  CHECK(gate.answers->role == "desk");
  CHECK(gate.answers->listen == "10.0.0.7:4222");
  CHECK(wiz.joinedRole() == "desk");
  CHECK(wiz.state().joinCode.empty());  // wiped once used
  imgui.drawWith([&] { wiz.frame(); });
  CHECK(imgui.log.showsText("This device joined Riverside through device K1"));
}

TEST_CASE("a refusal from the worker shows on the role step; Back while joining stops waiting") {
  longstop::testing::Headless imgui(800, 480);
  core::ManualClock clock(nine());
  Gate gate;
  GatedJoin admin(gate, /*accept=*/false);
  SetupWizard wiz(admin, clock);

  SECTION("the refusal's sentence, and Join the site offered again") {
    pressJoin(imgui, wiz);
    REQUIRE(framesUntil(imgui, wiz, [&] { return gate.wasEntered(); }));
    gate.release();
    REQUIRE(framesUntil(imgui, wiz, [&] { return !wiz.state().joining; }));
    CHECK(wiz.step() == SetupStep::kJoinRole);
    CHECK(wiz.state().message == "This join code was already used.");
    imgui.drawWith([&] { wiz.frame(); });
    CHECK(imgui.log.findClickable("Join the site") != nullptr);
    CHECK_FALSE(imgui.log.showsText("Joining..."));
  }
  SECTION("Back while joining: the role step at once, and a second press waits for the first") {
    pressJoin(imgui, wiz);
    REQUIRE(framesUntil(imgui, wiz, [&] { return gate.wasEntered(); }));
    wiz.apply({K::kBack});
    CHECK(wiz.step() == SetupStep::kJoinRole);
    CHECK_FALSE(wiz.state().joining);
    CHECK_THAT(wiz.state().message, Catch::Contains("Stopped waiting"));
    wiz.apply({K::kNext});
    CHECK_THAT(wiz.state().message, Catch::Contains("still finishing"));
    gate.release();
    // The abandoned attempt's refusal is not shown: nobody is waiting for it.
    REQUIRE(framesUntil(imgui, wiz, [&] { return gate.hasReturned(); }));
    imgui.drawWith([&] { wiz.frame(); });
    CHECK(wiz.step() == SetupStep::kJoinRole);
    CHECK_THAT(wiz.state().message, Catch::Contains("still finishing"));
  }
}

TEST_CASE("the joining screen at both sizes: no text cut, nothing on top of anything else") {
  for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{800, 480}}) {
    INFO(w << "x" << h);
    longstop::testing::Headless imgui(w, h);
    core::ManualClock clock(nine());
    Gate gate;
    GatedJoin admin(gate, /*accept=*/false);
    SetupWizard wiz(admin, clock);
    pressJoin(imgui, wiz);
    REQUIRE(framesUntil(imgui, wiz, [&] { return gate.wasEntered(); }));
    imgui.drawWith([&] { wiz.frame(); });
    REQUIRE(imgui.log.showsText("Joining..."));
    for (const auto& p : longstop::testing::layoutProblems(imgui.log, ImVec2(float(w), float(h))))
      FAIL_CHECK(p);
    gate.release();
    REQUIRE(framesUntil(imgui, wiz, [&] { return !wiz.state().joining; }));
  }
}
