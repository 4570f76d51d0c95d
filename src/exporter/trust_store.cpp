#include "exporter/trust_store.h"

#include "crypto/primitives.h"

namespace longstop::exporter {
namespace {

constexpr std::string_view kHeader =
    "# Kiosks whose batches this PC accepts: each line is a kiosk's trust code (from its admin screen) and\n"
    "# when it was added here. Change it with `longstop-batch trust add` and `longstop-batch trust "
    "remove`.\n";
constexpr std::string_view kWhereTheCodeIs = "its admin screen (Admin, then \"Code for the receiving PC\")";

// YYYY-MM-DDTHH:MM:SSZ, digits where digits go: the shape the writer uses, nothing looser.
bool isUtcStamp(std::string_view s) {
  constexpr std::string_view shape = "0000-00-00T00:00:00Z";
  if (s.size() != shape.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (shape[i] == '0' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i]) return false;
  return true;
}

std::string kiosk(std::string_view ods, std::string_view device) {
  return std::string(ods) + "-" + std::string(device);
}

}  // namespace

const TrustedDevice* TrustStore::find(std::string_view odsCode, std::string_view deviceId) const {
  for (const auto& d : devices)
    if (d.code.odsCode == odsCode && d.code.deviceId == deviceId) return &d;
  return nullptr;
}

core::Result<TrustStore> parseTrustStore(std::string_view text) {
  TrustStore store;
  std::vector<int> lineOf;  // the line each device was read from, for the duplicate message
  int n = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++n;
    if (line.ends_with('\r')) line.remove_suffix(1);  // edited on Windows: harmless
    if (line.empty() || line.front() == '#') continue;
    auto bad = [&](const std::string& what) {
      return core::invalidInput("line " + std::to_string(n) + ": " + what);
    };
    const size_t space = line.find(' ');
    if (space == std::string_view::npos || !isUtcStamp(line.substr(space + 1)))
      return bad("expected a trust code, one space and the time it was added (2026-12-02T20:54:06Z).");
    auto code = parseDeviceCode(line.substr(0, space));
    if (!code.ok()) return bad(code.error().message);
    for (size_t i = 0; i < store.devices.size(); ++i)
      if (store.devices[i].code.odsCode == code->odsCode && store.devices[i].code.deviceId == code->deviceId)
        return bad("kiosk " + kiosk(code->odsCode, code->deviceId) + " is listed again (first at line " +
                   std::to_string(lineOf[i]) + "); a kiosk has one key.");
    store.devices.push_back({std::move(code.value()), std::string(line.substr(space + 1))});
    lineOf.push_back(n);
  }
  return store;
}

std::string formatTrustStore(const TrustStore& store) {
  std::string out(kHeader);
  for (const auto& d : store.devices) out += formatDeviceCode(d.code) + " " + d.addedUtc + "\n";
  return out;
}

core::Result<AddOutcome> addTrusted(TrustStore& store, const DeviceCode& code, std::string addedUtc,
                                    bool replace) {
  for (auto& d : store.devices) {
    if (d.code.odsCode != code.odsCode || d.code.deviceId != code.deviceId) continue;
    if (d.code.signPublicKey == code.signPublicKey) return AddOutcome::kAlreadyTrusted;
    if (!replace)
      return core::conflict("This PC already trusts a different key for kiosk " +
                            kiosk(code.odsCode, code.deviceId) + " (" + keyForReading(d.code.signPublicKey) +
                            ", added " + d.addedUtc +
                            "), so nothing was changed. If that kiosk "
                            "was set up again and " +
                            std::string(kWhereTheCodeIs) +
                            " shows this new code, run the same command "
                            "with --replace; if not, someone may be passing batches off as that kiosk's: "
                            "keep the key you have.");
    d = {code, std::move(addedUtc)};
    return AddOutcome::kReplaced;
  }
  store.devices.push_back({code, std::move(addedUtc)});
  return AddOutcome::kAdded;
}

core::Status removeTrusted(TrustStore& store, std::string_view odsCode, std::string_view deviceId) {
  for (auto it = store.devices.begin(); it != store.devices.end(); ++it)
    if (it->code.odsCode == odsCode && it->code.deviceId == deviceId) {
      store.devices.erase(it);
      return core::okStatus();
    }
  return core::notFound("Kiosk " + kiosk(odsCode, deviceId) +
                        " is not trusted on this PC; `longstop-batch trust list` shows the ones that are.");
}

core::Status checkSigner(const TrustStore& store, const BatchHeader& h) {
  const std::string who = kiosk(h.odsCode, h.deviceId);
  const TrustedDevice* pinned = store.find(h.odsCode, h.deviceId);
  if (pinned && crypto::equalConstantTime(pinned->code.signPublicKey, h.signer)) return core::okStatus();
  const std::string signer = keyForReading(h.signer);
  if (!pinned)
    return core::unauthorised(
        "This batch is signed by a key this PC has not been told to trust. It claims to come from kiosk " +
        who + ": on " + std::string(kWhereTheCodeIs) + ", compare the key shown with this batch's key, " +
        signer +
        ". If they are the same, run `longstop-batch trust add` with the code shown there (or with --image "
        "and a "
        "photo of its QR code), then try again; if they differ, this batch did not come from that kiosk: do "
        "not "
        "re-enter it.");
  return core::unauthorised(
      "This batch claims to come from kiosk " + who + " but is signed by key " + signer +
      ", not by the key this PC trusts for that kiosk (" + keyForReading(pinned->code.signPublicKey) +
      ", added " + pinned->addedUtc +
      "). Do not re-enter it until this is explained: check the code on the kiosk's admin "
      "screen. Only if the kiosk was set up again and now shows this batch's key, run "
      "`longstop-batch trust add --replace` with its code.");
}

}  // namespace longstop::exporter
