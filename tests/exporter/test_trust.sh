#!/usr/bin/env bash
# Pinned signers, from the command line: a real kiosk's batch is refused by every longstop-batch verb
# until its trust code is added; forged batches (a fresh key and the organisation's public key only, a
# real batch re-signed, a signer line swapped) are refused by every verb even then; the trust store
# refuses a mistyped code, a second key for a kiosk, and a damaged or shared file.
# Usage: test_trust.sh longstopctl longstop-batch forge-batch kiosk-trust-code
set -u
ctl=$1 lb=$2 forge=$3 trustcode=$4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/../support/shell_checks.sh"
# Never the person's own trust store: the default location is under this HOME.
export HOME=$tmp/home
unset XDG_CONFIG_HOME
export LONGSTOP_TRUST_STORE=$tmp/pc/trusted-kiosks

d=$tmp/site
mkdir -p "$tmp/pc" "$tmp/usb" "$HOME"
"$ctl" init --data "$d" --ods B82005 --name "Riverside Surgery" --json >"$tmp/init" || { echo "init failed"; exit 1; }
recovery=$(sed -E 's/.*"recovery_code":"([^"]+)".*/\1/' "$tmp/init")
expect_status 0 "walk-in" -- "$ctl" checkin --data "$d" --walk-in --surname Wolstenholme --forenames Ann \
  --dob 1984-03-07 --sex F
"$lb" keygen --out "$tmp/pc/org" >/dev/null || { echo "keygen failed"; exit 1; }
expect_status 0 "recipient set" -- "$ctl" recipient set --data "$d" "$tmp/pc/org.pub" <<<"$recovery"
expect_status 0 "export" -- "$ctl" export --data "$d" --to "$tmp/usb" <<<"$recovery"
real=$(ls "$tmp"/usb/*.lsbatch)
code=$("$trustcode" "$d") || { echo "the kiosk's trust code could not be read"; exit 1; }
device=$(echo "$code" | cut -d: -f3)
case "$code" in LSD1:B82005:"$device":*) ok ;; *) bad "trust code '$code'" ;; esac

# refused_by_every_verb WHAT FILE STATUS TEXT: each verb that reads a batch exits STATUS, says TEXT,
# and writes nothing from it.
refused_by_every_verb() {
  local what=$1 file=$2 want=$3 text=$4 out=$tmp/refused
  rm -rf "$out" "$tmp/frames"
  mkdir -p "$out" "$tmp/frames"
  "$forge" frames "$file" "$tmp/frames" || bad "$what: no QR frames"
  expect_status "$want" "$what: verify" -- "$lb" verify "$file"
  contains "$tmp/err" "$text" "$what: verify says why"
  if grep -q "Verified" "$tmp/out"; then bad "$what: verify printed Verified"; else ok; fi
  expect_status "$want" "$what: decrypt" -- "$lb" decrypt --key "$tmp/pc/org.key" "$file" --out "$out/dir"
  contains "$tmp/err" "$text" "$what: decrypt says why"
  [ ! -e "$out/dir" ] && ok || bad "$what: decrypt wrote $(ls "$out/dir")"
  expect_status "$want" "$what: to-fhir" -- "$lb" to-fhir --key "$tmp/pc/org.key" "$file" --out "$out/bundle.json"
  contains "$tmp/err" "$text" "$what: to-fhir says why"
  [ ! -e "$out/bundle.json" ] && ok || bad "$what: to-fhir wrote a Bundle"
  expect_status "$want" "$what: to-csv" -- "$lb" to-csv --key "$tmp/pc/org.key" "$file"
  contains "$tmp/err" "$text" "$what: to-csv says why"
  [ ! -s "$tmp/out" ] && ok || bad "$what: to-csv printed $(head -c 200 "$tmp/out")"
  expect_status "$want" "$what: report" -- "$lb" report --key "$tmp/pc/org.key" "$file"
  contains "$tmp/err" "$text" "$what: report says why"
  expect_status "$want" "$what: ack" -- "$lb" ack --key "$tmp/pc/org.key" "$file" --png "$out/ack.png"
  contains "$tmp/err" "$text" "$what: ack says why"
  [ ! -e "$out/ack.png" ] && [ ! -s "$tmp/out" ] && ok || bad "$what: ack made a code: $(cat "$tmp/out")"
  expect_status "$want" "$what: receive" -- "$lb" receive --out "$out/received.lsbatch" "$tmp"/frames/*.png
  contains "$tmp/err" "$text" "$what: receive says why"
  [ ! -e "$out/received.lsbatch" ] && ok || bad "$what: receive wrote the batch"
}

# First contact has not happened: the real batch is not trusted yet.
refused_by_every_verb "real batch, nothing trusted" "$real" 4 "has not been told to trust"
contains "$tmp/err" "longstop-batch trust add" "the refusal says what to run"
[ ! -e "$LONGSTOP_TRUST_STORE" ] && ok || bad "a refusal wrote a trust store"

expect_status 0 "trust list, empty" -- "$lb" trust list
contains "$tmp/out" "No kiosk is trusted" "an empty store says so"

# A mistyped code is refused and stores nothing.
last=${code: -1}
typo=${code%?}$([ "$last" = A ] && echo B || echo A)
expect_status 2 "a mistyped code" -- "$lb" trust add "$typo"
contains "$tmp/err" "mistyped" "the typo is named"
[ ! -e "$LONGSTOP_TRUST_STORE" ] && ok || bad "a mistyped code was stored"

# First contact: the code typed as the admin screen shows it (key in groups of four).
key=$(echo "$code" | cut -d: -f4)
grouped="LSD1:B82005:$device: $(echo "$key" | sed -E 's/(....)/\1 /g'):$(echo "$code" | cut -d: -f5)"
expect_status 0 "trust add" -- "$lb" trust add $grouped
contains "$tmp/out" "Kiosk B82005-$device is now trusted" "trust add names the kiosk"
[ "$(stat -c %a "$LONGSTOP_TRUST_STORE")" = 600 ] && ok || bad "the trust store is not 0600"
[ ! -e "$LONGSTOP_TRUST_STORE.new" ] && ok || bad "the temporary file was left behind"
expect_status 0 "trust add again" -- "$lb" trust add "$code"
contains "$tmp/out" "already trusted with this key" "adding the same code again changes nothing"
expect_status 0 "trust list" -- "$lb" trust list
contains "$tmp/out" "B82005-$device" "trust list shows the kiosk"

# The trusted real batch passes every verb.
mkdir -p "$tmp/frames-real"
"$forge" frames "$real" "$tmp/frames-real"
expect_status 0 "trusted: verify" -- "$lb" verify "$real"
contains "$tmp/out" "Verified" "verify passes"
expect_status 0 "trusted: decrypt" -- "$lb" decrypt --key "$tmp/pc/org.key" "$real" --out "$tmp/pc/b1"
contains "$tmp/pc/b1/checkins.csv" "Wolstenholme" "decrypt opens it"
expect_status 0 "trusted: to-fhir" -- "$lb" to-fhir --key "$tmp/pc/org.key" "$real"
contains "$tmp/out" '"resourceType"' "to-fhir prints the Bundle"
expect_status 0 "trusted: to-csv" -- "$lb" to-csv --key "$tmp/pc/org.key" "$real"
contains "$tmp/out" "Wolstenholme" "to-csv prints the CSV"
expect_status 0 "trusted: report" -- "$lb" report --key "$tmp/pc/org.key" "$real"
expect_status 0 "trusted: receive" -- "$lb" receive --out "$tmp/pc/received.lsbatch" "$tmp"/frames-real/*.png
cmp -s "$tmp/pc/received.lsbatch" "$real" && ok || bad "receive rebuilt another file"
expect_status 0 "trusted: ack" -- "$lb" ack --key "$tmp/pc/org.key" "$real" --png "$tmp/pc/ack.png"
contains "$tmp/out" "LSK1:B82005:$device:1:" "ack makes the code"

# Forgeries, with the real kiosk trusted.
"$forge" fresh "$tmp/pc/org.pub" B82005 "$device" "$tmp/fresh.lsbatch" || bad "forge fresh"
"$forge" fresh "$tmp/pc/org.pub" B82005 ZZZZ "$tmp/stranger.lsbatch" || bad "forge fresh (stranger)"
"$forge" resign "$real" "$tmp/resigned.lsbatch" || bad "forge resign"
"$forge" swap-signer "$tmp/fresh.lsbatch" "$real" "$tmp/fresh-pinned-signer.lsbatch" || bad "forge swap"
"$forge" swap-signer "$real" "$tmp/fresh.lsbatch" "$tmp/real-other-signer.lsbatch" || bad "forge swap (real)"
refused_by_every_verb "(a) fresh key, the organisation's public key only" "$tmp/fresh.lsbatch" 4 \
  "not by the key this PC trusts for that kiosk"
refused_by_every_verb "(a) fresh key, a kiosk never met" "$tmp/stranger.lsbatch" 4 "has not been told to trust"
refused_by_every_verb "(b) the real batch re-signed" "$tmp/resigned.lsbatch" 4 \
  "not by the key this PC trusts for that kiosk"
refused_by_every_verb "(c) a forgery naming the pinned key" "$tmp/fresh-pinned-signer.lsbatch" 1 \
  "signature does not match"
refused_by_every_verb "(c) the real batch naming another key" "$tmp/real-other-signer.lsbatch" 1 \
  "signature does not match"
# Given beside a real batch, a forgery still fails verify, which names it.
expect_status 4 "verify real and forged together" -- "$lb" verify "$real" "$tmp/stranger.lsbatch"
contains "$tmp/err" "UNTRUSTED: $tmp/stranger.lsbatch" "verify names the forged file"
if grep -q "UNTRUSTED: $real" "$tmp/err"; then bad "verify refused the real batch beside a forgery"; else ok; fi

# A second key for the kiosk is refused unless replaced on purpose.
other=$("$forge" code B82005 "$device")
cp "$LONGSTOP_TRUST_STORE" "$tmp/store.before"
expect_status 2 "another key for the kiosk" -- "$lb" trust add "$other"
contains "$tmp/err" "already trusts a different key for kiosk B82005-$device" "the refusal names the kiosk"
cmp -s "$LONGSTOP_TRUST_STORE" "$tmp/store.before" && ok || bad "the refused key changed the store"
expect_status 0 "--replace" -- "$lb" trust add --replace "$other"
expect_status 4 "the real batch after its key was replaced" -- "$lb" verify "$real"
expect_status 0 "replaced back" -- "$lb" trust add "$code" --replace
expect_status 0 "verify after replacing back" -- "$lb" verify "$real"

# A damaged or shared store is an error naming the file and the line, never an empty store.
cp "$LONGSTOP_TRUST_STORE" "$tmp/store.good"
printf 'rubbish\n' >>"$LONGSTOP_TRUST_STORE"
lines=$(wc -l <"$LONGSTOP_TRUST_STORE")
expect_status 2 "a malformed line" -- "$lb" verify "$real"
contains "$tmp/err" "$LONGSTOP_TRUST_STORE is damaged at line $lines:" "the line is named"
expect_status 2 "trust list of a damaged store" -- "$lb" trust list
expect_status 2 "trust add to a damaged store" -- "$lb" trust add "$code"
grep -q rubbish "$LONGSTOP_TRUST_STORE" && ok || bad "a damaged store was rewritten"
cp "$tmp/store.good" "$LONGSTOP_TRUST_STORE"
printf '%s 2026-12-03T08:00:00Z\n' "$other" >>"$LONGSTOP_TRUST_STORE"
expect_status 2 "the kiosk twice in the store" -- "$lb" verify "$real"
contains "$tmp/err" "kiosk B82005-$device is listed again" "the duplicate is named"
cp "$tmp/store.good" "$LONGSTOP_TRUST_STORE"
chmod 664 "$LONGSTOP_TRUST_STORE"
expect_status 2 "a store others can change" -- "$lb" verify "$real"
contains "$tmp/err" "can be changed by other users" "the shared store is refused"
chmod 600 "$LONGSTOP_TRUST_STORE"

# Taking a kiosk away.
expect_status 0 "trust remove" -- "$lb" trust remove "B82005-$device"
expect_status 4 "verify after remove" -- "$lb" verify "$real"
expect_status 2 "trust remove again" -- "$lb" trust remove "B82005-$device"
contains "$tmp/err" "is not trusted on this PC" "removing an unknown kiosk says so"

# Where the store is: --trust-store over the environment, then XDG_CONFIG_HOME, then ~/.config.
expect_status 0 "--trust-store" -- "$lb" trust add "$code" --trust-store "$tmp/elsewhere/store"
[ -f "$tmp/elsewhere/store" ] && ok || bad "--trust-store was not used"
unset LONGSTOP_TRUST_STORE
expect_status 0 "default store" -- "$lb" trust add "$code"
[ "$(stat -c %a "$HOME/.config/longstop/trusted-kiosks" 2>/dev/null)" = 600 ] && ok || bad "no ~/.config store"
[ "$(stat -c %a "$HOME/.config/longstop")" = 700 ] && ok || bad "the store's folder is open to others"
expect_status 0 "verify with the default store" -- "$lb" verify "$real"
expect_status 4 "XDG_CONFIG_HOME's store is empty" -- env XDG_CONFIG_HOME="$tmp/xdg" "$lb" verify "$real"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
