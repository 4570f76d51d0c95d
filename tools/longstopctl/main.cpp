// longstopctl: administration of a Longstop kiosk from a terminal (and from scripts, with --json).
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "secret_input.h"

namespace {

constexpr const char* kUsage = R"(usage: longstopctl COMMAND [options]

  Options come before, after or among the other words, as --name VALUE or --name=VALUE, written in
  full. An option the command does not take, or one without its value, is refused (exit status 2).
  Put -- before a word that starts with '-'.

  Secrets are never options: a command that needs the recovery code or a PIN asks for it without
  showing what is typed or, when standard input is not a terminal, reads one line for each from it:
      printf '%s\n' "$RECOVERY_CODE" | longstopctl checkins --data DIR

  init --data DIR --ods CODE --name NAME [--json]
      Create a new site; prints the recovery code once.
  import-appointments --data DIR FILE
      Load the day's appointment list (CSV); all rows or none.
  checkin --data DIR --appointment ID [--json]
  checkin --data DIR --walk-in --surname S --forenames F --dob D --sex F|M|U [--nhs N] [--queue Q] [--json]
      Check a patient in as reception would; prints the ticket and record ID.
  checkins --data DIR [--json]
      Today's check-ins with the sealed details opened (asks for the recovery code).
  status --data DIR [--json]
  verify --data DIR [--signer HEX] [--json]
  unlock --data DIR                        (after a boot: the kiosk's keys, for this boot; asks for the recovery code)
  lock --data DIR                          (forget them now, as a reboot does)
      Exit 0 when the database and the event chain are sound, 1 otherwise.
  staff add --data DIR --name NAME --role reception|admin [--card-png FILE]
      Asks for the recovery code, then for the new card's PIN (twice at a terminal).
  staff list --data DIR [--json]
  staff revoke --data DIR STAFF_ID
      Staff cards: a QR code plus a PIN of eight digits or more. Revoking asks for the recovery code and
      renews the site's keys, so the card opens nothing written afterwards.
  appointment-codes --data DIR --out DIR
      An LSA1 code (text and PNG) per loaded appointment, and index.csv naming who each is for (asks
      for the recovery code).
  config list [--data DIR]
  config get --data DIR KEY
  config set --data DIR KEY VALUE
  config import --data DIR FILE
      Site settings; a settings file is applied whole or not at all (see docs/settings.md). Set and
      import ask for the recovery code.
  backup --data DIR --to DIR [--keep N]
      An online copy of the database, sealed to the site's records key, as
      longstop-YYYYmmdd-HHMMSS.lsbackup, keeping the newest N (7). Needs no secret. Plain backups from
      before sealing found in DIR are sealed, and their plain copies overwritten and deleted.
  backup restore --data DIR FILE
      Check a sealed backup and put it in place of the database (stop the kiosk first); asks for the
      recovery code. The database it replaces is kept beside it. Exit 1 when the backup is older than the
      log's high-water mark (the newest events would be missing).
  accept-loss --data DIR
      When verify or the kiosk says the newest events are missing and they cannot be put back: record
      the loss, so that no record ID or ticket handed out before it is given again (asks for the
      recovery code unless this boot's keys are unlocked).
  recipient set --data DIR FILE.pub
  recipient show --data DIR
      The receiving organisation's key (from `longstop-batch keygen`) that batches are sealed to; set
      asks for the recovery code.
  export --data DIR --to FOLDER [--card CODE] [--json]
      Every check-in not yet exported, as a signed and sealed batch, written to FOLDER and read back.
      Asks for the card's PIN with --card, otherwise for the recovery code.
  batches --data DIR [--json]
      The batches made, and whether each has been received.
  acknowledge --data DIR LSK1:...
      Mark a batch received (the code comes from `longstop-batch ack`); starts its retention clock.
  retention --data DIR [--days N]
      Delete the personal data of batches received more than N days ago (setting retention.days).
  scan [--json] [--data DIR] FILE...
      Read the code in each PNG/JPEG picture: its text, kind and whether it is valid (checked against the
      site with --data). Exit 1 when a picture holds no code, 2 when a file cannot be read.
  printer test --data DIR [--device PRINTER] [--paper 58|80] [--out FILE.png]
      Print a sample ticket (and with --out, save its picture) to set a printer up. PRINTER is a device
      such as /dev/usb/lp0 or tcp:HOST:PORT; without --device, the setting printer.device.
  site serve --data DIR --listen HOST:PORT
      Run this device's nats-server (JetStream, store in DIR/nats) and replicate with its peers until
      stopped (SIGTERM or Ctrl+C). The kiosk does the same by itself once its roster has a peer and
      the setting site.listen is set. See docs/site.md.
  site invite --data DIR [--role kiosk|desk|board] [--listen IPv4:PORT] [--out FILE.png]
      Print a one-time join code (valid 10 minutes) for a new device, and with --out save its QR code;
      asks for the recovery code. The address is site.listen unless --listen gives it.
  site join --data NEWDIR --listen IPv4:PORT [--role kiosk|desk|board] CODE
      On a fresh data directory: join the site the code names, through the device that made it (which
      must be serving), as a kiosk (the default), a reception desk or a calling board.
  site peer-add --data DIR --device ID --key HEX --address nats://HOST:PORT --role kiosk|desk|board
      Add a device to this device's roster; asks for the recovery code.
  site remove --data DIR DEVICE
      Remove a lost, stolen or retired device from this device's roster: what it writes from now on is
      refused and counted in site status; asks for the recovery code. The removal replicates.
  site ticket-block --data DIR --slot N --stride M
      From tomorrow, number this device's tickets N+1, N+1+M, ...; asks for the recovery code.
  site status --data DIR [--json]
      The roster's devices, how many of each one's events this device holds, and what it refused;
      with --json also the digest of the folded state (equal on devices that show the same queues).
)";

}  // namespace

namespace longstop::ctl {
int cmdBackup(const Args& a);      // cmd_backup.cpp
int cmdAcceptLoss(const Args& a);  // cmd_backup.cpp
int cmdScan(const Args& a);        // cmd_scan.cpp
int cmdSite(const Args& a);        // cmd_site_peers.cpp
}  // namespace longstop::ctl

namespace longstop::ctl {
// In cmd_export.cpp.
int cmdExport(const Args& a);
int cmdBatches(const Args& a);
int cmdRecipient(const Args& a);
int cmdAcknowledge(const Args& a);
int cmdRetention(const Args& a);
int cmdPrinter(const Args& a);
}  // namespace longstop::ctl

namespace {
using namespace longstop::ctl;

const std::vector<OptionSpec> kOptions = {
    {"help", OptionKind::kFlag},
    {"json", OptionKind::kFlag},
    {"walk-in", OptionKind::kFlag},
    {"urgent", OptionKind::kFlag},
    {"data"},
    {"ods"},
    {"name"},
    {"out"},
    {"to"},
    {"keep"},
    {"days"},
    {"appointment"},
    {"surname"},
    {"forenames"},
    {"dob"},
    {"sex"},
    {"nhs"},
    {"queue"},
    {"role"},
    {"card"},
    {"card-png"},
    {"pin", OptionKind::kRetired, kSecretsNotInArgv},
    {"recovery-code", OptionKind::kRetired, kSecretsNotInArgv},
    {"signer"},
    {"listen"},
    {"device"},
    {"key"},
    {"address"},
    {"slot"},
    {"stride"},
    {"paper"},
};

struct Command {
  const char* name;
  int (*run)(const Args&);
  std::set<std::string> options;  // which of kOptions it takes
};

const std::vector<Command> kCommands = {
    {"init", cmdInit, {"data", "ods", "name", "json"}},
    {"import-appointments", cmdImportAppointments, {"data"}},
    {"checkin",
     cmdCheckin,
     {"data", "appointment", "walk-in", "surname", "forenames", "dob", "sex", "nhs", "queue", "urgent",
      "json"}},
    {"checkins", cmdCheckins, {"data", "json"}},
    {"status", cmdStatus, {"data", "json"}},
    {"verify", cmdVerify, {"data", "signer", "json"}},
    {"unlock", cmdUnlock, {"data"}},
    {"lock", cmdLock, {"data"}},
    {"staff", cmdStaff, {"data", "name", "role", "card-png", "json"}},
    {"config", cmdConfig, {"data"}},
    {"appointment-codes", cmdAppointmentCodes, {"data", "out"}},
    {"backup", cmdBackup, {"data", "to", "keep"}},
    {"accept-loss", cmdAcceptLoss, {"data"}},
    {"export", cmdExport, {"data", "to", "card", "json"}},
    {"batches", cmdBatches, {"data", "json"}},
    {"recipient", cmdRecipient, {"data"}},
    {"acknowledge", cmdAcknowledge, {"data"}},
    {"retention", cmdRetention, {"data", "days"}},
    {"scan", cmdScan, {"data", "json"}},
    {"printer", cmdPrinter, {"data", "device", "paper", "out"}},
    {"site",
     cmdSite,
     {"data", "listen", "device", "key", "address", "role", "slot", "stride", "json", "out"}},
};

// A usage error: the reason, then where to look; exit status 2.
int badUsage(const std::string& message) {
  std::fprintf(stderr,
               "longstopctl: %s\nusage: longstopctl COMMAND [options]; `longstopctl --help` lists them.\n",
               message.c_str());
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  auto args = parseArgs(argc, argv, kOptions);
  if (!args.ok()) return badUsage(args.error().message);
  if (args->has("help") || args->words.empty()) {
    std::fputs(kUsage, args->has("help") ? stdout : stderr);
    return args->has("help") ? kExitOk : kExitUsage;
  }
  const std::string& cmd = args->words.front();
  for (const Command& c : kCommands) {
    if (cmd != c.name) continue;
    if (auto s = onlyOptions(*args, cmd, c.options); !s.ok()) return badUsage(s.error().message);
    return c.run(*args);
  }
  return usage("Unknown command '" + cmd + "'; run `longstopctl --help` for the list.");
}
