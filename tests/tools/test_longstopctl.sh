#!/usr/bin/env bash
# longstopctl end to end, as an administrator would use it: the real binary, the real SQLite file.
# Usage: test_longstopctl.sh PATH/TO/longstopctl
set -u
ctl=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(cd "$(dirname "$0")" && pwd)/../support/shell_checks.sh"

d=$tmp/site
today=$(date +%F)
expect_status 0 "init" -- "$ctl" init --data "$d" --ods B82005 --name "Riverside Surgery" --json
contains "$tmp/out" '"recovery_code":' "init prints the recovery code"
code=$(sed -E 's/.*"recovery_code":"([^"]+)".*/\1/' "$tmp/out")
expect_status 2 "init refuses an existing data dir" -- "$ctl" init --data "$d" --ods B82005 --name X
contains "$tmp/err" "not empty" "init says why"
expect_status 2 "init refuses a bad ODS code" -- "$ctl" init --data "$tmp/other" --ods "b8 2" --name X
expect_status 2 "no command" -- "$ctl"
expect_status 2 "unknown command" -- "$ctl" frobnicate

# The command line: an unknown option, or one without its value, is refused with a usage line.
expect_status 2 "an unknown option" -- "$ctl" status --data "$d" --verbose --json
contains "$tmp/err" "There is no option --verbose." "the unknown option is named"
contains "$tmp/err" "usage: longstopctl COMMAND [options]" "with a usage line"
expect_status 2 "a missing value" -- "$ctl" status --data
contains "$tmp/err" "The option --data needs a value." "the option without a value is named"
contains "$tmp/err" "usage: longstopctl" "with a usage line"
expect_status 2 "a value forgotten before the next option" -- "$ctl" backup --to --data "$d"
contains "$tmp/err" "The option --to needs a value, but the next word is the option --data." "says which"
expect_status 2 "another command's option" -- "$ctl" backup --data "$d" --to "$tmp/b" --days 3
contains "$tmp/err" "backup does not take the option --days." "the option is named"
[ ! -e "$tmp/b" ] && ok || bad "backup ran with an option it does not take"
expect_status 2 "a number that is not one" -- "$ctl" retention --data "$d" --days 3O
contains "$tmp/err" "--days takes a whole number from 0 to 36500, not '3O'." "the bad number is named"
expect_status 0 "--help" -- "$ctl" --help

cat >"$tmp/appts.csv" <<CSV
appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode
A1001,${today}T09:10,Dr Patel,GP,943 476 5919,Wolstenholme,Ann,1984-03-07,F,LS1 4AP
A1002,${today}T09:20,Dr Patel,GP,,"O'Brien",Zoë,07/03/1950,F,
CSV
cp "$tmp/appts.csv" "$tmp/bad.csv"
echo "A1003,${today}T09:30,Dr Patel,GP,943 476 5918,Ng,Li,1990-01-01,F," >>"$tmp/bad.csv"
expect_status 2 "a bad NHS number aborts the import" -- "$ctl" import-appointments --data "$d" "$tmp/bad.csv"
contains "$tmp/err" "line 4" "the error names the line"
contains "$tmp/err" "Nothing was imported" "and says nothing was imported"
expect_status 0 "status" -- "$ctl" status --data "$d" --json
contains "$tmp/out" '"appointments":0' "nothing was imported from the bad file"

# A ten-megabyte clinician is refused by name, and takes the good rows with it.
{ cat "$tmp/appts.csv"; printf 'A1004,%sT09:40,' "$today"; head -c 10485760 /dev/zero | tr '\0' x
  echo ",GP,,Ng,Li,1990-01-01,F,"; } >"$tmp/huge.csv"
expect_status 2 "a ten-megabyte field aborts the import" -- "$ctl" import-appointments --data "$d" "$tmp/huge.csv"
contains "$tmp/err" "line 4: the clinician field is too long (10485760 bytes; at most 100)" "the error names line and field"
expect_status 0 "status" -- "$ctl" status --data "$d" --json
contains "$tmp/out" '"appointments":0' "nothing was imported from the file with the huge field"

expect_status 0 "import" -- "$ctl" import-appointments --data "$d" "$tmp/appts.csv"
contains "$tmp/out" "Imported 2" "two rows imported"
expect_status 0 "import again" -- "$ctl" import-appointments --data "$d" "$tmp/appts.csv"
contains "$tmp/out" "Imported 0" "importing again adds nothing"

expect_status 0 "checkin by appointment" -- "$ctl" checkin --data "$d" --appointment A1001 --json
contains "$tmp/out" '"ticket":"A001"' "first GP ticket"
expect_status 2 "the same appointment twice" -- "$ctl" checkin --data "$d" --appointment A1001
expect_status 0 "walk-in" -- "$ctl" checkin --data "$d" --walk-in --surname Featherstonehaugh --forenames Tom \
  --dob 02/03/1970 --sex M --nhs "999 000 0018" --json
contains "$tmp/out" '"ticket":"W001"' "first walk-in ticket"
expect_status 2 "walk-in with a bad NHS number" -- "$ctl" checkin --data "$d" --walk-in --surname A --forenames B \
  --dob 1970-01-01 --sex M --nhs "999 000 0019"
expect_status 2 "walk-in born in the future" -- "$ctl" checkin --data "$d" --walk-in --surname A --forenames B \
  --dob 2999-01-01 --sex M
expect_status 2 "walk-in with an impossible date" -- "$ctl" checkin --data "$d" --walk-in --surname A --forenames B \
  --dob 31/02/1970 --sex M

expect_status 0 "status" -- "$ctl" status --data "$d" --json
contains "$tmp/out" '"waiting":2' "two waiting"
contains "$tmp/out" '"high_water_since_creation":true' "status: the site has kept a mark since it was made"
expect_status 0 "status in words" -- "$ctl" status --data "$d"
contains "$tmp/out" "High-water mark kept since the site was made" "status says the mark is kept"
expect_status 0 "verify --json" -- "$ctl" verify --data "$d" --json
contains "$tmp/out" '"sound":true' "verify --json: sound"
contains "$tmp/out" '"appointments_compared":2' "verify --json: the imported appointments compared"
contains "$tmp/out" '"checkins_compared":2' "verify --json: the check-ins compared"
sqlite3 "$d/longstop.db" "UPDATE appointments SET clinician = 'Dr Nobody' WHERE id = 'A1002'"
expect_status 1 "verify --json finds a changed appointment" -- "$ctl" verify --data "$d" --json
contains "$tmp/out" '"sound":false' "verify --json: not sound"
contains "$tmp/out" "Appointment A1002's clinician in the table is not the one its import recorded" \
  "verify --json names the changed appointment"
sqlite3 "$d/longstop.db" "UPDATE appointments SET clinician = 'Dr Patel' WHERE id = 'A1002'"
expect_status 0 "verify sound again with the clinician put back" -- "$ctl" verify --data "$d" --json
# Secrets come on standard input (or at a prompt without echo), never on the command line.
expect_status 2 "checkins with a wrong code" -- "$ctl" checkins --data "$d" <<<AAAA-BBBB
expect_status 2 "checkins with no code" -- "$ctl" checkins --data "$d" </dev/null
contains "$tmp/err" "No recovery code was given." "says the code is missing"
expect_status 2 "the recovery code on the command line" -- "$ctl" checkins --data "$d" --recovery-code "$code"
contains "$tmp/err" "--recovery-code is no longer accepted on the command line: other users can read" "says why"
contains "$tmp/err" "usage: longstopctl" "with a usage line"
if grep -qF -- "$code" "$tmp/out" "$tmp/err"; then bad "the refused recovery code was printed"; else ok; fi
expect_status 0 "checkins with the recovery code" -- "$ctl" checkins --data "$d" --json <<<"$code"
# At a terminal the code is asked for, and what is typed is not shown.
python3 - "$ctl" "$d" "$code" >"$tmp/pty" 2>&1 <<'PY'
import os, pty, sys, time
ctl, data, code = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(ctl, [ctl, "checkins", "--data", data, "--json"])
out = b""
deadline = time.time() + 60
while b"Recovery code: " not in out and time.time() < deadline:
    try:
        out += os.read(fd, 4096)
    except OSError:  # it ended without asking
        break
os.write(fd, code.encode() + b"\n")
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:  # the child has gone and the terminal with it
        break
    if not chunk:
        break
    out += chunk
status = os.waitpid(pid, 0)[1]
print(out.decode(errors="replace"))
print("EXIT", os.waitstatus_to_exitcode(status))
PY
contains "$tmp/pty" "Recovery code: " "at a terminal the code is asked for"
contains "$tmp/pty" '"surname":"Wolstenholme"' "and opens the details"
contains "$tmp/pty" "EXIT 0" "and the command succeeds"
if grep -qF -- "$code" "$tmp/pty"; then bad "the recovery code was shown at the terminal"; else ok; fi
contains "$tmp/out" '"surname":"Wolstenholme"' "opened appointment details"
contains "$tmp/out" '"surname":"Featherstonehaugh"' "opened walk-in details"
contains "$tmp/out" '"nhs_number":"999 000 0018"' "NHS number shown 3-3-4"

# Nothing in the data directory names a patient.
if grep -rqa -e Wolstenholme -e Featherstonehaugh -e 9434765919 -e "943 476 5919" -e 9990000018 "$d"; then
  bad "personal data found unsealed in the data directory"
else ok; fi

# Backups are sealed: no patient, no SQLite page in them; the recovery code restores one, after checks.
expect_status 0 "backup" -- "$ctl" backup --data "$d" --to "$tmp/backups" --keep 3
contains "$tmp/out" "sealed: the recovery code opens it" "backup says it is sealed"
backup=$(ls "$tmp"/backups/longstop-*.lsbackup)
[ "$(ls "$tmp/backups" | wc -l)" = 1 ] && ok || bad "backup left more than its one file: $(ls "$tmp/backups")"
if grep -qa -e Wolstenholme -e Featherstonehaugh -e "SQLite format 3" -e "Riverside Surgery" "$backup"; then
  bad "the backup holds something readable"
else ok; fi
# A plain backup made by the old version (a plain SQLite copy) is sealed by the next backup.
sqlite3 "$d/longstop.db" ".backup '$tmp/backups/longstop-20240101-000000.db'"
expect_status 0 "backup with an old plain backup beside it" -- "$ctl" backup --data "$d" --to "$tmp/backups"
contains "$tmp/out" "Sealed 1 backup from before backups were sealed" "backup says it sealed the plain one"
[ -e "$tmp/backups/longstop-20240101-000000.lsbackup" ] && [ ! -e "$tmp/backups/longstop-20240101-000000.db" ] &&
  ok || bad "the plain backup was not replaced by a sealed one: $(ls "$tmp/backups")"
if grep -rqa "SQLite format 3" "$tmp/backups"; then bad "a plain database is left among the backups"; else ok; fi
expect_status 0 "a walk-in after the backup" -- "$ctl" checkin --data "$d" --walk-in --surname After --forenames Backup \
  --dob 02/03/1971 --sex F
events=$(sqlite3 "$d/longstop.db" "SELECT count(*) FROM events")
expect_status 2 "restore with a wrong code" -- "$ctl" backup restore --data "$d" "$backup" <<<AAAA-BBBB-CCCC-DDDD-EEEE-FFFF
contains "$tmp/err" "That recovery code does not open this backup" "the wrong code is named"
expect_status 2 "restore with the code as an option" -- "$ctl" backup restore --data "$d" "$backup" --recovery-code "$code"
head -c 2000 "$backup" >"$tmp/cut.lsbackup"
expect_status 1 "restore a cut backup" -- "$ctl" backup restore --data "$d" "$tmp/cut.lsbackup" <<<"$code"
contains "$tmp/err" "The backup is damaged, cut short or has been changed" "the cut backup is refused with a sentence"
[ "$(sqlite3 "$d/longstop.db" "SELECT count(*) FROM events")" = "$events" ] && [ ! -e "$d/longstop.db.before-restore" ] &&
  ok || bad "a refused restore changed the data directory"
expect_status 0 "restore with the recovery code on standard input" -- "$ctl" backup restore --data "$d" "$backup" <<<"$code"
contains "$tmp/out" "Restored device" "restore says what it restored"
[ -e "$d/longstop.db.before-restore" ] && ok || bad "the replaced database was not kept aside"
[ "$(sqlite3 "$d/longstop.db" "SELECT count(*) FROM events")" -lt "$events" ] && ok || bad "the restore did not go back"
expect_status 0 "status after the restore" -- "$ctl" status --data "$d" --json
contains "$tmp/out" '"waiting":2' "the walk-in made after the backup is gone"
rm -f "$d/longstop.db.before-restore" "$d/longstop.db.before-restore-wal"

# Appointment codes: a PNG per appointment that the real decoder reads back as a valid LSA1 code.
expect_status 2 "appointment-codes without a code" -- "$ctl" appointment-codes --data "$d" --out "$tmp/codes" </dev/null
expect_status 0 "appointment-codes" -- "$ctl" appointment-codes --data "$d" --out "$tmp/codes" <<<"$code"
contains "$tmp/codes/index.csv" "A1002" "the index lists the appointments"
contains "$tmp/codes/index.csv" "Wolstenholme" "the index names who each code is for"
expect_status 0 "scan an appointment code" -- "$ctl" scan --data "$d" --json "$tmp/codes/A1001.png"
contains "$tmp/out" '"kind":"appointment"' "the PNG decodes to an appointment code"
contains "$tmp/out" '"validity":"valid"' "and its MAC checks"

# A picture that declares 20000x20000 (900 MB to decode; 400 kB on disk) is refused from its header.
python3 - "$tmp/big.png" <<'PY'
import struct, sys, zlib
w = h = 20000
z = zlib.compressobj(9)
row = bytes(w + 1)
idat = b"".join(z.compress(row) for _ in range(h)) + z.flush()
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                              + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
PY
expect_status 2 "scan refuses a picture too large to decode" -- "$ctl" scan "$tmp/big.png"
contains "$tmp/err" "the picture is 20000 x 20000 pixels; Longstop reads pictures of at most 50 megapixels" \
  "scan says the picture's size and the limit"

# An appointment ID is a file name there: one that would climb out of --out is refused, nothing written.
expect_status 0 "init a second site" -- "$ctl" init --data "$tmp/site2" --ods B82005 --name "Hillside" --json
code2=$(sed -E 's/.*"recovery_code":"([^"]+)".*/\1/' "$tmp/out")
printf '%s\n' "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode" \
  "A2001,${today}T09:10,Dr Patel,GP,,Ng,Li,1990-01-01,F," "../../escaped,${today}T09:20,Dr Patel,GP,,Ng,Mo,1991-01-01,M," \
  >"$tmp/climb.csv"
expect_status 0 "import an ID with slashes" -- "$ctl" import-appointments --data "$tmp/site2" "$tmp/climb.csv"
mkdir -p "$tmp/deep/a"
expect_status 2 "appointment-codes refuses an ID that is not a file name" -- "$ctl" appointment-codes \
  --data "$tmp/site2" --out "$tmp/deep/a/codes" <<<"$code2"
contains "$tmp/err" 'The appointment ID "../../escaped" cannot be used as a file name' "the refusal names the ID"
if [ -e "$tmp/deep/escaped.png" ] || [ -e "$tmp/deep/escaped.txt" ] || [ -e "$tmp/deep/a/codes" ]; then
  bad "appointment-codes wrote files for a refused ID"
else ok; fi

# Staff cards.
# staff add reads the recovery code, then the new PIN: one line each.
expect_status 2 "staff add with a short PIN" -- "$ctl" staff add --data "$d" --name "Jo" --role reception \
  < <(printf '%s\n' "$code" 12345)
expect_status 2 "staff add with a wrong recovery code" -- "$ctl" staff add --data "$d" --name "Jo" --role reception \
  < <(printf '%s\n' AAAA-BBBB-CCCC-DDDD-EEEE-FFFF 12345678)
expect_status 2 "staff add with a bad role" -- "$ctl" staff add --data "$d" --name "Jo" --role boss \
  < <(printf '%s\n' "$code" 12345678)
expect_status 2 "staff add with no PIN" -- "$ctl" staff add --data "$d" --name "Jo" --role reception <<<"$code"
contains "$tmp/err" "No PIN for Jo's card was given." "says the PIN is missing"
expect_status 2 "staff add with the PIN on the command line" -- "$ctl" staff add --data "$d" --name "Jo" \
  --role reception --pin 12345678 <<<"$code"
contains "$tmp/err" "--pin is no longer accepted on the command line:" "says it is no longer accepted"
expect_status 0 "staff add" -- "$ctl" staff add --data "$d" --name "Zoë Desk" --role reception \
  --card-png "$tmp/card.png" --json < <(printf '%s\n' "$code" 12345678)
card=$(sed -E 's/.*"card":"([^"]+)".*/\1/' "$tmp/out")
staff_id=$(sed -E 's/.*"staff_id":"([^"]+)".*/\1/' "$tmp/out")
if command -v zbarimg >/dev/null; then
  if [ "$(zbarimg -q --raw "$tmp/card.png" 2>/dev/null)" = "$card" ]; then ok; else bad "card PNG does not decode to $card"; fi
fi
expect_status 0 "staff list" -- "$ctl" staff list --data "$d" --json
contains "$tmp/out" '"status":"active"' "the new card is active"
expect_status 0 "staff revoke" -- "$ctl" staff revoke --data "$d" "$staff_id" <<<"$code"
expect_status 0 "staff list" -- "$ctl" staff list --data "$d"
contains "$tmp/out" "revoked" "the card shows as revoked"
if grep -rqa -e "${card#LSS1:*:}" "$d"; then bad "a card secret was stored"; else ok; fi

expect_status 0 "verify a sound site" -- "$ctl" verify --data "$d"
contains "$tmp/out" "this device's unlocked key" "verify trusts this boot's key"

# After a reboot (lock forgets this boot's keys) nothing can be recorded until the recovery code is given.
expect_status 0 "lock" -- "$ctl" lock --data "$d"
expect_status 2 "a locked site refuses a check-in" -- "$ctl" checkin --data "$d" --appointment A1002
contains "$tmp/err" "locked" "the refusal says the kiosk is locked"
expect_status 0 "verify a locked site" -- "$ctl" verify --data "$d"
contains "$tmp/out" "the key the database names itself" "verify says it could only use the card's own key"
expect_status 2 "unlock with a wrong code" -- sh -c "echo AAAA-BBBB-CCCC-DDDD-EEEE-FFFF | '$ctl' unlock --data '$d'"
expect_status 2 "unlock refuses the code as an option" -- "$ctl" unlock --data "$d" --recovery-code "$code"
expect_status 0 "unlock with the recovery code on standard input" -- sh -c "echo '$code' | '$ctl' unlock --data '$d'"
contains "$tmp/out" "Unlocked for this boot" "unlock says so"
expect_status 0 "a check-in once unlocked" -- "$ctl" checkin --data "$d" --appointment A1002
sign_pk=$(sqlite3 "$d/longstop.db" "SELECT value FROM meta WHERE key = 'sign_pk'")
expect_status 0 "verify with the device's key given" -- "$ctl" verify --data "$d" --signer "$sign_pk"
expect_status 1 "verify with another device's key" -- "$ctl" verify --data "$d" --signer "$(printf '%064d' 7)"

# Tamper with one event the way someone with the SD card could, around the triggers.
first_checkin=$(sqlite3 "$d/longstop.db" "SELECT min(seq) FROM events WHERE kind = 'checkin'")
sqlite3 "$d/longstop.db" "DROP TRIGGER events_no_update; UPDATE events SET data = replace(data, 'A001', 'A009') WHERE kind = 'checkin';"
expect_status 1 "verify finds a tampered event" -- "$ctl" verify --data "$d"
contains "$tmp/err" "event $first_checkin:" "verify names the first bad row"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
