#!/usr/bin/env bash
# The data card full, then read-only, on a real small filesystem: a check-in is refused with the reason
# ("The data card is full" / "is read-only"), nothing already acknowledged is lost, and check-ins work
# again once space is made or the card is writable again.
# Usage: test_full_card.sh PATH/TO/longstopctl
# Needs root to mount a 4 MiB tmpfs; skips (77), saying why, where mounting is refused.
set -u
ctl=$1
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to mount a small filesystem"; exit 77; }
tmp=$(mktemp -d)
card=$tmp/card
mkdir "$card"
if ! mount -t tmpfs -o size=4m,mode=755 tmpfs "$card" 2>"$tmp/mount.err"; then
  echo "SKIP: could not mount a small tmpfs: $(cat "$tmp/mount.err")"
  rmdir "$card"; rm -rf "$tmp"; exit 77
fi
trap 'umount "$card"; rm -rf "$tmp"' EXIT
. "$(cd "$(dirname "$0")" && pwd)/../support/shell_checks.sh"

d=$card/site
expect_status 0 "init" -- "$ctl" init --data "$d" --ods B82005 --name "Riverside Surgery" --json
code=$(sed -E 's/.*"recovery_code":"([^"]+)".*/\1/' "$tmp/out")
acked=()
checkin() {  # checkin N: a walk-in; an acknowledged ticket is remembered
  "$ctl" checkin --data "$d" --walk-in --surname "Surname$1" --forenames Tom --dob 02/03/1970 --sex M \
    --json >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [ $rc = 0 ] && acked+=("$(sed -E 's/.*"ticket":"([^"]+)".*/\1/' "$tmp/out")")
  return $rc
}
all_acked_listed() {  # every acknowledged ticket is in the kiosk's list
  "$ctl" checkins --data "$d" --json <<<"$code" >"$tmp/list" 2>"$tmp/list.err" || {
    bad "$1: checkins failed: $(cat "$tmp/list.err")"; return; }
  local t missing=0
  for t in "${acked[@]}"; do grep -qF "\"ticket\":\"$t\"" "$tmp/list" || { missing=1; bad "$1: $t lost"; }; done
  [ $missing = 0 ] && ok
}
for i in 1 2 3; do checkin $i || bad "check-in $i before the card fills: $(cat "$tmp/err")"; done

# Fill the card. SQLite reuses WAL space it already has, so a few more check-ins may still fit:
# go on until one is refused (bounded), and that refusal must name the full card.
dd if=/dev/zero of="$card/filler" bs=64k 2>/dev/null
refused=0
for i in $(seq 10 400); do
  if ! checkin $i; then refused=1; break; fi
done
if [ $refused = 1 ]; then ok; else bad "no check-in was refused on a full card"; fi
contains "$tmp/err" "The data card is full" "the refusal names the full card"
if grep -q "terminate called\|filesystem_error" "$tmp/err"; then bad "no uncaught exception"; else ok; fi
all_acked_listed "on the full card"
reads_work() {  # reads_work LABEL: status, verify and a sealed backup to another disk work on the card
  expect_status 0 "status $1" -- "$ctl" status --data "$d" --json
  expect_status 0 "verify $1" -- "$ctl" verify --data "$d"
  rm -rf "$tmp/elsewhere"; mkdir "$tmp/elsewhere"
  expect_status 0 "backup to another disk $1" -- "$ctl" backup --data "$d" --to "$tmp/elsewhere"
  if ls "$tmp/elsewhere"/*.lsbackup >/dev/null 2>&1; then ok; else bad "$1: no backup was written elsewhere"; fi
}
reads_work "on the full card"

rm -f "$card/filler"
checkin 500 || bad "a check-in once space is made: $(cat "$tmp/err")"
all_acked_listed "after space was made"
expect_status 0 "verify after the full card" -- "$ctl" verify --data "$d"

# Read-only: refused with the reason, nothing lost, and writable again after a remount.
mount -o remount,ro "$card" || { bad "remount read-only"; }
if checkin 600; then bad "a check-in on a read-only card was acknowledged"; else ok; fi
contains "$tmp/err" "The data card is read-only" "the refusal names the read-only card"
if grep -q "terminate called\|filesystem_error" "$tmp/err"; then bad "no uncaught exception"; else ok; fi
all_acked_listed "on the read-only card"
reads_work "on the read-only card"
mount -o remount,rw "$card" || { bad "remount read-write"; }
checkin 700 || bad "a check-in once the card is writable: $(cat "$tmp/err")"
all_acked_listed "after the read-only card"
expect_status 0 "verify after the read-only card" -- "$ctl" verify --data "$d"

echo "$pass passed, $fail failed (${#acked[@]} check-ins acknowledged)"
[ "$fail" = 0 ]
