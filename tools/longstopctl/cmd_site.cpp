// init, status, verify.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "crypto/primitives.h"
#include "secret_input.h"
#include "service/admin.h"
#include "service/high_water.h"
#include "service/site_check.h"
#include "service/sodium_digest.h"
#include "store/event_log.h"

namespace longstop::ctl {

int cmdInit(const Args& a) {
  auto dir = a.get("data");
  auto ods = a.get("ods");
  auto name = a.get("name");
  if (!dir || !ods || !name) return usage("init needs --data DIR --ods CODE --name NAME.");
  auto r = service::Site::create(*dir, {*ods, *name, {}}, clock());
  if (!r.ok()) return fail(r.error());
  if (a.has("json")) {
    store::JsonObject o;
    o.add("device_id", r->deviceId).add("recovery_code", r->recoveryCode);
    std::printf("%s\n", o.str().c_str());
  } else {
    std::printf("Created site %s (%s) on device %s.\n\n", name->c_str(), ods->c_str(), r->deviceId.c_str());
    std::printf(
        "Recovery code - write it on paper now and keep it locked away; it is shown only once\n"
        "and is the only way to open the records if every staff card is lost:\n\n    %s\n",
        r->recoveryCode.c_str());
  }
  return kExitOk;
}

int cmdStatus(const Args& a) {
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  auto st = service::siteStatus(**site);
  if (!st.ok()) return fail(st.error());
  auto mark = service::highWaterStatus((*site)->db());
  if (!mark.ok()) return fail(mark.error());
  const std::string markLine = service::describeHighWater(*mark, clock().now().utcOffsetMinutes);
  if (a.has("json")) {
    store::JsonObject byState;
    for (const auto& [state, n] : st->checkinsByState) byState.add(core::toString(state), n);
    store::JsonObject o;
    o.add("device_id", st->deviceId).add("site", st->siteName).add("ods", st->odsCode);
    o.add("appointments", st->appointments);
    o.addBool("high_water_kept", mark->kept).add("high_water_since_ms", mark->sinceMs);
    o.addBool("high_water_since_creation", mark->sinceCreation).add("high_water", markLine);
    std::printf("%s,\"checkins\":%s}\n", o.str().substr(0, o.str().size() - 1).c_str(),
                byState.str().c_str());
    return kExitOk;
  }
  std::printf("Device %s at %s (%s)\nAppointments loaded: %lld\nCheck-ins:", st->deviceId.c_str(),
              st->siteName.c_str(), st->odsCode.c_str(), static_cast<long long>(st->appointments));
  if (st->checkinsByState.empty()) std::printf(" none yet");
  for (const auto& [state, n] : st->checkinsByState)
    std::printf(" %s %lld;", std::string(core::toString(state)).c_str(), static_cast<long long>(n));
  std::printf("\n%s\n", markLine.c_str());
  return kExitOk;
}

int cmdVerify(const Args& a) {
  auto dir = a.get("data");
  if (!dir) return usage("verify needs --data DIR.");
  // Read-only: a damaged file is reported, not moved.
  auto db = store::Database::open(service::Site::databasePath(*dir), {.readOnly = true});
  if (!db.ok()) return fail(db.error());
  auto integrity = (*db)->prepare("PRAGMA integrity_check");
  if (!integrity.ok()) return fail(integrity.error());
  if (auto row = integrity->step(); !row.ok() || integrity->columnText(0) != "ok") {
    std::fprintf(stderr, "longstopctl: the database failed its integrity check: %s\n",
                 row.ok() ? integrity->columnText(0).c_str() : row.error().message.c_str());
    return kExitCheckFailed;
  }
  std::string signer;
  if (auto hex = a.get("signer")) {
    auto raw = crypto::fromHex(*hex);
    if (!raw || raw->size() != 32)
      return usage("--signer is the device's signing key: 64 hexadecimal digits.");
    signer = *raw;
  }
  auto check = service::checkSite(**db, signer, *dir, clock().now().utcOffsetMinutes);
  if (!check.ok()) return fail(check.error());
  if (a.has("json")) {
    nlohmann::ordered_json j{{"sound", check->sound()},
                             {"events", check->log.rows},
                             {"signed_events", check->log.signedRows},
                             {"key_source", check->keySource},
                             {"checkins_compared", check->checkinsCompared},
                             {"appointments_compared", check->appointmentsCompared},
                             {"appointments_unrecorded", check->appointmentsUnrecorded},
                             {"problems", check->problems},
                             {"notes", check->notes}};
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return check->sound() ? kExitOk : kExitCheckFailed;
  }
  if (!check->sound()) {
    for (const auto& p : check->problems) std::fprintf(stderr, "longstopctl: %s\n", p.c_str());
    return kExitCheckFailed;
  }
  const auto& report = check->log;
  std::printf("Signatures checked with %s.\n", check->keySource.c_str());
  for (const auto& n : check->notes) std::printf("%s\n", n.c_str());
  std::printf(
      "The database and its event log of %lld rows are sound (%lld check-ins and %lld appointments "
      "rebuilt from the events and compared).\n",
      static_cast<long long>(report.rows), static_cast<long long>(check->checkinsCompared),
      static_cast<long long>(check->appointmentsCompared));
  return kExitOk;
}

int cmdUnlock(const Args& a) {
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  const bool was = (*site)->unlocked();
  auto code = SecretInput::standard().read("recovery code");
  if (!code.ok()) return fail(code.error());
  auto secrets = (*site)->unlockWithRecoveryCode(*code);
  if (!secrets.ok()) return fail(secrets.error());
  std::printf(was ? "This device was already unlocked for this boot.\n"
                  : "Unlocked for this boot: the kiosk now checks patients in without anyone, until the next "
                    "reboot or power cut.\n");
  return kExitOk;
}

int cmdLock(const Args& a) {
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  (*site)->lock();
  std::printf("Locked: the kiosk's keys are gone from this boot; a member of staff must start it again.\n");
  return kExitOk;
}

}  // namespace longstop::ctl
