// longstopctl printer test --data DIR [--device PRINTER] [--paper 58|80] [--out FILE.png]: a sample
// ticket, with the site's name and a QR code, for whoever sets the printer up. PRINTER is a device
// (/dev/usb/lp0) or tcp:HOST:PORT; without --device, the site's printer.device setting.
#include <cstdio>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "common.h"
#include "print/escpos.h"
#include "print/picture_file.h"
#include "print/port.h"
#include "print/ticket_layout.h"
#include "service/settings.h"

namespace longstop::ctl {
namespace {

constexpr int kSendTimeoutMs = 5000;

}  // namespace

int cmdPrinter(const Args& a) {
  if (a.words.size() != 2 || a.words[1] != "test")
    return usage("printer takes one word: longstopctl printer test --data DIR [--device PRINTER]");
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  std::string printer = a.get("device").value_or("");
  if (printer.empty()) {
    auto setting = service::getSetting(*site.value(), "printer.device");
    if (!setting.ok()) return fail(setting.error());
    printer = *setting;
  }
  std::string paper = a.get("paper").value_or("");
  if (paper.empty()) paper = service::getSetting(*site.value(), "printer.paper").value_or("80");
  if (paper != "58" && paper != "80") return usage("--paper is 58 or 80 (millimetres).");
  auto font = print::Font::load(print::kTicketFontPath);
  if (!font.ok()) return fail(font.error());

  const print::TicketPrint t = print::testTicket(site.value()->info().name, "longstopctl printer test");
  auto picture = print::layoutTicket(t, paper == "58" ? print::kDots58mm : print::kDots80mm, *font);
  if (!picture.ok()) return fail(picture.error());
  if (auto out = a.get("out")) {
    if (auto s = print::writePicturePng(*picture, *out); !s.ok()) return fail(s.error());
    std::printf("The test ticket's picture is in %s.\n", out->c_str());
  }
  if (printer == "none") {
    if (a.get("out")) return kExitOk;
    return fail(
        core::invalidInput("No ticket printer is set (printer.device is none); give --device PRINTER."));
  }
  auto job = print::encodeJob(*picture);
  if (!job.ok()) return fail(job.error());
  // The printer's own fault (absent, refusing, stuck) is the check failing, not a usage error.
  if (auto s = print::sendJob(printer, *job, kSendTimeoutMs); !s.ok()) {
    std::fprintf(stderr, "longstopctl: %s\n", s.error().message.c_str());
    return kExitCheckFailed;
  }
  std::printf("A test ticket went to %s (%zu bytes, %s mm paper).\n", printer.c_str(), job->size(),
              paper.c_str());
  return kExitOk;
}

}  // namespace longstop::ctl
