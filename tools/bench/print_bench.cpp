#include "print_bench.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "app/kiosk_app.h"
#include "app/script.h"
#include "app/script_runner.h"
#include "print/escpos.h"
#include "print/ticket_layout.h"
#include "service/kiosk.h"
#include "service/settings.h"
#include "service/site.h"
#include "service/staff.h"
#include "ui/i18n.h"

namespace longstop::bench {
namespace {

double nowMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

constexpr const char* kToTicket = R"(tap "Check in"
tap "Yes, I have an appointment"
type "07031984"
tap "Next"
tap "S"
tap "Female"
tap "Yes, check me in"
tap "No"
expect "Your number is"
)";

// A thermal printer's pace: 80 mm paper at about 100 mm/s is 576/8 bytes a row, 800 rows a second.
constexpr int kPrinterBytesPerSecond = 576 / 8 * 800;

// The same ticket in Polish (Latin script, the atlas's case) and in Urdu (Nastaliq, right to left).
print::TicketPrint sampleTicket(const std::string& lang) {
  print::TicketPrint t;
  t.practiceName = "Riverside Medical Practice";
  t.ticketNumber = "A042";
  t.language = lang;
  t.queueAndRoom = std::string(ui::trIn(lang, "GP appointments")) + " - 3";
  t.timeText =
      ui::fill(ui::trIn(lang, "Checked in at {time} on {date}"), {{"time", "09:41"}, {"date", "03/12/2026"}});
  t.pleaseWait = ui::trIn(lang, "Please wait until your number is called.");
  t.pleaseWaitEnglish = "Please wait until your number is called.";
  t.qrText = "LST1:K7QX-000123:9F3A11C0";
  return t;
}

bool renderFigures(Report& report) {
  auto font = print::Font::load(print::kTicketFontPath);
  if (!font.ok()) return false;
  for (const std::string lang : {"pl", "ur"}) {
    const print::TicketPrint t = sampleTicket(lang);
    for (int paper : {print::kDots58mm, print::kDots80mm}) {
      std::vector<double> ms;
      size_t bytes = 0;
      for (int i = 0; i < 30; ++i) {
        const double start = nowMs();
        auto picture = print::layoutTicket(t, paper, *font);
        if (!picture.ok()) return false;
        auto job = print::encodeJob(*picture);
        if (!job.ok()) return false;
        ms.push_back(nowMs() - start);
        bytes = job->size();
      }
      const std::string mm = paper == print::kDots58mm ? "58mm" : "80mm";
      const std::string suffix = lang == "pl" ? mm : mm + "_ur";
      report.add("print_render_ms_p50_" + suffix, percentile(ms, 50));
      report.add("print_job_bytes_" + suffix, static_cast<double>(bytes));
    }
  }
  // Every line of both tickets had a face for each of its letters.
  return font->linesWithMissingGlyphs() == 0;
}

// A demo site printing to `printer`, on the ticket screen after a check-in.
std::unique_ptr<app::KioskApp> kioskOnTicket(const std::filesystem::path& dir, const std::string& printer,
                                             core::ManualClock& clock) {
  auto recovery = service::createDemoSite(dir, clock);
  if (!recovery.ok()) return nullptr;
  {
    auto site = service::Site::open(dir, clock);
    if (!site.ok()) return nullptr;
    auto admin = service::recoverySession(*site.value(), recovery.value());
    if (!admin.ok() || !service::setSetting(*site.value(), *admin.value(), "printer.device", printer).ok())
      return nullptr;
  }
  app::AppOptions o;
  o.dataDir = dir;
  o.display = {1280, 800, false, false, "", 0};
  auto kiosk = app::KioskApp::open(o, clock);
  if (!kiosk.ok()) return nullptr;
  auto script = app::parseScript(kToTicket);
  app::ScriptRunner runner(*kiosk.value(), clock);
  if (script.error || !runner.run(script.commands, "print-bench").empty()) return nullptr;
  return std::move(kiosk.value());
}

}  // namespace

bool benchPrint(const std::filesystem::path& dir, Report& report) {
  if (!renderFigures(report)) return false;
  setenv("SDL_VIDEODRIVER", "offscreen", 1);
  setenv("SDL_RENDER_DRIVER", "software", 1);
  std::filesystem::create_directories(dir);
  core::ManualClock clock{{1764403200000, 0}};  // 2025-11-29 08:00 UTC

  // Printing off: the same screen, the same number of frames.
  std::vector<double> off;
  {
    auto a = kioskOnTicket(dir / "off", "none", clock);
    if (!a) return false;
    (void)a->runFrames(5);
    for (int i = 0; i < 60; ++i) {
      const double start = nowMs();
      a->frame();
      off.push_back(nowMs() - start);
    }
  }

  // A printer (a FIFO under /dev/shm, as printer.device takes only /dev paths) read at a thermal
  // printer's pace by a thread standing in for it.
  std::string fifoDir = "/dev/shm/longstop-bench-XXXXXX";
  if (::mkdtemp(fifoDir.data()) == nullptr) return false;
  const std::string fifo = fifoDir + "/lp0";
  if (::mkfifo(fifo.c_str(), 0600) != 0) return false;
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  // One page of pipe, as a printer's buffer is small: the job takes as long as the printer reads.
  if (reader < 0 || ::fcntl(reader, F_SETPIPE_SZ, 4096) < 0) return false;
  std::atomic<bool> stop{false};
  std::thread printer([&] {
    char buf[4096];
    while (!stop) {
      (void)!::read(reader, buf, sizeof buf);
      std::this_thread::sleep_for(
          std::chrono::microseconds(1'000'000LL * sizeof buf / kPrinterBytesPerSecond));
    }
  });
  std::vector<double> sending;
  {
    auto a = kioskOnTicket(dir / "printing", fifo, clock);
    if (a) {
      const uint64_t job = a->flow().state().printJob;
      (void)a->runFrames(5);  // warmed up as the other is
      // Every frame from the check-in on while the job is on its way (the worker lays it out, then
      // sends it), at most 60.
      while (sending.size() < 60 && a->printer().progress(job) == ui::PrintProgress::kSending) {
        const double start = nowMs();
        a->frame();
        sending.push_back(nowMs() - start);
      }
      a->printer().worker().TEST_waitFor(job);
    }
  }
  stop = true;
  printer.join();
  ::close(reader);
  std::error_code ec;
  std::filesystem::remove_all(fifoDir, ec);
  if (sending.empty()) {
    std::fprintf(stderr, "longstop-bench: no frame was drawn while a ticket was being sent\n");
    return false;
  }
  report.add("ticket_frame_ms_p50_printing_off", percentile(off, 50));
  report.add("ticket_frame_ms_p99_printing_off", percentile(off, 99));
  report.add("ticket_frame_ms_p50_while_sending", percentile(sending, 50));
  report.add("ticket_frame_ms_p99_while_sending", percentile(sending, 99));
  report.add("ticket_frame_sending_vs_off", percentile(sending, 50) / percentile(off, 50));
  report.add("ticket_frames_while_sending", static_cast<double>(sending.size()));
  return true;
}

}  // namespace longstop::bench
