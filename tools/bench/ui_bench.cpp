#include "ui_bench.h"

#include "glyph_atlas_bench.h"

#include <SDL.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <imgui.h>

#include "app/kiosk_app.h"
#include "app/script.h"
#include "app/script_runner.h"
#include "service/kiosk.h"
#include "ui/i18n.h"
#include "ui/shaping/text_cache.h"

namespace longstop::bench {
namespace {

double processCpuMs() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
         (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

// A patient's walk to the ticket screen on the demo site (appointment D001: 1984-03-07, S, Female).
constexpr const char* kToTicket = R"(tap "Check in"
tap "Yes, I have an appointment"
tap "0"
tap "7"
tap "0"
tap "3"
type "1984"
tap "Next"
tap "S"
tap "Female"
tap "Yes, check me in"
tap "No"
expect "Your number is"
)";

// The same walk in another language, from the ticket screen in language `from`: Done, the language
// list (its button names Welsh and Polish in every language), then the translated labels.
struct Walk {
  const char* code;
  const char* listName;
  const char* dob;  // another demo patient each time: one check-in per appointment
  const char* initial;
  const char* sex;
};
std::string toTicketIn(const char* from, const Walk& w) {
  const char* code = w.code;
  auto t = [&](const char* english) { return std::string(ui::trIn(code, english)); };
  std::string s = "tap \"" + std::string(ui::trIn(from, "Done")) + "\"\ntap \"Cymraeg \u00b7 Polski\"\n";
  s += "tap \"" + std::string(w.listName) + "\"\n";
  for (const char* label : {"Check in", "Yes, I have an appointment"}) s += "tap \"" + t(label) + "\"\n";
  s += "type \"" + std::string(w.dob) + "\"\ntap \"" + t("Next") + "\"\ntap \"" + w.initial + "\"\n";
  for (const char* label : {w.sex, "Yes, check me in", "No"}) s += "tap \"" + t(label) + "\"\n";
  return s + "expect \"" + t("Your number is") + "\"\n";
}
}  // namespace

bool benchUi(const std::filesystem::path& dir, Report& report) {
  setenv("SDL_VIDEODRIVER", "offscreen", 1);
  core::ManualClock clock{{1764403200000, 0}};  // 2025-11-29 08:00 UTC
  if (!service::createDemoSite(dir / "site", clock).ok()) return false;
  app::AppOptions o;
  o.dataDir = dir / "site";
  // Not headless: with SDL's offscreen driver, which cannot sleep until an event arrives, the kiosk then
  // takes the path it takes on the appliance under KMSDRM (look for input every 40 ms). Headless, it
  // would sleep through the whole timeout and the idle figure would flatter.
  setenv("SDL_RENDER_DRIVER", "software", 1);
  o.display = {1280, 800, false, false, "", 0};
  auto kiosk = app::KioskApp::open(o, clock);
  if (!kiosk.ok()) {
    std::fprintf(stderr, "longstop-bench: %s\n", kiosk.error().message.c_str());
    return false;
  }
  app::KioskApp& a = *kiosk.value();
  auto script = app::parseScript(kToTicket);
  if (script.error) return false;
  app::ScriptRunner runner(a, clock);
  if (const std::string err = runner.run(script.commands, "ui-bench"); !err.empty()) {
    std::fprintf(stderr, "longstop-bench: could not reach the ticket screen: %s\n", err.c_str());
    return false;
  }
  (void)a.runFrames(5);  // warm up the glyph cache and textures
  const auto frames = a.runFrames(100);
  report.add("frame_cpu_ms_p50", percentile(frames, 50));
  report.add("frame_cpu_ms_p99", percentile(frames, 99));

  // The same ticket screen in Urdu (Nastaliq, right to left) and Bengali, drawn through the shaper and
  // its cache of line textures: their cost against English's, in this run.
  const double english = percentile(frames, 50);
  const char* from = "en";
  for (const Walk& w :
       {Walk{"ur", "Urdu", "15061990", "K", "Male"}, Walk{"bn", "Bengali", "30092001", "O", "Female"}}) {
    const char* code = w.code;
    auto walk = app::parseScript(toTicketIn(from, w));
    from = code;
    if (walk.error) return false;
    if (const std::string err = runner.run(walk.commands, "ui-bench"); !err.empty()) {
      std::fprintf(stderr, "longstop-bench: could not reach the %s ticket screen: %s\n", code, err.c_str());
      return false;
    }
    (void)a.runFrames(5);
    const auto shaped = a.runFrames(100);
    const double p50 = percentile(shaped, 50);
    report.add(std::string("frame_cpu_ms_p50_") + code, p50);
    report.add(std::string("frame_cpu_ratio_") + code + "_vs_en", english > 0 ? p50 / english : 0);
  }
  report.add("shaped_text_cache_kib", ui::shaping::cache().textureBytes() / 1024.0);
  report.add("shaped_text_cache_lines", static_cast<double>(ui::shaping::cache().lines()));
  // The same lines' glyphs in ImGui's atlas instead (the alternative docs/decisions.md weighs).
  AtlasInput atlas;
  for (const auto& [key, cached] : ui::shaping::cache().cached()) atlas.lines.push_back(cached.line);
  atlas.atlasW = ImGui::GetIO().Fonts->TexWidth;
  atlas.atlasH = ImGui::GetIO().Fonts->TexHeight;
  atlas.lineTextureBytes = ui::shaping::cache().textureBytes();
  // A glyph new to the atlas means rebuilding it whole (ImGui 1.86 has no way to add one) and
  // uploading it again: the rebuild, timed on the kiosk's own atlas (the same pixels come out).
  ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  const auto rebuildStart = std::chrono::steady_clock::now();
  fonts->ClearTexData();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  atlas.rebuildMs = msSince(rebuildStart);
  benchGlyphAtlas(atlas, report);
  ui::setLanguage("en");  // as for the next patient: what follows is measured in English

  // At rest: the real event loop for 10 s with nobody touching it. Baseline: the same 10 s of a
  // thread that only sleeps, so the figure shows what the loop itself costs.
  const double kSeconds = 10;
  const double before = processCpuMs();
  std::atomic<bool> stop{false};
  std::thread stopper([kSeconds, &stop] {
    std::this_thread::sleep_for(std::chrono::duration<double>(kSeconds));
    stop = true;
  });
  a.run(&stop);
  stopper.join();
  const double used = processCpuMs() - before;
  report.add("idle_cpu_percent", 100.0 * used / (kSeconds * 1000.0));
  report.add("idle_cpu_ms_per_10s", used);
  return true;
}

}  // namespace longstop::bench
