#include "app/options.h"

#include <charconv>
#include <ctime>

#include "core/date.h"

namespace longstop::app {
namespace {
core::Result<std::pair<int, int>> parseSize(const std::string& s) {
  size_t x = s.find('x');
  int w = 0, h = 0;
  auto bad = core::invalidInput("--size wants WIDTHxHEIGHT, for example 1280x800, got '" + s + "'.");
  if (x == std::string::npos) return bad;
  auto r1 = std::from_chars(s.data(), s.data() + x, w);
  auto r2 = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
  if (r1.ec != std::errc() || r1.ptr != s.data() + x || r2.ec != std::errc() || r2.ptr != s.data() + s.size())
    return bad;
  if (w < 320 || h < 240 || w > 8192 || h > 8192)
    return core::invalidInput("--size must be between 320x240 and 8192x8192.");
  return std::make_pair(w, h);
}
}  // namespace

const char* usage() {
  return "usage: longstop [--data DIR] [--demo] [--headless] [--script FILE] [--size WxH] [--fullscreen]\n"
         "                [--now YYYY-MM-DDTHH:MM] [--board] [--list-dir DIR] [--camera-files DIR]\n"
         "  --data DIR     the site's data directory (default $XDG_DATA_HOME/longstop)\n"
         "  --demo         make a demo site there if it is empty (a temporary one without --data)\n"
         "  --demo-checkins N  with --demo: a busy morning, N patients checked in since 07:00 (1 to 300)\n"
         "  --headless     no window: SDL's offscreen driver and the software renderer\n"
         "  --script FILE  run an automation script, then exit 0 if every line succeeded, else 1\n"
         "  --size WxH     window size (default 1280x800)\n"
         "  --fullscreen   kiosk mode: closing the window does nothing; stop it with SIGTERM\n"
         "  --now TIME     start the clock at this local time (it then moves only on a script's wait)\n"
         "  --board        the calling board: recent calls (ticket -> room) and queue lengths, no names\n"
         "  --list-dir DIR where reception's \"Save list\" writes the CSV (default: a USB stick in /media)\n"
         "  --camera-files DIR  images in DIR stand in for the camera (demos and tests without one)\n"
         "  --rotation DEG 0, 90, 180 or 270: turn the picture and touch (default: the site's "
         "screen.rotation)\n"
         "An empty data directory (without --demo) starts first-boot setup on the screen.\n"
         "Patients can never leave the app: Escape means Back on every screen.\n";
}

core::Result<core::Instant> parseLocalInstant(const std::string& text) {
  auto minutes = core::parseLocalDateTime(text);
  if (!minutes.ok())
    return core::invalidInput("--now wants local time as YYYY-MM-DDTHH:MM, got '" + text + "'.");
  core::Date d = core::civilFromDays(core::Instant::floorDiv(minutes.value(), 1440));
  int minuteOfDay = static_cast<int>(minutes.value() - core::Instant::floorDiv(minutes.value(), 1440) * 1440);
  std::tm tm{};
  tm.tm_year = d.year - 1900;
  tm.tm_mon = d.month - 1;
  tm.tm_mday = d.day;
  tm.tm_hour = minuteOfDay / 60;
  tm.tm_min = minuteOfDay % 60;
  tm.tm_isdst = -1;  // let the time zone rules say whether summer time is in force
  std::time_t t = std::mktime(&tm);
  int32_t offset = t == -1 ? 0 : static_cast<int32_t>(tm.tm_gmtoff / 60);
  return core::Instant{(minutes.value() - offset) * 60000, offset};
}

core::Result<Options> parseOptions(const std::vector<std::string>& args, const std::string& home,
                                   const std::string& xdgDataHome) {
  Options o;
  bool dataGiven = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (a == "--demo")
      o.demo = true;
    else if (a == "--headless")
      o.headless = true;
    else if (a == "--fullscreen")
      o.fullscreen = true;
    else if (a == "--board")
      o.board = true;
    else if (a == "--help" || a == "-h")
      o.help = true;
    else if (a == "--test-hand-scanner")
      o.testHandScanner = true;
    else if (a == "--test-readonly-store")
      o.testRefuseWrites = true;
    else if (a == "--test-admin")
      o.testAdmin = true;
    else if (a == "--test-locked")
      o.testLocked = true;
    else if (a == "--demo-checkins") {
      const std::string* v = value();
      int n = 0;
      if (v) {
        auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
        if (ec != std::errc() || end != v->data() + v->size()) n = 0;
      }
      if (n < 1 || n > 300)
        return core::invalidInput("--demo-checkins wants a number of patients from 1 to 300.");
      o.demoCheckins = n;
    } else if (a == "--rotation") {
      const std::string* v = value();
      if (!v || (*v != "0" && *v != "90" && *v != "180" && *v != "270"))
        return core::invalidInput("--rotation wants 0, 90, 180 or 270.");
      o.rotation = std::stoi(*v);
    } else if (a == "--data" || a == "--script" || a == "--size" || a == "--now" || a == "--list-dir" ||
               a == "--camera-files" || a == "--test-media" || a == "--test-work-pace") {
      const std::string* v = value();
      if (!v) return core::invalidInput(a + " needs a value.");
      if (a == "--data") {
        o.dataDir = *v;
        dataGiven = true;
      } else if (a == "--script") {
        o.script = *v;
      } else if (a == "--list-dir") {
        o.listDir = *v;
      } else if (a == "--camera-files") {
        o.cameraFiles = *v;
      } else if (a == "--test-media") {
        o.testMedia = *v;
      } else if (a == "--test-work-pace") {
        int64_t ms = -1;
        auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), ms);
        if (ec != std::errc() || end != v->data() + v->size() || ms < 0 || ms > 10'000)
          return core::invalidInput("--test-work-pace wants milliseconds from 0 to 10000.");
        o.testWorkPaceMs = ms;
      } else if (a == "--size") {
        auto s = parseSize(*v);
        if (!s.ok()) return s.error();
        o.width = s->first;
        o.height = s->second;
      } else {
        auto n = parseLocalInstant(*v);
        if (!n.ok()) return n.error();
        o.now = n.value();
      }
    } else {
      return core::invalidInput("Unknown option '" + a + "'.");
    }
  }
  if (o.testLocked && !o.script)
    return core::invalidInput("--test-locked is for scripted tests only (with --script).");
  if (o.testAdmin && !o.script)
    return core::invalidInput("--test-admin is for scripted tests only (with --script).");
  if (!o.testMedia.empty() && !o.script)
    return core::invalidInput("--test-media is for scripted tests only (with --script).");
  if (o.testWorkPaceMs > 0 && !o.script)
    return core::invalidInput("--test-work-pace is for scripted tests only (with --script).");
  if (o.demoCheckins > 0 && !o.demo) return core::invalidInput("--demo-checkins goes with --demo.");
  if (!dataGiven && !o.demo) {
    if (!xdgDataHome.empty())
      o.dataDir = std::filesystem::path(xdgDataHome) / "longstop";
    else if (!home.empty())
      o.dataDir = std::filesystem::path(home) / ".local/share/longstop";
    else
      return core::invalidInput("No data directory: give --data DIR (HOME and XDG_DATA_HOME are unset).");
  }
  return o;
}

}  // namespace longstop::app
