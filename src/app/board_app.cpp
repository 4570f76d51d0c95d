#include "app/board_app.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>
#include <utility>

#include <SDL.h>

#include "app/kiosk_app.h"
#include "app/png.h"
#include "app/system_notify.h"
#include "core/date.h"

namespace longstop::app {
namespace {
// The newest call stays highlighted this long.
constexpr int64_t kHighlightMs = 30'000;
}  // namespace

core::Result<std::unique_ptr<BoardApp>> BoardApp::open(const std::filesystem::path& dataDir,
                                                       const DisplayOptions& d, const core::Clock& clock,
                                                       bool sound, bool replicate) {
  std::unique_ptr<BoardApp> app(new BoardApp());
  app->clock_ = &clock;
  auto feed = service::BoardFeed::open(dataDir);
  if (!feed.ok()) return feed.error();
  app->feed_ = std::move(feed.value());
  auto display = Display::open(d);
  if (!display.ok()) return display.error();
  app->display_ = std::move(display.value());
  if (sound) app->audio_ = AudioOutput::open();
  if (replicate) app->site_ = std::make_unique<SiteReplication>(dataDir);
  ui::setWidgetLog(&app->widgets_);
  (void)app->poll();
  return app;
}

bool BoardApp::poll() {
  const auto now = clock_->now();
  std::string clockText = core::formatClockTime(now.localMinutes());
  bool changed = clockText != view_.clock;
  view_.clock = clockText;
  bool highlight = !view_.calls.empty() && now.unixMs - newestAtMs_ < kHighlightMs;
  changed |= highlight != view_.highlightNewest;
  view_.highlightNewest = highlight;
  changed |= followSite(now);
  if (feed_->changed() || newestSeq_ < 0) changed |= read(now);
  // The alarm repeats on the clock whether or not anything was written since the last read.
  if (alarm_.due(view_.urgentTickets, now.unixMs)) {
    alarmDue_ = true;
    ++urgentAlarms_;
  }
  return changed;
}

// "Heard" is a peer's server answering this board's puller, not an event arriving: a quiet morning
// with nothing called is not stale, a cut cable is.
bool BoardApp::followSite(const core::Instant& now) {
  if (!site_) return false;
  auto s = site_->step(now.unixMs);
  const std::string problem = s.ok() ? "" : s.error().message;
  if (!problem.empty() && problem != siteProblem_)
    std::fprintf(stderr, "longstop: the site's replication: %s\n", problem.c_str());
  siteProblem_ = problem;
  const replica::SiteRunner* runner = site_->runner();
  if (!runner) return false;
  if (!lastHeardMs_) lastHeardMs_ = now.unixMs;  // counted from when replication began
  for (const auto& link : runner->status().links)
    if (!link.peer.empty() && link.connected) lastHeardMs_ = now.unixMs;
  std::string since;
  if (now.unixMs - *lastHeardMs_ >= kBoardStaleMs)
    since = core::formatClockTime(core::Instant{*lastHeardMs_, now.utcOffsetMinutes}.localMinutes());
  return std::exchange(view_.notUpdatedSince, since) != since;
}

bool BoardApp::read(const core::Instant& now) {
  auto state = feed_->read(now);
  if (!state.ok()) return false;
  view_.siteName = state->siteName;
  view_.calls.clear();
  for (const auto& c : state->recentCalls) view_.calls.push_back({c.ticket, c.room});
  view_.waitingPerQueue = state->waitingPerQueue;
  view_.urgentTickets = state->urgentTickets;
  int64_t newest = state->recentCalls.empty() ? 0 : state->recentCalls.front().stamp;
  if (newestSeq_ >= 0) {
    // Every call stamped after the newest seen, oldest first. A call that arrives late from a peer
    // that was cut off, stamped before that, is listed but not announced: it was made a while ago.
    for (auto it = state->recentCalls.rbegin(); it != state->recentCalls.rend(); ++it)
      if (it->stamp > newestSeq_ && announcements_.push({it->stamp, it->ticket, it->room})) ++announcedCalls_;
  }
  if (newest > newestSeq_ && !state->recentCalls.empty()) newestAtMs_ = now.unixMs;
  newestSeq_ = std::max(newestSeq_, newest);
  view_.highlightNewest = !view_.calls.empty() && now.unixMs - newestAtMs_ < kHighlightMs;
  return true;
}

void BoardApp::playNext() {
  if (std::exchange(alarmDue_, false) && audio_) audio_->play(makeUrgentTone(audio_->rate()));
  if (!audio_) {
    while (announcements_.next(false)) {
    }  // silent: nothing to say them with
    return;
  }
  if (auto a = announcements_.next(audio_->busy())) {
    audio_->play(makeChime(audio_->rate()));
    if (auto speech = speak(spokenText(*a), audio_->rate())) audio_->play(*speech);
  }
}

void BoardApp::frame(Image* capture) {
  widgets_.clear();
  display_->beginFrame(std::nullopt);
  ui::board::drawBoard(view_);
  (void)display_->endFrame(capture);
}

core::Status BoardApp::screenshot(const std::filesystem::path& png) {
  Image image;
  widgets_.clear();
  display_->beginFrame(std::nullopt);
  ui::board::drawBoard(view_);
  if (auto s = display_->endFrame(&image); !s.ok()) return s;
  return writePng(image, png);
}

void BoardApp::run(const std::atomic<bool>* stop) {
  frame();
  drawnCallSeq_ = std::max<int64_t>(newestSeq_, 0);
  notifyReady();
  bool quit = false;
  while (!quit && !KioskApp::stopRequested() && !(stop != nullptr && stop->load())) {
    notifyAlive();
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
      display_->processEvent(e);
      if (e.type == SDL_QUIT) quit = true;
    }
    // The call is drawn first, then said: making the speech takes espeak-ng a moment, and the screen
    // should not wait for it.
    if (poll()) {
      frame();
      drawnCallSeq_ = std::max<int64_t>(newestSeq_, 0);
    }
    if (announcements_.pending() > 0 || alarmDue_) playNext();
    std::this_thread::sleep_for(std::chrono::milliseconds(kBoardPollMs));
  }
  notifyStopping();
}

std::string BoardApp::runScript(const std::vector<ScriptCommand>& commands, const std::string& name,
                                core::ManualClock& clock) {
  using Kind = ScriptCommand::Kind;
  frame();
  for (const auto& c : commands) {
    std::string why;
    switch (c.kind) {
      case Kind::kWait:
        for (int64_t left = c.waitMs; left > 0; left -= kBoardPollMs) {
          clock.advanceMs(std::min(left, kBoardPollMs));
          if (poll()) frame();
          if (announcements_.pending() > 0 || alarmDue_) playNext();
        }
        break;
      case Kind::kExpect:
        (void)poll();
        frame();
        if (!widgets_.showsText(c.text)) why = "not visible\n  on screen:\n" + widgets_.describe();
        break;
      case Kind::kExpectNot:
        (void)poll();
        frame();
        if (widgets_.showsText(c.text)) why = "visible, but should not be";
        break;
      case Kind::kAwait: {
        // Another device's call arrives in real time; the board's clock stays where the script put it.
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(c.waitMs);
        for (;;) {
          (void)poll();
          frame();
          if (widgets_.showsText(c.text)) break;
          if (std::chrono::steady_clock::now() > until) {
            why = "not visible within " + std::to_string(c.waitMs / 1000) + " s\n  on screen:\n" +
                  widgets_.describe();
            break;
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        break;
      }
      case Kind::kScreenshot: {
        (void)poll();
        auto s = screenshot(c.text);
        if (!s.ok()) why = s.error().message;
        break;
      }
      default:
        why = "the board takes only wait, await, expect, expect-not and screenshot";
    }
    if (!why.empty())
      return name + ":" + std::to_string(c.line) + ": " + std::string(commandName(c.kind)) + " \"" + c.text +
             "\": " + why;
  }
  return "";
}

}  // namespace longstop::app
