// The admin screen's words for settings: every setting in the catalogue has a plain label (never its
// file key) and numbers carry their unit.
#include <catch2/catch.hpp>

#include "service/settings.h"
#include "ui/admin/setting_labels.h"
#include "ui/staff/sign_in.h"

using namespace longstop;
using ui::admin::settingLabel;
using ui::admin::settingRowText;
using ui::admin::settingValueText;

TEST_CASE("every setting has a plain label, not its key") {
  for (const auto& s : service::settingCatalogue()) {
    if (s.key == "queue.<id>") continue;
    INFO(s.key);
    const std::string label = settingLabel(s.key);
    CHECK(label != s.key);
    CHECK(label.find('.') == std::string::npos);
    CHECK(label.find('_') == std::string::npos);
  }
}

TEST_CASE("values read with their units") {
  CHECK(settingRowText("match.before_min", "120") == "Check-in opens before an appointment: 120 minutes");
  CHECK(settingValueText("kiosk.idle_timeout_s", "45") == "45 seconds");
  CHECK(settingValueText("retention.days", "1") == "1 day");
  CHECK(settingValueText("retention.days", "30") == "30 days");
  CHECK(settingValueText("screen.size", "1280x800") == "1280 \xC3\x97 800 pixels");
  CHECK(settingValueText("scanner.device", "none") == "Not used");
  CHECK(settingValueText("camera.device", "/dev/video0") == "/dev/video0");
  CHECK(settingRowText("queue.gp", "A | GP appointments | Room 3") == "Queue gp: A: GP appointments, Room 3");
  CHECK(settingValueText("site.name", "") == "Not set");
}

TEST_CASE("a typed staff card is shown whole, so a typo can be seen, and a wrong one is named at once") {
  using ui::staff::cardProblemText;
  using ui::staff::typedCardShown;
  // Every character typed is on screen (the old mask hid all after the staff ID).
  CHECK(typedCardShown("LSS1:S7K2QX:ABCDEFGHIJ") == "LSS1:S7K2QX : ABCD EFGH IJ");
  CHECK(typedCardShown("s7k2qxabcde") == "S7K2QX : ABCD E");
  CHECK(typedCardShown("S7K") == "S7K");
  CHECK(cardProblemText("LSS1:S7K2QX:ABCDEFGHIJ").empty());  // unfinished is not wrong
  CHECK(cardProblemText("LSS1:S7K2QX:ABC0").find("\"0\"") != std::string::npos);
  CHECK(cardProblemText("LSS1:S1").find("staff ID") != std::string::npos);
  CHECK(cardProblemText("LST1:K7QX-000123:9F2C0A1B").find("not a staff card") != std::string::npos);
}
