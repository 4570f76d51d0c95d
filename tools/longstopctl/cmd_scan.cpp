// longstopctl scan [--json] [--data DIR] FILE...: reads the code in each PNG/JPEG picture and says what
// it is. With --data the MACs are checked against that site; without, well-formed codes are "not checked".
// Exit status: 0 every file held a code, 1 some held none, 2 some could not be read (or bad usage).
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "common.h"
#include "scan/decoder.h"
#include "scan/image_file.h"
#include "service/scan_actions.h"

namespace longstop::ctl {
namespace {

struct Line {
  std::string file;
  bool readable = false;
  std::string error;
  std::optional<scan::DecodedCode> code;
  service::ScanOutcome outcome;
};

void printText(const Line& l) {
  if (!l.readable) return;  // said on stderr
  if (!l.code) {
    std::printf("%s: no code found\n", l.file.c_str());
    return;
  }
  std::printf("%s: %s\n  %s (%s), %s: %s\n", l.file.c_str(), l.code->text.c_str(),
              std::string(core::payloadKindName(l.outcome.kind)).c_str(), l.code->format.c_str(),
              std::string(service::scanValidityName(l.outcome.validity)).c_str(), l.outcome.message.c_str());
}

std::string jsonLine(const Line& l) {
  nlohmann::ordered_json j{{"file", l.file}};
  if (!l.readable) {
    j["error"] = l.error;
  } else if (!l.code) {
    j["found"] = false;
  } else {
    j["found"] = true;
    j["text"] = l.code->text;
    j["format"] = l.code->format;
    j["kind"] = core::payloadKindName(l.outcome.kind);
    j["validity"] = service::scanValidityName(l.outcome.validity);
    j["message"] = l.outcome.message;
  }
  // A code's text is whatever the picture held: bytes that are not UTF-8 become U+FFFD, not an exception.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

int cmdScan(const Args& a) {
  if (a.words.size() < 2) return usage("scan needs at least one PNG or JPEG file.");
  std::unique_ptr<service::Site> site;
  if (a.get("data")) {
    auto s = openSite(a);
    if (!s) return fail(s.error());
    site = std::move(s.value());
  }
  const bool json = a.has("json");
  const scan::Decoder decoder;
  bool unreadable = false, missing = false;
  if (json) std::printf("[");
  for (size_t i = 1; i < a.words.size(); ++i) {
    Line l;
    l.file = a.words[i];
    auto frame = scan::loadGrayImage(l.file);
    if (!frame) {
      unreadable = true;
      l.error = frame.error().message;
      std::fprintf(stderr, "longstopctl: %s\n", l.error.c_str());
    } else {
      l.readable = true;
      l.code = decoder.decode(*frame);
      if (l.code)
        l.outcome =
            site ? service::classifyScan(*site, l.code->text) : service::classifyScanUnchecked(l.code->text);
      else
        missing = true;
    }
    if (json)
      std::printf("%s%s", i > 1 ? "," : "", jsonLine(l).c_str());
    else
      printText(l);
  }
  if (json) std::printf("]\n");
  return unreadable ? kExitUsage : missing ? kExitCheckFailed : kExitOk;
}

}  // namespace longstop::ctl
