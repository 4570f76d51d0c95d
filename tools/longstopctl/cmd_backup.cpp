// backup: a sealed online copy of the site's database into a folder, keeping the newest few;
// backup restore: put one back, after checking it, with the recovery code.
#include <cstdio>
#include <string>

#include "commands.h"
#include "secret_input.h"
#include "service/backup.h"
#include "service/site.h"

namespace longstop::ctl {
namespace {

constexpr int kDefaultKeep = 7;

void sayPlain(const service::PlainBackups& p) {
  if (p.sealed > 0)
    std::printf("Sealed %d backup%s from before backups were sealed; the plain copies were overwritten and deleted.\n",
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
    std::printf("The database it replaced is kept as %s; delete it once the kiosk works.\n", r->keptAside.c_str());
  std::printf("Start the kiosk again (systemctl start longstop); it is locked until a member of staff starts it.\n");
  return kExitOk;
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
  return kExitOk;
}

}  // namespace longstop::ctl
