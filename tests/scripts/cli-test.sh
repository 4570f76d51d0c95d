#!/usr/bin/env bash
# cli-test.sh LONGSTOP
# The command line's contract: bad usage is one clear sentence and exit 2; a failing script names its
# file and line and exits 1; --board on a folder with no site says so.
set -uo pipefail
longstop=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# expect STATUS PATTERN -- ARGS...: run longstop, check its exit status and that stderr matches.
expect() {
  local want=$1 pattern=$2
  shift 3
  "$longstop" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  local matched=yes
  if [[ -z $pattern ]]; then [[ -s $work/err ]] && matched=no
  else grep -q -E -- "$pattern" "$work/err" || matched=no; fi
  if [[ $got != "$want" || $matched == no ]]; then
    echo "longstop $*: exit $got (want $want), stderr:"
    sed 's/^/  /' "$work/err"
    echo "  (wanted it to match: $pattern)"
    status=1
  fi
}

expect 2 "Unknown option '--frobnicate'" -- --frobnicate
expect 2 "--size wants WIDTHxHEIGHT" -- --size 800
expect 2 "--now wants local time" -- --now tomorrow
expect 2 "There is no Longstop database" -- --board --headless --data "$work/nothing-here"
expect 2 "Cannot read the script" -- --headless --demo --script "$work/missing.lsk"
printf 'tap "Check in"\nfrobnicate\n' >"$work/bad.lsk"
expect 2 "bad.lsk:2: unknown command 'frobnicate'" -- --headless --demo --script "$work/bad.lsk"
printf '# a comment\ntap "Check in"\nexpect "Your number is"\n' >"$work/fails.lsk"
expect 1 'fails.lsk:3: expect "Your number is": not visible' -- --headless --demo --data "$work/site3" \
  --now 2026-11-29T09:00 --script "$work/fails.lsk"
printf 'tap "No such button"\n' >"$work/notap.lsk"
expect 1 'notap.lsk:1: tap "No such button": no visible button' -- --headless --demo --data "$work/site2" \
  --script "$work/notap.lsk"
printf 'expect "Check in"\n' >"$work/ok.lsk"
expect 0 'recovery code' -- --headless --demo --data "$work/site" --script "$work/ok.lsk"
# The second run opens the existing site: no new demo site, so nothing at all on stderr.
expect 0 '' -- --headless --demo --data "$work/site" --script "$work/ok.lsk"
exit $status
