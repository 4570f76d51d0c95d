#include "speech_bench.h"

#include <SDL.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>

#include <imgui.h>

#include "app/audio_output.h"
#include "service/kiosk.h"
#include "speech/speaker.h"
#include "ui/patient_flow.h"
#include "ui/speech_out.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::bench {
namespace {
constexpr int kTouches = 40;

double nowMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// The sound device's queue (SDL's dummy driver), noting when the first audible samples (over 500, about
// -36 dBFS: espeak-ng's first pieces can be the silence before a word) since mark() arrived.
class TimedSink final : public speech::AudioSink {
 public:
  explicit TimedSink(app::AudioOutput& out) : out_(out) {}
  void play(const int16_t* samples, size_t count) override {
    bool audible = false;
    for (size_t i = 0; i < count && !audible; ++i) audible = samples[i] > 500 || samples[i] < -500;
    if (audible) {
      std::lock_guard lock(mutex_);
      if (!first_) first_ = nowMs();
    }
    out_.play(samples, count);
    wake_.notify_all();
  }
  void clear() override { out_.clear(); }
  void mark() {
    std::lock_guard lock(mutex_);
    first_.reset();
  }
  /// When the first audible samples since mark() were queued; nullopt after 5 s without any.
  std::optional<double> waitFirst() {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::seconds(5), [&] { return first_.has_value(); });
    return first_;
  }

 private:
  app::AudioOutput& out_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<double> first_;  // guarded by mutex_
};

struct SpeakerOut final : ui::SpeechOut {
  explicit SpeakerOut(speech::Speaker& s) : speaker(s) {}
  void say(const std::string& text, const std::string& language) override { speaker.say(text, language); }
  void stop() override { speaker.stop(); }
  speech::Speaker& speaker;
};

void frame(ui::PatientFlow& f) {
  ImGui::NewFrame();
  f.frame();
  ImGui::Render();
}
}  // namespace

bool benchSpeech(const std::filesystem::path& dir, Report& report) {
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  core::ManualClock clock({(core::daysFromCivil({2026, 11, 29}) * 1440 + 9 * 60) * 60000, 0});
  if (!service::createDemoSite(dir, clock).ok()) return false;
  auto kiosk = service::openKiosk(dir, clock);
  auto synth = speech::openEspeak();
  if (!kiosk.ok() || !synth.ok()) return false;
  auto audio = app::AudioOutput::open(synth.value()->rate());
  if (!audio) return false;
  TimedSink sink(*audio);
  speech::Speaker speaker(std::move(synth.value()), sink);
  SpeakerOut out(speaker);

  ImGuiContext* ctx = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60;
  const float px = ui::baseFontPx(1280, 800);
  bool ok = ui::loadFonts(*io.Fonts, px).ok();
  unsigned char* pixels = nullptr;
  int tw = 0, th = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
  ui::applyStyle(px);
  ui::WidgetLog log;
  ui::setWidgetLog(&log);
  std::vector<double> touches, direct;
  {
    ui::PatientFlow f(*kiosk.value(), clock);
    f.setSpeech(&out);
    f.onKeypad(ui::KeypadKey::kDigit, '5');  // Listen on
    frame(f);
    frame(f);
    speaker.TEST_waitIdle();
    // Two controls of Welcome, touched in turn: each touch is a first touch, which speaks its label.
    const char* labels[] = {"Check in", "Larger text"};
    for (int i = 0; i < kTouches && ok; ++i) {
      const ui::WidgetRecord* w = log.findClickable(labels[i % 2]);
      if (!w) {
        ok = false;
        break;
      }
      io.MousePos = ImVec2((w->min.x + w->max.x) / 2, (w->min.y + w->max.y) / 2);
      io.MouseDown[0] = true;
      log.clear();
      frame(f);
      io.MouseDown[0] = false;
      sink.mark();
      const double start = nowMs();
      log.clear();
      frame(f);  // the finger lifts: the guide takes the touch and the flow says the label
      auto first = sink.waitFirst();
      if (!first) ok = false;
      if (first) touches.push_back(*first - start);
      speaker.TEST_waitIdle();
      clock.advanceMs(2000);
    }
    // The baseline: the same labels handed to the speaker directly.
    for (int i = 0; i < kTouches && ok; ++i) {
      sink.mark();
      const double start = nowMs();
      speaker.say(labels[i % 2], "en");
      auto first = sink.waitFirst();
      if (!first) ok = false;
      if (first) direct.push_back(*first - start);
      speaker.TEST_waitIdle();
    }
    speaker.stop();
  }
  ui::setWidgetLog(nullptr);
  ImGui::DestroyContext(ctx);
  if (!ok || touches.empty()) return false;
  report.add("touch_to_speech_ms_p50", percentile(touches, 50));
  report.add("touch_to_speech_ms_p99", percentile(touches, 99));
  report.add("speech_first_samples_ms_p50", percentile(direct, 50));
  return true;
}

}  // namespace longstop::bench
