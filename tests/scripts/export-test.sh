#!/usr/bin/env bash
# export-test.sh LONGSTOP LONGSTOP_BATCH [WxH]
# The re-entry loop through the kiosk's screens, in three runs of the real kiosk on one data directory
# with the receiving organisation's tool between them:
#   export_make.lsk  the key scanned on the admin screen, the kiosk's trust code shown there, a batch
#                    made, the copy refused without a stick
#   export_copy.lsk  a folder stands in for the stick (--test-media): copied, "Safe to remove", QR stream
#   export_ack.lsk   the acknowledgement `longstop-batch ack` made from the stick's copy, scanned
# Between the runs it checks the database, that the receiving PC refuses the batch until it trusts the
# kiosk from a photo of the admin screen's trust code, that the stick's copy then verifies and leaks no
# name, and that `longstop-batch receive` rebuilds the batch byte for byte from the screenshots of the
# QR stream.
# @NAME@ in the scripts is replaced with values known only at run time. Screenshots are kept in
# $LONGSTOP_TEST_SHOTS when it is set. Exit 0 when all hold, 1 otherwise, 77 when a tool is missing.
set -uo pipefail
longstop=$(realpath "$1")
batch=$(realpath "$2")
size=${3:-1280x800}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "export-test: sqlite3 is not installed"; exit 77; }
export SDL_AUDIODRIVER=dummy LONGSTOP_LIST_DIR=$work/lists LONGSTOP_TRUST_STORE=$work/pc/trusted-kiosks
mkdir -p "$work/lists" "$work/shots"
cd "$work"
status=0
fail() { echo "export-test ($size): $*"; status=1; }
keepShots() {
  if [[ -n ${LONGSTOP_TEST_SHOTS:-} ]]; then
    mkdir -p "$LONGSTOP_TEST_SHOTS/$size"
    cp "$work"/shots/*.png "$LONGSTOP_TEST_SHOTS/$size/" 2>/dev/null
  fi
}

# sql QUERY EXPECTED
sql() {
  local got
  got=$(sqlite3 "$work/data/longstop.db" "$1" 2>&1 | tr '\n' ';' | sed 's/;$//')
  [[ $got == "$2" ]] || fail "$1 => got '$got', want '$2'"
}

# run PART TIME EXTRA-ARGS...: fills in the part's @NAME@s and runs it; stops the test if it fails.
declare -A vars
run() {
  local part=$1 now=$2
  shift 2
  local text
  text=$(cat "$here/$part.lsk")
  for name in "${!vars[@]}"; do text=${text//@$name@/${vars[$name]}}; done
  printf '%s\n' "$text" >"$work/$part.lsk"
  if ! "$longstop" --headless --data "$work/data" --size "$size" --now "2026-11-29T$now" \
      --script "$work/$part.lsk" --test-media "$work/stick" "$@" 2>"$work/$part.stderr"; then
    echo "export-test ($size): $part failed:"
    grep -v 'recovery code' "$work/$part.stderr"
    keepShots
    exit 1
  fi
}

# The key ID as the kiosk shows it: the first 8 bytes of SHA-256(x25519-public || ed25519-public), in hex.
unb64url() {
  local s=${1//-/+}
  s=${s//_//}
  while (( ${#s} % 4 )); do s+='='; done
  printf '%s' "$s" | base64 -d
}

"$batch" keygen --out "$work/org" >/dev/null 2>&1 || { echo "export-test: longstop-batch keygen failed"; exit 1; }
vars[RECIPIENT]=$(cat "$work/org.pub")
IFS=: read -r _ x25519 ed25519 <"$work/org.pub"
vars[KEYID]=$({ unb64url "$x25519"; unb64url "$ed25519"; } | sha256sum | cut -c1-16)

# 1: no stick yet (the folder standing in for it does not exist).
run export_make 09:00 --demo --test-admin --test-work-pace 1500
card=$(sed -n 's/.*demo reception card (shown once): \(LSS1:[^ ]*\)  PIN \([0-9]*\).*/\1/p' "$work/export_make.stderr")
pin=$(sed -n 's/.*demo reception card (shown once): \(LSS1:[^ ]*\)  PIN \([0-9]*\).*/\2/p' "$work/export_make.stderr")
[[ -n $card && -n $pin ]] || { echo "export-test: the demo card was not shown"; exit 1; }
vars[CARD]=$card
vars[PIN]=$pin
sql "SELECT seq || ':' || record_count || ':' || recipient_key_id || ':' || (acknowledged_ms IS NULL) FROM batches" \
  "1:2:${vars[KEYID]}:1"
sql "SELECT count(*) FROM checkins WHERE batch_seq = 1" "2"
sql "SELECT count(*) FROM checkins WHERE batch_seq IS NULL" "0"
sql "SELECT count(*) FROM events WHERE kind = 'export'" "1"
[[ ! -e $work/stick ]] || fail "something was written where the stick would be"

# 2: the stick is plugged in.
mkdir "$work/stick"
run export_copy 09:10
file=$(sqlite3 "$work/data/longstop.db" "SELECT file_name FROM batches WHERE seq = 1")
if ! cmp -s "$work/stick/$file" "$work/data/batches/$file"; then
  fail "the stick's $file is not the kiosk's copy ($(ls "$work/stick"))"
fi
# First contact: until the PC trusts the kiosk's key, the batch is refused (exit 4); a photo of the
# admin screen's trust code is what it trusts.
"$batch" verify "$work/stick/$file" >"$work/verify.out" 2>&1
[[ $? == 4 ]] || fail "an untrusted batch was not refused with exit 4: $(cat "$work/verify.out")"
"$batch" trust add --image "$work/shots/admin-trust-code.png" >"$work/trust.out" 2>&1 ||
  fail "longstop-batch trust add --image could not read the admin screen's code: $(cat "$work/trust.out")"
grep -q "Kiosk DEMO1-" "$work/trust.out" || fail "trust add did not name the kiosk: $(cat "$work/trust.out")"
"$batch" verify "$work/stick/$file" >"$work/verify.out" 2>&1 || fail "longstop-batch verify: $(cat "$work/verify.out")"
for name in Khan Smith "9990000026"; do
  grep -r -a -q -F -- "$name" "$work/stick" && fail "'$name' can be read on the stick"
done
# The QR stream, read back from the screenshots as a receiving PC reads photos of the screen.
if "$batch" receive --out "$work/received.lsbatch" "$work"/shots/qr-*.png >"$work/receive.out" 2>&1; then
  cmp -s "$work/received.lsbatch" "$work/stick/$file" || fail "the QR stream rebuilt a different file"
else
  fail "longstop-batch receive could not rebuild the batch from the QR screenshots: $(cat "$work/receive.out")"
fi

# 3: the organisation's acknowledgement, and a damaged one (its signature changed).
ack=$("$batch" ack --key "$work/org.key" "$work/stick/$file" 2>/dev/null)
[[ $ack == LSK1:* ]] || { echo "export-test: longstop-batch ack made no code"; exit 1; }
vars[ACK]=$ack
sig=${ack##*:}
vars[BADACK]=${ack%:*}:$([[ ${sig:0:1} == A ]] && echo B || echo A)${sig:1}
run export_ack 09:20
sql "SELECT count(*) FROM batches WHERE acknowledged_ms IS NOT NULL" "1"
sql "SELECT count(*) FROM events WHERE kind = 'batch-acknowledged'" "1"

keepShots
exit $status
