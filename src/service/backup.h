// Sealed backups of a site's database, kept N deep, and restoring one. A backup is made without any
// secret (the unattended timer makes them while the kiosk is locked or unlocked) and holds nothing a
// thief could read without the records key; restoring one needs the recovery code. Backups from
// before sealing (plain SQLite copies, which on an old site hold its matching keys in the clear) are
// sealed, or overwritten and deleted, wherever a backup is made and at a legacy site's migration.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"
#include "service/backup_file.h"
#include "store/database.h"

namespace longstop::service {

/// Where the appliance keeps its backups: DATA/backups.
std::filesystem::path backupsDir(const std::filesystem::path& dataDir);

/// Plain backups from before sealing, dealt with: sealed to the current key, or (not a database, or
/// a leftover of a backup cut short) overwritten with zeros and deleted.
struct PlainBackups {
  int sealed = 0;
  int deleted = 0;
  bool any() const { return sealed + deleted > 0; }
};

struct BackupResult {
  std::filesystem::path file;  // the new backup, <destDir>/longstop-YYYYmmdd-HHMMSS.lsbackup (UTC)
  int removed = 0;             // older backups deleted to keep `keep`
  PlainBackups plain;          // what was found from before sealing
};

/// What a backup of `db` says in its header: device, records public key (as the database has it now)
/// and the recovery credential. kCorrupt when the database lacks them.
core::Result<BackupHeader> backupHeaderOf(store::Database& db);

/// Seals a consistent copy of the database in `dataDir` into `destDir` (created if missing), taken in
/// memory while the kiosk keeps writing; the file appears whole or not at all (fsync, rename, fsync of
/// the folder), and no unsealed copy is ever written. Then seals or deletes plain backups found in
/// `destDir`, and deletes all but the newest `keep` (>= 1) sealed ones. The database is never changed.
/// Errors: kNotFound (no site), kInvalidInput (keep < 1), kCorrupt (no keys in it), kStorage.
core::Result<BackupResult> backupSite(const std::filesystem::path& dataDir,
                                      const std::filesystem::path& destDir, int keep);

/// Deals with the plain backups in `dir` (see PlainBackups), sealing each to `header`'s key with that
/// header. A missing folder holds none.
core::Result<PlainBackups> sealPlainBackups(const std::filesystem::path& dir, const BackupHeader& header);

struct RestoreResult {
  std::string deviceId;
  int64_t events = 0;
  std::filesystem::path keptAside;  // the database that was replaced, empty if there was none
};

/// Restores a sealed backup into `dataDir` (stop the kiosk first). The recovery code opens it (through
/// the credential in its header); the copy is checked in memory (integrity_check, the event log's chain
/// and signatures against the device's key, the settings) before anything on disk is touched. Then the
/// present database, if any, is kept aside as longstop.db.before-restore-N and the backup put in its
/// place. A bad, cut or changed file, a wrong code, or a backup of another device than the one in
/// `dataDir` is refused with a sentence saying so, and nothing is changed.
core::Result<RestoreResult> restoreBackup(const std::filesystem::path& file,
                                          const std::filesystem::path& dataDir,
                                          std::string_view recoveryCode);

}  // namespace longstop::service
