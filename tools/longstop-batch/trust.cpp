// trust add | list | remove: which kiosks' signing keys this PC accepts batches from. First contact is
// a person copying (or photographing) the trust code from the kiosk's admin screen, never a batch.
#include <cstdio>
#include <ctime>
#include <set>

#include "batch_tool.h"
#include "scan/decoder.h"
#include "scan/image_file.h"

namespace longstop::batchtool {
namespace {

std::string nowUtc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The code from the words after `add` (a code typed in groups arrives as several words), or from the
// one LSD1 code in a photo of the admin screen.
core::Result<exporter::DeviceCode> codeFrom(const Args& a) {
  if (auto image = a.get("image")) {
    if (a.words.size() != 2) return core::invalidInput("Give either a code or --image PHOTO, not both.");
    auto img = scan::loadGrayImage(*image);
    if (!img.ok()) return img.error();
    std::set<std::string> found;
    for (const auto& code : scan::Decoder().decodeAll(*img))
      if (code.text.starts_with("LSD1:")) found.insert(code.text);
    if (found.empty())
      return core::notFound("No trust code (LSD1) was found in " + *image +
                            ". Take the photo closer and straight "
                            "on, or type the code shown under the QR code.");
    if (found.size() > 1)
      return core::invalidInput(*image +
                                " shows more than one trust code; photograph one kiosk's screen at a time.");
    return exporter::parseDeviceCode(*found.begin());
  }
  if (a.words.size() < 3)
    return core::invalidInput(
        "trust add needs the code from the kiosk's admin screen (LSD1:...), or --image PHOTO.");
  std::string typed;
  for (size_t i = 2; i < a.words.size(); ++i) typed += a.words[i] + " ";
  return exporter::parseDeviceCode(typed);
}

// ODS-DEVICE as `trust list` shows it: B82005-K7QX.
bool splitKiosk(const std::string& name, std::string* ods, std::string* device) {
  const size_t dash = name.rfind('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 == name.size()) return false;
  *ods = name.substr(0, dash);
  *device = name.substr(dash + 1);
  return true;
}

int add(const Args& a, const std::string& path, exporter::TrustStore store) {
  auto code = codeFrom(a);
  if (!code.ok()) return fail(code.error());
  const std::string who = code->odsCode + "-" + code->deviceId;
  const std::string key = exporter::keyForReading(code->signPublicKey);
  auto outcome = exporter::addTrusted(store, *code, nowUtc(), a.has("replace"));
  if (!outcome.ok()) return fail(outcome.error());
  if (*outcome == exporter::AddOutcome::kAlreadyTrusted) {
    std::printf("Kiosk %s was already trusted with this key (%s); nothing changed.\n", who.c_str(),
                key.c_str());
    return ctl::kExitOk;
  }
  if (auto s = replaceFileAtomically(path, exporter::formatTrustStore(store)); !s.ok())
    return fail(s.error());
  if (*outcome == exporter::AddOutcome::kReplaced)
    std::printf(
        "Kiosk %s is now trusted with its new key %s; batches signed by its old key will be refused.\n",
        who.c_str(), key.c_str());
  else
    std::printf(
        "Kiosk %s is now trusted on this PC with key %s; its batches will verify here, and any signed by "
        "another key will be refused.\n",
        who.c_str(), key.c_str());
  std::printf("Trust store: %s\n", path.c_str());
  return ctl::kExitOk;
}

int list(const std::string& path, const exporter::TrustStore& store) {
  if (store.devices.empty()) {
    std::printf(
        "No kiosk is trusted on this PC yet (%s). Add one with `longstop-batch trust add` and the code on "
        "its admin screen.\n",
        path.c_str());
    return ctl::kExitOk;
  }
  for (const auto& d : store.devices)
    std::printf("%s-%s  key %s  added %s\n", d.code.odsCode.c_str(), d.code.deviceId.c_str(),
                exporter::keyForReading(d.code.signPublicKey).c_str(), d.addedUtc.c_str());
  std::printf("Trust store: %s\n", path.c_str());
  return ctl::kExitOk;
}

int remove(const Args& a, const std::string& path, exporter::TrustStore store) {
  std::string ods, device;
  if (a.words.size() != 3 || !splitKiosk(a.words[2], &ods, &device))
    return usage("trust remove needs one kiosk as `trust list` shows it, e.g. B82005-K7QX.");
  if (auto s = exporter::removeTrusted(store, ods, device); !s.ok()) return fail(s.error());
  if (auto s = replaceFileAtomically(path, exporter::formatTrustStore(store)); !s.ok())
    return fail(s.error());
  std::printf("Kiosk %s-%s is no longer trusted; its batches will be refused until it is added again.\n",
              ods.c_str(), device.c_str());
  return ctl::kExitOk;
}

}  // namespace

int cmdTrust(const Args& a) {
  if (a.words.size() < 2) return usage("trust needs add, list or remove; run `longstop-batch --help`.");
  auto path = trustStorePath(a);
  if (!path.ok()) return fail(path.error());
  // A damaged store is never overwritten: whatever it held may be someone's only record of a key.
  auto store = loadTrustStore(*path);
  if (!store.ok()) return fail(store.error());
  const std::string& sub = a.words[1];
  if (sub == "add") return add(a, *path, std::move(store.value()));
  if (sub == "list")
    return a.words.size() == 2 ? list(*path, *store) : usage("trust list takes no other words.");
  if (sub == "remove") return remove(a, *path, std::move(store.value()));
  return usage("Unknown trust command '" + sub + "'; it is add, list or remove.");
}

}  // namespace longstop::batchtool
