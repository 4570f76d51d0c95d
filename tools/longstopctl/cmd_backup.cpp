// backup: an online copy of the site's database into a directory, keeping the newest few.
#include <cstdio>
#include <string>

#include "commands.h"
#include "service/site.h"
#include "store/backup.h"

namespace longstop::ctl {

constexpr int kDefaultKeep = 7;

int cmdBackup(const Args& a) {
  auto dir = a.get("data");
  auto to = a.get("to");
  if (!dir || !to) return usage("backup needs --data DIR and --to DIR.");
  auto k = wholeNumber(a, "keep", 1, 10000);
  if (!k.ok()) return usage(k.error().message);
  const int keep = static_cast<int>(k->value_or(kDefaultKeep));
  auto r = store::backupDatabase(service::Site::databasePath(*dir), *to, keep);
  if (!r.ok()) return fail(r.error());
  std::printf("Backed up to %s", r->file.c_str());
  if (r->removed > 0) std::printf("; removed %d older backup%s", r->removed, r->removed == 1 ? "" : "s");
  std::printf(".\n");
  return kExitOk;
}

}  // namespace longstop::ctl
