// Printing from the kiosk, through the real app (SDL offscreen, software renderer) on a demo site in
// a real SQLite file: a check-in's ticket goes to a virtual printer on the print worker's thread, and
// the ticket screen says "Please take your ticket" or "Please remember your number" as the printer
// behaves; staff see one printer line on the console and can reprint. The virtual printers are real
// files, /dev/full, a missing path, and loopback TCP servers that answer DLE EOT, or never read.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "../print/escpos_decode.h"
#include "app/kiosk_app.h"
#include "app/kiosk_printer.h"
#include "app/print_worker.h"
#include "app/script.h"
#include "app/script_runner.h"
#include "print/escpos.h"
#include "print/picture_file.h"
#include "service/kiosk.h"
#include "service/settings.h"
#include "service/site.h"
#include "service/staff.h"
#include "service/staff_desk.h"
#include "support/temp_dir.h"
#include "ui/i18n.h"
#include "ui/ticket_printing.h"

using namespace longstop;
namespace fs = std::filesystem;

namespace {

// 2026-11-29 09:00 UTC.
constexpr int64_t kStartMs = 1795942800000;

fs::path shotsDir() {
  const char* d = std::getenv("LONGSTOP_TEST_SHOTS");
  fs::path p = d ? fs::path(d) : fs::temp_directory_path() / "longstop-shots";
  fs::create_directories(p);
  return p;
}

std::string zbarimg(const std::string& png) {
  std::string out;
  FILE* p = ::popen(("zbarimg -q --raw '" + png + "' 2>/dev/null").c_str(), "r");
  if (p == nullptr) return out;
  char buf[256];
  while (std::fgets(buf, sizeof buf, p) != nullptr) out += buf;
  ::pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// Where a job ends in a stream of ESC/POS bytes (0: not all there yet), for the virtual printer.
size_t jobEnd(const std::string& b, size_t i) {
  auto at = [&](size_t k) { return static_cast<uint8_t>(b[k]); };
  i += 2;  // ESC @
  while (i < b.size()) {
    if (at(i) == 0x1D && i + 7 < b.size() && b[i + 1] == 'v') {
      i += 8 + static_cast<size_t>(at(i + 4) | (at(i + 5) << 8)) * (at(i + 6) | (at(i + 7) << 8));
    } else if (at(i) == 0x1B && b[i + 1] == 'd') {
      i += 3;
    } else if (at(i) == 0x1D && b[i + 1] == 'V') {
      return i + 4 <= b.size() ? i + 4 : 0;
    } else if (i + 7 >= b.size()) {
      return 0;
    } else {
      return b.size();  // not a command the virtual printer knows: the rest is the job
    }
  }
  return 0;
}

// A network printer on loopback: answers DLE EOT as a ready printer, one out of paper or one with its
// cover open, keeping each job it takes whole; or accepts and never reads at all.
class TcpPrinter {
 public:
  enum class Kind { kReady, kPaperOut, kCoverOpen, kNeverReads };

  explicit TcpPrinter(Kind kind) : kind_(kind) {
    server_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(server_ >= 0);
    if (kind == Kind::kNeverReads) {
      int small = 4096;  // a full printer buffer soon: the kiosk's writes then wait for ever
      ::setsockopt(server_, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    }
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(server_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    REQUIRE(::getsockname(server_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    REQUIRE(::listen(server_, 4) == 0);
    REQUIRE(::pipe(stop_) == 0);
    address_ = "tcp:127.0.0.1:" + std::to_string(ntohs(a.sin_port));
    thread_ = std::thread([this] { serve(); });
  }
  ~TcpPrinter() {
    (void)!::write(stop_[1], "x", 1);
    thread_.join();
    ::close(server_);
    ::close(stop_[0]);
    ::close(stop_[1]);
  }
  const std::string& address() const { return address_; }
  std::vector<std::string> jobs() {
    std::lock_guard<std::mutex> lock(mutex_);
    return jobs_;
  }
  int statusAsked() const { return statusAsked_.load(); }

 private:
  char answer(int n) const {
    const uint8_t fixed = 0x12;  // bits 1 and 4 of every status byte
    switch (kind_) {
      case Kind::kPaperOut:
        return static_cast<char>(n == 1   ? fixed | 0x08
                                 : n == 2 ? fixed | 0x20
                                 : n == 4 ? fixed | 0x60
                                          : fixed);
      case Kind::kCoverOpen:
        return static_cast<char>(n == 1 ? fixed | 0x08 : n == 2 ? fixed | 0x04 : fixed);
      default:
        return static_cast<char>(fixed);
    }
  }
  // Returns false when asked to stop.
  bool waitReadable(int fd) {
    pollfd p[2] = {{fd, POLLIN, 0}, {stop_[0], POLLIN, 0}};
    ::poll(p, 2, -1);
    return (p[1].revents & POLLIN) == 0;
  }
  void serve() {
    for (;;) {
      if (!waitReadable(server_)) return;
      const int c = ::accept(server_, nullptr, nullptr);
      if (c < 0) continue;
      if (kind_ == Kind::kNeverReads) {
        (void)waitReadable(stop_[0]);  // holds the connection, reads nothing, until the test ends
        ::close(c);
        return;
      }
      std::string buf;
      size_t i = 0;
      char chunk[8192];
      while (waitReadable(c)) {
        const ssize_t n = ::read(c, chunk, sizeof chunk);
        if (n <= 0) break;
        buf.append(chunk, static_cast<size_t>(n));
        while (i < buf.size()) {
          if (buf[i] == 0x10 && i + 2 < buf.size() && buf[i + 1] == 0x04) {
            const char a = answer(buf[i + 2]);
            ++statusAsked_;
            (void)!::write(c, &a, 1);
            i += 3;
          } else if (buf[i] == 0x1B && i + 1 < buf.size() && buf[i + 1] == '@') {
            const size_t end = jobEnd(buf, i);
            if (end == 0) break;
            std::lock_guard<std::mutex> lock(mutex_);
            jobs_.push_back(buf.substr(i, end - i));
            i = end;
          } else if (i + 2 >= buf.size()) {
            break;
          } else {
            ++i;
          }
        }
      }
      ::close(c);
    }
  }

  const Kind kind_;
  int server_ = -1;
  int stop_[2] = {-1, -1};
  std::string address_;
  std::atomic<int> statusAsked_{0};
  std::mutex mutex_;
  std::vector<std::string> jobs_;  // guarded by mutex_
  std::thread thread_;
};

// The demo site with its reception card, the kiosk app open on it at w x h, printing to `printer`.
class PrintingKiosk {
 public:
  PrintingKiosk(const std::string& printer, const std::string& paper = "80", int w = 1280, int h = 800) {
    auto recovery = service::createDemoSite(dir_ / "site", clock_);
    REQUIRE(recovery.ok());
    recovery_ = recovery.value();
    auto card = service::addDemoCard(dir_ / "site", clock_, recovery_);
    REQUIRE(card.ok());
    card_ = card.value();
    setPrinter(printer, paper);
    app::AppOptions o;
    o.dataDir = dir_ / "site";
    o.display = {w, h, true, false, "", 0};
    auto opened = app::KioskApp::open(o, clock_);
    REQUIRE(opened.ok());
    app_ = std::move(opened.value());
    runner_ = std::make_unique<app::ScriptRunner>(*app_, clock_);
    runner_->setVariable("DEMO_CARD", card_.cardText);
    runner_->setVariable("DEMO_PIN", card_.pin);
  }

  /// As an administrator elsewhere would (longstopctl config set): the app reads it for the next job.
  void setPrinter(const std::string& printer, const std::string& paper = "80") {
    auto site = service::Site::open(dir_ / "site", clock_);
    REQUIRE(site.ok());
    auto admin = service::recoverySession(*site.value(), recovery_);
    REQUIRE(admin.ok());
    REQUIRE(service::setSetting(*site.value(), *admin.value(), "printer.device", printer).ok());
    REQUIRE(service::setSetting(*site.value(), *admin.value(), "printer.paper", paper).ok());
  }

  void run(const std::string& script) {
    auto parsed = app::parseScript(script);
    REQUIRE_FALSE(parsed.error);
    const std::string failure = runner_->run(parsed.commands, "test");
    INFO(failure);
    REQUIRE(failure.empty());
  }
  /// Ann Smith's appointment (D001), by her details, to the ticket.
  void checkInAnn() {
    run("tap \"Check in\"\ntap \"Yes, I have an appointment\"\ntype \"07031984\"\ntap \"Next\"\ntap \"S\"\n"
        "tap \"Female\"\ntap \"Yes, check me in\"\ntap \"No\"\nexpect \"Your number is\"\n");
  }
  /// Another demo appointment, by a scanned NHS number, to the ticket.
  void checkInByNhsNumber() {
    run("scan \"999 000 0026\"\ntap \"Yes, check me in\"\ntap \"No\"\nexpect \"Your number is\"\n");
  }
  void signIn() { run("scan \"$DEMO_CARD\"\ntype \"$DEMO_PIN\"\ntap \"Sign in\"\n"); }

  /// Waits (for a condition, not a time) until the job has ended, then lets the app see it.
  void waitForJob(uint64_t job) {
    app_->printer().worker().TEST_waitFor(job);
    (void)app_->tick();
    app_->frame();
  }
  uint64_t ticketJob() { return app_->flow().state().printJob; }
  bool shows(const std::string& text) { return app_->widgets().showsText(text); }
  std::string screen() { return app_->widgets().describe(); }

  app::KioskApp& app() { return *app_; }
  core::ManualClock& clock() { return clock_; }
  const fs::path& dir() const { return dir_.path(); }

 private:
  test::TempDir dir_;
  core::ManualClock clock_{core::Instant{kStartMs, 0}};
  std::string recovery_;
  service::DemoCard card_;
  std::unique_ptr<app::KioskApp> app_;
  std::unique_ptr<app::ScriptRunner> runner_;
};

// A printer device must be a path under /dev (printer.device says so): /dev/shm holds files that stand
// in for one.
class DevDir {
 public:
  DevDir() {
    std::string tmpl = "/dev/shm/longstop-printer-XXXXXX";
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
    test::writeAll(path_ / "lp0", "");
  }
  ~DevDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path lp() const { return path_ / "lp0"; }

 private:
  fs::path path_;
};

const char* kTake = "Please take your ticket";
const char* kRemember = "Please remember your number: ";

print::test::DecodedJob decodeFile(const fs::path& p) {
  return print::test::decodeJob(test::readAll(p));
}

}  // namespace

TEST_CASE("a check-in's ticket prints on the worker and the screen says to take it; its QR reads back") {
  REQUIRE(std::system("command -v zbarimg >/dev/null 2>&1") == 0);
  DevDir paper;
  const fs::path lp = paper.lp();
  PrintingKiosk k(lp.string(), "58");
  k.checkInAnn();
  const uint64_t job = k.ticketJob();
  REQUIRE(job != 0);
  const std::string ticket = k.app().flow().state().ticket->ticketNumber;
  k.waitForJob(job);
  INFO(k.screen());
  CHECK(k.shows(kTake));
  CHECK_FALSE(k.shows(kRemember));
  CHECK(k.shows(ticket));
  REQUIRE(k.app().screenshot(shotsDir() / "ticket-printed-1280x800.png").ok());

  const auto printed = decodeFile(lp);
  REQUIRE(printed.error.empty());
  CHECK(printed.cut);
  CHECK(printed.picture.width == print::kDots58mm);
  const std::string png = (shotsDir() / "kiosk-printed-ticket-58mm.png").string();
  REQUIRE(print::writePicturePng(printed.picture, png).ok());
  CHECK(zbarimg(png) == k.app().flow().state().ticket->qrText);
  // Nothing of the patient's in what the job says of itself.
  CHECK(k.app().printer().jobMessage(job).empty());
  CHECK(k.app().printer().faultLine().empty());
}

TEST_CASE(
    "while the ticket is being sent the screen claims nothing; a printer that hangs is given up on "
    "the app's clock and the patient is told to remember the number") {
  TcpPrinter hung(TcpPrinter::Kind::kNeverReads);
  PrintingKiosk k(hung.address());
  k.checkInAnn();
  const uint64_t job = k.ticketJob();
  REQUIRE(job != 0);
  const std::string ticket = k.app().flow().state().ticket->ticketNumber;
  // The worker is stuck on the printer; the frame loop is not.
  k.app().printer().worker().TEST_waitFor(job, /*sending=*/true);
  for (int i = 0; i < 3; ++i) {
    k.clock().advanceMs(app::kPrintGiveUpMs / 4);
    (void)k.app().tick();
    k.app().frame();
    INFO(k.screen());
    CHECK(k.shows("You are checked in"));
    CHECK_FALSE(k.shows(kTake));
    CHECK_FALSE(k.shows(kRemember));
  }
  CHECK(k.app().printer().progress(job) == ui::PrintProgress::kSending);
  k.clock().advanceMs(app::kPrintGiveUpMs / 4);
  CHECK(k.app().tick());
  k.app().frame();
  INFO(k.screen());
  CHECK(k.shows(kRemember + ticket));
  REQUIRE(k.app().screenshot(shotsDir() / "ticket-not-printed-1280x800.png").ok());
  CHECK(k.app().printer().faultLine() ==
        "Printer: not responding \u2014 check its paper and cover, then switch it off and on");

  // The kiosk goes on checking in, and the worker is free again for a printer that works.
  k.run("tap \"Done\"\n");
  DevDir paper;
  k.setPrinter(paper.lp().string());
  k.checkInByNhsNumber();
  k.waitForJob(k.ticketJob());
  CHECK(k.shows(kTake));
  CHECK(decodeFile(paper.lp()).cut);
  CHECK(k.app().printer().faultLine().empty());
}

TEST_CASE("each printer fault: the ticket screen says remember the number, the console says what to do") {
  struct Case {
    const char* name;
    TcpPrinter::Kind kind;  // kReady: the device path below instead
    std::string device;
    std::string line;
  };
  const std::vector<Case> cases = {
      {"absent", TcpPrinter::Kind::kReady, "/dev/longstop-no-printer/lp0",
       "Printer: not found \u2014 check its cable and that it is switched on"},
      {"refuses", TcpPrinter::Kind::kReady, "/dev/full",
       "Printer: refused the ticket \u2014 check its paper and cover, then switch it off and on"},
      {"nothing listening", TcpPrinter::Kind::kReady, "tcp:127.0.0.1:1",
       "Printer: not found \u2014 check its cable and that it is switched on"},
      {"paper out", TcpPrinter::Kind::kPaperOut, "", "Printer: paper out \u2014 load a new roll"},
      {"cover open", TcpPrinter::Kind::kCoverOpen, "", "Printer: cover open \u2014 close it"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      std::unique_ptr<TcpPrinter> server;
      std::string device = c.device;
      if (device.empty()) {
        server = std::make_unique<TcpPrinter>(c.kind);
        device = server->address();
      }
      PrintingKiosk k(device);
      k.checkInAnn();
      const std::string ticket = k.app().flow().state().ticket->ticketNumber;
      k.waitForJob(k.ticketJob());
      INFO(k.screen());
      CHECK(k.shows(kRemember + ticket));
      CHECK_FALSE(k.shows(kTake));
      if (server) {
        CHECK(server->statusAsked() >= 2);  // asked, and it said why it cannot print
        CHECK(server->jobs().empty());      // so no ticket was lost in it
      }
      // The check-in is kept; staff see the printer's line on the console, with what to do.
      k.run("tap \"Done\"\n");
      k.signIn();
      INFO(k.screen());
      CHECK(k.shows(c.line));
      CHECK(k.shows("Smith, Ann"));
      if (std::string(c.name) == "paper out") {
        REQUIRE(k.app().screenshot(shotsDir() / "console-printer-paper-out-1280x800.png").ok());
      }
    }
  }
}

TEST_CASE("a ready network printer is asked for its status, takes the ticket, and is asked again") {
  TcpPrinter ready(TcpPrinter::Kind::kReady);
  PrintingKiosk k(ready.address());
  k.checkInAnn();
  k.waitForJob(k.ticketJob());
  CHECK(k.shows(kTake));
  REQUIRE(ready.jobs().size() == 1);
  CHECK(ready.statusAsked() == 6);  // 1-4 before, 2 and 4 after
  const auto printed = print::test::decodeJob(ready.jobs()[0]);
  REQUIRE(printed.error.empty());
  CHECK(printed.picture.width == print::kDots80mm);
}

TEST_CASE("staff reprint a patient's ticket from the console; it says REPRINT and reads as the same ticket") {
  REQUIRE(std::system("command -v zbarimg >/dev/null 2>&1") == 0);
  DevDir paper;
  const fs::path lp = paper.lp();
  PrintingKiosk k(lp.string());
  k.checkInAnn();
  const std::string qr = k.app().flow().state().ticket->qrText;
  const auto firstJob = k.ticketJob();
  k.waitForJob(firstJob);
  const auto first = decodeFile(lp);
  REQUIRE(first.cut);
  k.run("tap \"Done\"\n");
  test::writeAll(lp, "");  // the roll is torn off
  k.signIn();
  k.run("tap \"A001\"\nexpect \"Reprint ticket\"\n");
  REQUIRE(k.app().screenshot(shotsDir() / "reception-reprint-1280x800.png").ok());
  k.run("tap \"Reprint ticket\"\nexpect \"A001: the ticket is being reprinted\"\n");
  const uint64_t reprint = k.app().printer().worker().TEST_lastSubmitted();
  REQUIRE(reprint > firstJob);
  k.waitForJob(reprint);
  const auto again = decodeFile(lp);
  REQUIRE(again.error.empty());
  REQUIRE(again.cut);
  // The REPRINT band: rows near the top that are almost all black, which the first print has not.
  auto dark = [](const print::Bitmap& b, int y) {
    int n = 0;
    for (int x = 0; x < b.width; ++x) n += b.at(x, y) ? 1 : 0;
    return n;
  };
  CHECK(dark(again.picture, 22) > again.picture.width * 8 / 10);
  CHECK(dark(first.picture, 22) < first.picture.width / 2);
  const std::string png = (shotsDir() / "kiosk-reprint-80mm.png").string();
  REQUIRE(print::writePicturePng(again.picture, png).ok());
  CHECK(zbarimg(png) == qr);
}

TEST_CASE("with printing off nothing is printed and the ticket screen says only that the patient is in") {
  PrintingKiosk k("none");
  k.checkInAnn();
  CHECK(k.ticketJob() == 0);
  k.app().frame();
  CHECK(k.shows("You are checked in"));
  CHECK_FALSE(k.shows(kTake));
  CHECK_FALSE(k.shows(kRemember));
  k.run("tap \"Done\"\n");
  k.signIn();
  k.run("tap \"A001\"\n");
  CHECK_FALSE(k.shows("Reprint ticket"));
}

TEST_CASE("the ticket screen's print sentences at 800x480, in larger text too") {
  TcpPrinter hung(TcpPrinter::Kind::kNeverReads);
  PrintingKiosk k(hung.address(), "80", 800, 480);
  k.checkInAnn();
  k.clock().advanceMs(app::kPrintGiveUpMs);
  (void)k.app().tick();
  k.app().frame();
  CHECK(k.shows(kRemember));
  REQUIRE(k.app().screenshot(shotsDir() / "ticket-not-printed-800x480.png").ok());
  k.run("tap \"Done\"\n");
  DevDir paper;
  k.setPrinter(paper.lp().string());
  k.checkInByNhsNumber();
  k.waitForJob(k.ticketJob());
  CHECK(k.shows(kTake));
  REQUIRE(k.app().screenshot(shotsDir() / "ticket-printed-800x480.png").ok());
}

TEST_CASE("a printed ticket says its words in the patient's language with English under them, never a name") {
  REQUIRE(std::system("command -v zbarimg >/dev/null 2>&1") == 0);
  service::Ticket t;
  t.recordId = "K7QX-000123";
  t.ticketNumber = "A042";
  t.queueId = "gp";
  t.queueName = "GP appointments";
  t.room = "Room 3";
  t.qrText = "LST1:K7QX-000123:9F3A11C0";
  // 09:41 on Thursday 3 December 2026.
  const core::Instant at{kStartMs + (4 * 24 * 60 + 41) * 60000, 0};
  auto font = print::Font::load(print::kTicketFontPath);
  REQUIRE(font.ok());
  for (const std::string lang : {"en", "pl"}) {
    const ui::TicketText text = ui::ticketText(t, "Riverside Medical Practice", at, lang);
    CHECK(ui::currentLanguage() == "en");  // the kiosk's language is left as it was
    CHECK(text.ticketNumber == "A042");
    CHECK(text.qrText == t.qrText);
    if (lang == "en") {
      CHECK(text.pleaseWait == "Please wait until your number is called.");
      CHECK(text.pleaseWaitEnglish.empty());
      CHECK(text.queueAndRoom == "GP appointments - Room 3");
      CHECK(text.timeText == "Checked in at 09:41 on 03/12/2026");
    } else {
      CHECK(text.pleaseWait == "Proszę zaczekać, aż numer zostanie wywołany.");
      CHECK(text.pleaseWaitEnglish == "Please wait until your number is called.");
      CHECK(text.queueAndRoom.find("(Room 3)") != std::string::npos);
      CHECK(text.timeText == "Zgłoszenie o 09:41, 03/12/2026");
    }
    const int paper = lang == "en" ? print::kDots80mm : print::kDots58mm;
    auto picture = print::layoutTicket(app::toPrint(text), paper, *font);
    REQUIRE(picture.ok());
    auto job = print::encodeJob(*picture);
    REQUIRE(job.ok());
    const auto printed = print::test::decodeJob(*job);
    REQUIRE(printed.error.empty());
    const std::string png =
        (shotsDir() / ("printed-ticket-" + std::string(lang == "en" ? "80mm-en" : "58mm-pl") + ".png"))
            .string();
    REQUIRE(print::writePicturePng(printed.picture, png).ok());
    CHECK(zbarimg(png) == t.qrText);
  }
}

namespace {

// The columns of `b` with ink in rows [top, bottom): {leftmost, rightmost}, or {-1, -1}.
std::pair<int, int> inkColumns(const print::Bitmap& b, int top, int bottom) {
  int left = -1, right = -1;
  for (int y = std::max(0, top); y < std::min(bottom, b.height); ++y)
    for (int x = 0; x < b.width; ++x)
      if (b.at(x, y)) {
        if (left < 0 || x < left) left = x;
        right = std::max(right, x);
      }
  return {left, right};
}

}  // namespace

TEST_CASE(
    "a ticket in every patient language prints each line in its own script, shaped, and its code reads") {
  REQUIRE(std::system("command -v zbarimg >/dev/null 2>&1") == 0);
  service::Ticket t;
  t.recordId = "K7QX-000123";
  t.ticketNumber = "A042";
  t.queueId = "gp";
  t.queueName = "GP appointments";
  t.room = "Room 3";
  t.qrText = "LST1:K7QX-000123:9F3A11C0";
  const core::Instant at{kStartMs + (4 * 24 * 60 + 41) * 60000, 0};
  auto font = print::Font::load(print::kTicketFontPath);
  REQUIRE(font.ok());
  REQUIRE(ui::languages().size() >= 19);
  for (const ui::Language& l : ui::languages()) {
    INFO(l.code);
    const ui::TicketText text = ui::ticketText(t, "Riverside Medical Practice", at, l.code);
    CHECK(text.language == l.code);
    const print::TicketPrint job = app::toPrint(text);
    CHECK(job.language == l.code);
    for (int paper : {print::kDots58mm, print::kDots80mm}) {
      const int missingBefore = font->linesWithMissingGlyphs();
      auto picture = print::layoutTicket(job, paper, *font);
      REQUIRE(picture.ok());
      // Every letter of every line had a face: no empty boxes on the patient's ticket.
      CHECK(font->linesWithMissingGlyphs() == missingBefore);
      // Nothing printed in the outermost 4 dots (the print head's edge), whatever the script.
      for (int y = 0; y < picture->height; ++y)
        for (int x : {0, 1, 2, 3, paper - 4, paper - 1}) REQUIRE_FALSE(picture->at(x, y));
      if (paper == print::kDots58mm && (l.code == "ur" || l.code == "bn" || l.code == "zh_CN")) {
        auto bytes = print::encodeJob(*picture);
        REQUIRE(bytes.ok());
        const auto printed = print::test::decodeJob(*bytes);
        REQUIRE(printed.error.empty());
        const std::string png = (shotsDir() / ("printed-ticket-58mm-" + l.code + ".png")).string();
        REQUIRE(print::writePicturePng(printed.picture, png).ok());
        CHECK(zbarimg(png) == t.qrText);
      }
    }
  }
}

TEST_CASE("an Urdu line prints in Nastaliq, as wide as it was measured, and unlike the same words in Naskh") {
  auto font = print::Font::load(print::kTicketFontPath);
  REQUIRE(font.ok());
  const std::string line = ui::trIn("ur", "Please wait until your number is called.");
  REQUIRE(line != "Please wait until your number is called.");
  const int px = 32;
  print::Bitmap urdu(1600, 160), naskh(1600, 160);
  font->draw(urdu, line, 20, 20, px, "ur");
  font->draw(naskh, line, 20, 20, px, "ar");
  CHECK(font->linesWithMissingGlyphs() == 0);
  const auto [left, right] = inkColumns(urdu, 0, urdu.height);
  REQUIRE(left >= 0);
  // The ink spans the measured width (a line of separate, unjoined letters would not match it).
  const int measured = font->measure(line, px, "ur");
  CHECK(right - left + 1 <= measured + 4);
  CHECK(right - left + 1 >= measured * 9 / 10);
  // The language chose the face: the reader of Arabic gets Naskh, a different picture.
  CHECK(urdu.dots != naskh.dots);
  CHECK(font->measure(line, px, "ar") != measured);
}

namespace {
// The sample ticket's QR text (print::testTicket).
const char* kTestPageQr = "LST1:TEST-000000:00000000";
}  // namespace

TEST_CASE("the admin screen prints a test page with the printer setting being edited, before it is saved") {
  REQUIRE(std::system("command -v zbarimg >/dev/null 2>&1") == 0);
  DevDir paper;
  test::TempDir dir;
  core::ManualClock clock{core::Instant{kStartMs, 0}};
  auto recovery = service::createDemoSite(dir / "site", clock);
  REQUIRE(recovery.ok());
  app::AppOptions o;
  o.dataDir = dir / "site";
  o.display = {1280, 800, true, false, "", 0};
  o.testAdmin = true;
  o.testRecoveryCode = recovery.value();
  auto opened = app::KioskApp::open(o, clock);
  REQUIRE(opened.ok());
  app::KioskApp& a = *opened.value();
  app::ScriptRunner runner(a, clock);
  auto script = app::parseScript(
      "tap \"More settings\"\ntap \"Ticket printer: Not used\"\nexpect \"Print a test page\"\n");
  REQUIRE_FALSE(script.error);
  {
    const std::string failure = runner.run(script.commands, "admin");
    INFO(failure << "\n" << a.widgets().describe());
    REQUIRE(failure.empty());
  }
  // The value typed replaces none; the page goes to it, and nothing is saved yet.
  for (int i = 0; i < 4; ++i) a.onKey(ui::Key::kBackspace);
  a.onText(paper.lp().string());
  auto press = app::parseScript("tap \"Print a test page\"\n");
  REQUIRE(runner.run(press.commands, "admin").empty());
  const uint64_t job = a.printer().worker().TEST_lastSubmitted();
  REQUIRE(job != 0);
  a.printer().worker().TEST_waitFor(job);
  (void)a.tick();
  a.frame();
  INFO(a.widgets().describe());
  CHECK(a.widgets().showsText("The test page went to the printer"));
  REQUIRE(a.screenshot(shotsDir() / "admin-printer-test-page-1280x800.png").ok());
  const auto printed = decodeFile(paper.lp());
  REQUIRE(printed.error.empty());
  CHECK(printed.picture.width == print::kDots80mm);
  const std::string png = (shotsDir() / "admin-test-page-80mm.png").string();
  REQUIRE(print::writePicturePng(printed.picture, png).ok());
  CHECK(zbarimg(png) == kTestPageQr);
  CHECK(service::getSetting(a.kiosk().siteData(), "printer.device").value() == "none");

  // A printer that is not there: said on the page, in words.
  for (size_t i = 0; i < paper.lp().string().size(); ++i) a.onKey(ui::Key::kBackspace);
  a.onText("/dev/longstop-no-printer/lp0");
  REQUIRE(runner.run(press.commands, "admin").empty());
  a.printer().worker().TEST_waitFor(a.printer().worker().TEST_lastSubmitted());
  (void)a.tick();
  a.frame();
  CHECK(a.widgets().showsText("There is no ticket printer at /dev/longstop-no-printer/lp0"));
}

TEST_CASE("the setup wizard's devices step prints a test page to the printer it found") {
  REQUIRE(std::system("command -v zbarimg >/dev/null 2>&1") == 0);
  DevDir paper;
  test::TempDir dir;
  core::ManualClock clock{core::Instant{kStartMs, 0}};
  app::AppOptions o;
  o.dataDir = dir / "site";
  fs::create_directories(o.dataDir);
  o.display = {1280, 800, true, false, "", 0};
  auto opened = app::KioskApp::open(o, clock);
  REQUIRE(opened.ok());
  app::KioskApp& a = *opened.value();
  REQUIRE(a.inSetup());
  app::ScriptRunner runner(a, clock);
  std::string recoveryCode;
  a.setOnShown([&](std::string_view name, std::string_view value) {
    runner.setVariable(std::string(name), std::string(value));
    if (name == "RECOVERY_CODE") {
      recoveryCode = std::string(value);
      runner.setVariable("RECOVERY_TAIL", std::string(value.substr(value.size() - 9)));
    }
  });
  auto walk = [&](const std::string& text) {
    auto s = app::parseScript(text);
    REQUIRE_FALSE(s.error);
    const std::string failure = runner.run(s.commands, "setup");
    INFO(failure << "\n" << a.widgets().describe());
    REQUIRE(failure.empty());
  };
  walk(R"(tap "Start a new site"
tap "Practice name"
type "Riverside Surgery"
tap "ODS code"
type "B82005"
tap "Next"
tap "Next"
tap "Next"
tap "Next"
tap "Next"
tap "No, it is wrong"
tap "Carry on without confirming"
tap "Name"
type "Ada Admin"
tap "PIN"
type "12345678"
tap "PIN again"
type "12345678"
tap "Create the site"
tap "I have photographed the card"
tap "I have written it down"
type "$RECOVERY_TAIL"
tap "Check"
expect "Receiving organisation's key"
)");
  // The printer named in the site's settings (as a settings file or longstopctl would set it).
  {
    auto site = service::Site::open(o.dataDir, clock);
    REQUIRE(site.ok());
    auto admin = service::recoverySession(*site.value(), recoveryCode);
    REQUIRE(admin.ok());
    REQUIRE(service::setSetting(*site.value(), *admin.value(), "printer.device", paper.lp().string()).ok());
  }
  walk("tap \"Skip for now\"\nexpect \"Ticket printer: found\"\ntap \"Print a test page\"\n");
  a.printer().worker().TEST_waitFor(a.printer().worker().TEST_lastSubmitted());
  (void)a.tick();
  a.frame();
  INFO(a.widgets().describe());
  CHECK(a.widgets().showsText("The test page went to the printer"));
  REQUIRE(a.screenshot(shotsDir() / "setup-printer-test-page-1280x800.png").ok());
  const auto printed = decodeFile(paper.lp());
  REQUIRE(printed.error.empty());
  CHECK(printed.picture.width == print::kDots58mm);
  const std::string png = (shotsDir() / "setup-test-page-58mm.png").string();
  REQUIRE(print::writePicturePng(printed.picture, png).ok());
  CHECK(zbarimg(png) == kTestPageQr);
}

TEST_CASE("the printer's screens at 800x480: the admin test page button, the console's printer line") {
  TcpPrinter paperOut(TcpPrinter::Kind::kPaperOut);
  PrintingKiosk k(paperOut.address(), "58", 800, 480);
  k.checkInAnn();
  k.waitForJob(k.ticketJob());
  k.run("tap \"Done\"\n");
  k.signIn();
  INFO(k.screen());
  CHECK(k.shows("Printer: paper out \u2014 load a new roll"));
  REQUIRE(k.app().screenshot(shotsDir() / "console-printer-paper-out-800x480.png").ok());
  k.run("tap \"A001\"\nexpect \"Reprint ticket\"\n");
  REQUIRE(k.app().screenshot(shotsDir() / "reception-reprint-800x480.png").ok());
}

TEST_CASE("the admin screen's printer setting with its test page button at 800x480") {
  test::TempDir dir;
  core::ManualClock clock{core::Instant{kStartMs, 0}};
  auto recovery = service::createDemoSite(dir / "site", clock);
  REQUIRE(recovery.ok());
  app::AppOptions o;
  o.dataDir = dir / "site";
  o.display = {800, 480, true, false, "", 0};
  o.testAdmin = true;
  o.testRecoveryCode = recovery.value();
  auto opened = app::KioskApp::open(o, clock);
  REQUIRE(opened.ok());
  app::KioskApp& a = *opened.value();
  app::ScriptRunner runner(a, clock);
  auto tapLabel = [&](const std::string& label) {
    auto s = app::parseScript("tap \"" + label + "\"\n");
    REQUIRE_FALSE(s.error);
    return runner.run(s.commands, "admin");
  };
  // Fewer settings to a page on the small screen: page on to the printer's.
  for (int page = 0; page < 8 && !a.widgets().showsText("Ticket paper width: 80 mm"); ++page) {
    REQUIRE(tapLabel("More settings").empty());
    a.frame();
  }
  REQUIRE(tapLabel("Ticket paper width: 80 mm").empty());
  const std::string failure = tapLabel("Print a test page");
  INFO(failure << "\n" << a.widgets().describe());
  REQUIRE(failure.empty());
  a.frame();
  // No printer is set yet: the page says so, and which setting to set.
  CHECK(a.widgets().showsText("No ticket printer is set"));
  REQUIRE(a.screenshot(shotsDir() / "admin-printer-paper-800x480.png").ok());
}
