#!/usr/bin/env bash
# The newest check-ins lost with an older backup put back: `backup restore`, `verify`, `status`,
# `checkin` and the kiosk at start all say "the newest N events are missing since HH:MM", nothing is
# numbered over the loss, and after `accept-loss` the next ticket is not one handed out before.
# Usage: test_log_loss.sh PATH/TO/longstopctl PATH/TO/longstop
set -u
ctl=$1 kiosk=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(cd "$(dirname "$0")" && pwd)/../support/shell_checks.sh"

d=$tmp/site
walk_in() { "$ctl" checkin --data "$d" --walk-in --surname "$1" --forenames Test --dob 01/01/1980 --sex F --json; }
expect_status 0 "init" -- "$ctl" init --data "$d" --ods B82005 --name "Riverside Surgery" --json
code=$(sed -n 's/.*"recovery_code":"\([^"]*\)".*/\1/p' "$tmp/out")
for s in One Two Three; do expect_status 0 "check-in $s" -- walk_in "$s"; done
expect_status 0 "backup (the mark moves with it)" -- "$ctl" backup --data "$d" --to "$tmp/backups"
[ -s "$d/longstop.mark" ] && ok || bad "no high-water mark beside the database after a backup"
first=$(ls "$tmp"/backups/*.lsbackup)
expect_status 0 "check-in Four" -- walk_in Four
contains "$tmp/out" '"ticket":"W004"' "the fourth ticket"
expect_status 0 "check-in Five" -- walk_in Five
expect_status 0 "a second backup" -- "$ctl" backup --data "$d" --to "$tmp/backups"

expect_status 1 "restore of the older backup says what it lost" -- "$ctl" backup restore --data "$d" "$first" <<<"$code"
contains "$tmp/err" "The newest 2 events are missing since" "restore names the loss"
expect_status 1 "verify" -- "$ctl" verify --data "$d"
contains "$tmp/err" "The newest 2 events are missing since" "verify names the loss"
expect_status 1 "status" -- "$ctl" status --data "$d"
contains "$tmp/err" "events are missing" "status does not look like a whole site"
expect_status 1 "no check-in over the loss" -- walk_in Six
contains "$tmp/err" "events are missing" "the check-in says why"

cat >"$tmp/fault.lsk" <<'LSK'
expect "Please check in at reception"
expect "The newest 2 events are missing since"
LSK
expect_status 0 "the kiosk at start shows the loss" -- \
  env SDL_VIDEODRIVER=offscreen "$kiosk" --headless --data "$d" --script "$tmp/fault.lsk"

expect_status 0 "accept-loss" -- "$ctl" accept-loss --data "$d"
contains "$tmp/out" "Recorded the loss of events" "accept-loss says what it recorded"
expect_status 0 "a check-in after the loss" -- walk_in Six
contains "$tmp/out" '"ticket":"W006"' "W004 and W005 are not given again"
if grep -q -e '-000004"' -e '-000005"' "$tmp/out"; then bad "a record ID handed out before the loss came again"; else ok; fi
expect_status 0 "verify after the loss is recorded" -- "$ctl" verify --data "$d"
contains "$tmp/out" "events lost earlier" "verify still says that events were lost"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
