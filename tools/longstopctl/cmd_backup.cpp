// backup: a sealed online copy of the site's database into a folder, keeping the newest few;
// backup restore: put one back, after checking it, with the recovery code.
#include <cstdio>
#include <string>

#include "commands.h"
#include "common.h"
#include "secret_input.h"
#include "service/backup.h"
#include "service/high_water.h"
#include "service/site.h"
#include "store/site_tables.h"

namespace longstop::ctl {
namespace {

constexpr int kDefaultKeep = 7;

void sayPlain(const service::PlainBackups& p) {
  if (p.sealed > 0)
    std::printf(
        "Sealed %d backup%s from before backups were sealed; the plain copies were overwritten and "
        "deleted.\n",
        p.sealed, p.sealed == 1 ? "" : "s");
  if (p.deleted > 0)
    std::printf("Overwrote and deleted %d unreadable leftover%s of old plain backups.\n", p.deleted,
                p.deleted == 1 ? "" : "s");
}

int restore(const Args& a) {
  auto dir = a.get("data");
  if (!dir || a.words.size() != 3) return usage("backup restore needs --data DIR and one backup file.");
  auto code = SecretInput::standard().read("recovery code");
  if (!code.ok()) return fail(code.error());
  auto r = service::restoreBackup(a.words[2], *dir, *code);
  if (!r.ok()) return fail(r.error());
  std::printf("Restored device %s from %s: %lld events, checked.\n", r->deviceId.c_str(), a.words[2].c_str(),
              static_cast<long long>(r->events));
  if (!r->keptAside.empty())
    std::printf("The database it replaced is kept as %s; delete it once the kiosk works.\n",
                r->keptAside.c_str());
  // A backup older than the log's high-water mark gives back a log that ends early: say so now.
  auto db = store::Database::open(service::Site::databasePath(*dir), {.readOnly = true});
  if (db.ok()) {
    auto pk = store::getMeta(**db, "sign_pk");
    auto key = pk.ok() && pk.value() ? crypto::fromHex(*pk.value()) : std::nullopt;
    auto mark = service::checkHighWater(**db, *dir, key.value_or(""), clock().now().utcOffsetMinutes);
    if (mark.ok() && !mark->sound()) {
      std::fprintf(stderr, "longstopctl: %s\n", mark->problem.c_str());
      return kExitCheckFailed;
    }
  }
  std::printf(
      "Start the kiosk again (systemctl start longstop); it is locked until a member of staff starts it.\n");
  return kExitOk;
}

// The kiosk's keys are needed to sign the mark: this boot's, or the recovery code's.
core::Status unlockForMark(service::Site& site) {
  if (site.unlocked()) return core::okStatus();
  auto code = SecretInput::standard().read("recovery code");
  if (!code.ok()) return code.error();
  auto secrets = site.unlockWithRecoveryCode(*code);
  return secrets.ok() ? core::okStatus() : core::Status(secrets.error());
}

}  // namespace

int cmdBackup(const Args& a) {
  if (a.words.size() >= 2 && a.words[1] == "restore") return restore(a);
  if (a.words.size() != 1) return usage("backup takes no words but `restore FILE`.");
  auto dir = a.get("data");
  auto to = a.get("to");
  if (!dir || !to) return usage("backup needs --data DIR and --to DIR.");
  auto k = wholeNumber(a, "keep", 1, 10000);
  if (!k.ok()) return usage(k.error().message);
  const int keep = static_cast<int>(k->value_or(kDefaultKeep));
  auto r = service::backupSite(*dir, *to, keep);
  if (!r.ok()) return fail(r.error());
  std::printf("Backed up to %s (sealed: the recovery code opens it)", r->file.c_str());
  if (r->removed > 0) std::printf("; removed %d older backup%s", r->removed, r->removed == 1 ? "" : "s");
  std::printf(".\n");
  sayPlain(r->plain);
  // The high-water mark moves with each backup when this boot's keys are at hand (a backup timer
  // without them leaves it to the kiosk). A loss found meanwhile fails the backup's run, with why. A
  // card too full or read-only to take the mark still has its backup, which is what matters most
  // then: the mark's refusal is said, and the backup counts as made.
  auto site = service::Site::open(*dir, clock());
  if (!site.ok() && site.error().code == core::ErrorCode::kCorrupt) return fail(site.error());
  if (site.ok() && (*site)->unlocked()) {
    auto m = service::writeHighWater(**site);
    if (!m.ok() && m.error().code != core::ErrorCode::kStorage) return fail(m.error());
    if (!m.ok())
      std::fprintf(stderr, "longstopctl: the high-water mark was not moved: %s\n", m.error().message.c_str());
  }
  return kExitOk;
}

int cmdAcceptLoss(const Args& a) {
  auto dir = a.get("data");
  if (!dir) return usage("accept-loss needs --data DIR.");
  auto site = service::Site::openDespiteLoss(*dir, clock());
  if (!site.ok()) return fail(site.error());
  if (auto s = unlockForMark(**site); !s.ok()) return fail(s.error());
  auto r = service::recordLoss(**site);
  if (!r.ok()) return fail(r.error());
  if (r->to >= r->from)
    std::printf("Recorded the loss of events %lld to %lld.\n", static_cast<long long>(r->from),
                static_cast<long long>(r->to));
  else
    std::printf("Recorded that the high-water mark could not be trusted; a new one starts from event %lld.\n",
                static_cast<long long>(r->from));
  std::printf(
      "Record IDs and tickets carry on after every one handed out before the loss. Re-enter the patients "
      "who checked in during that time from the paper list.\n");
  return kExitOk;
}

}  // namespace longstop::ctl
