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
  auto admin = adminSession(site, secrets);
  if (!admin.ok()) return fail(admin.error());
  auto pin = secrets.readNew("PIN for " + *name + "'s card");
  if (!pin.ok()) return fail(pin.error());
  auto card = service::addStaff(site, *admin.value(), *name, r.value(), *pin);
  if (!card.ok()) return fail(card.error());
  if (auto png = a.get("card-png")) {
    if (auto s = writeCardPng(*png, {*name, std::string(service::toString(r.value())), card->cardText});
        !s.ok())
      return fail(s.error());
  }
  if (a.has("json")) {
    store::JsonObject o;
    o.add("staff_id", card->staffId).add("card", card->cardText);
    std::printf("%s\n", o.str().c_str());
  } else {
    std::printf("Added %s (%s) as %s.\nCard code (print it or keep the PNG; it is not stored):\n    %s\n",
                name->c_str(), card->staffId.c_str(), role->c_str(), card->cardText.c_str());
  }
  return kExitOk;
}

int staffList(const Args& a, service::Site& site) {
  auto list = service::listStaff(site);
  if (!list.ok()) return fail(list.error());
  if (a.has("json")) std::printf("[");
  bool first = true;
  for (const auto& m : list.value()) {
    const char* status =
        m.revokedMs ? "revoked" : (m.lockedUntilMs > clock().now().unixMs ? "locked" : "active");
    if (a.has("json")) {
      store::JsonObject o;
      o.add("staff_id", m.id)
          .add("name", m.name)
          .add("role", service::toString(m.role))
          .add("status", status);
      std::printf("%s%s", first ? "" : ",", o.str().c_str());
    } else {
      std::printf("%-7s %-10s %-8s %s\n", m.id.c_str(), std::string(service::toString(m.role)).c_str(),
                  status, m.name.c_str());
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
    SecretInput in = SecretInput::standard();
    auto admin = adminSession(**site, in);
    if (!admin.ok()) return fail(admin.error());
    auto done = service::revokeStaff(**site, *admin.value(), a.words[2]);
    if (!done.ok()) return fail(done.error());
    std::printf(
        "Card %s revoked; it opens nothing written from now on. The site's keys were renewed for %d "
        "other credentials.\n",
        a.words[2].c_str(), done->renewed);
    if (done->notRenewed > 0)
      std::printf(
          "%d cards could not be given the new keys (unused since before this version, or changed "
          "outside Longstop): issue them new cards.\n",
          done->notRenewed);
    std::printf("The matching key was renewed too: %d appointments and check-ins were rehashed under it.\n",
                done->rehashed);
    if (done->notRehashed > 0)
      std::printf("%d sealed records could not be opened and keep their old hashes: they will not match.\n",
                  done->notRehashed);
    std::printf(
        "A kiosk running on this data directory takes up the new keys within a second (or, where it\n"
        "cannot read them from the kernel keyring, locks and asks for a member of staff to sign in).\n");
    return kExitOk;
  }
  return usage("staff needs add, list or revoke.");
}

}  // namespace longstop::ctl
