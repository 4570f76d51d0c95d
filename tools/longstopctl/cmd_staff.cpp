// staff add | list | revoke.
#include <cstdio>

#include "card_png.h"
#include "commands.h"
#include "common.h"
#include "secret_input.h"
#include "service/staff.h"
#include "store/event_log.h"

namespace longstop::ctl {
namespace {

int staffAdd(const Args& a, service::Site& site) {
  auto name = a.get("name");
  auto role = a.get("role");
  if (!name || !role) return usage("staff add needs --name NAME --role reception|admin.");
  auto r = service::parseRole(*role);
  if (!r.ok()) return fail(r.error());
  // In this order, one line each when they come from a script.
  SecretInput secrets = SecretInput::standard();
  auto code = secrets.read("recovery code");
  if (!code.ok()) return fail(code.error());
  auto unlocked = site.unlockWithRecoveryCode(*code);
  if (!unlocked.ok()) return fail(unlocked.error());
  auto pin = secrets.readNew("PIN for " + *name + "'s card");
  if (!pin.ok()) return fail(pin.error());
  auto card = service::addStaff(site, unlocked.value(), *name, r.value(), *pin);
  if (!card.ok()) return fail(card.error());
  if (auto png = a.get("card-png")) {
    if (auto s = writeCardPng(*png, {*name, std::string(service::toString(r.value())), card->cardText}); !s.ok())
      return fail(s.error());
  }
  if (a.has("json")) {
    store::JsonObject o;
    o.add("staff_id", card->staffId).add("card", card->cardText);
    std::printf("%s\n", o.str().c_str());
  } else {
    std::printf("Added %s (%s) as %s.\nCard code (print it or keep the PNG; it is not stored):\n    %s\n", name->c_str(),
                card->staffId.c_str(), role->c_str(), card->cardText.c_str());
  }
  return kExitOk;
}

int staffList(const Args& a, service::Site& site) {
  auto list = service::listStaff(site);
  if (!list.ok()) return fail(list.error());
  if (a.has("json")) std::printf("[");
  bool first = true;
  for (const auto& m : list.value()) {
    const char* status = m.revokedMs ? "revoked" : (m.lockedUntilMs > clock().now().unixMs ? "locked" : "active");
    if (a.has("json")) {
      store::JsonObject o;
      o.add("staff_id", m.id).add("name", m.name).add("role", service::toString(m.role)).add("status", status);
      std::printf("%s%s", first ? "" : ",", o.str().c_str());
    } else {
      std::printf("%-7s %-10s %-8s %s\n", m.id.c_str(), std::string(service::toString(m.role)).c_str(), status,
                  m.name.c_str());
    }
    first = false;
  }
  if (a.has("json")) std::printf("]\n");
  return kExitOk;
}

}  // namespace

int cmdStaff(const Args& a) {
  if (a.words.size() < 2) return usage("staff needs add, list or revoke.");
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  const std::string& sub = a.words[1];
  if (sub == "add") return staffAdd(a, **site);
  if (sub == "list") return staffList(a, **site);
  if (sub == "revoke") {
    if (a.words.size() != 3) return usage("staff revoke needs the staff ID.");
    if (auto s = service::revokeStaff(**site, a.words[2]); !s.ok()) return fail(s.error());
    std::printf("Card %s revoked; it no longer opens anything.\n", a.words[2].c_str());
    return kExitOk;
  }
  return usage("staff needs add, list or revoke.");
}

}  // namespace longstop::ctl
