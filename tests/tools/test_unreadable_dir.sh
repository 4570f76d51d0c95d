#!/usr/bin/env bash
# A data directory the service user cannot read, and one whose database was set aside as damaged: the
# command line and the calling board say what is wrong (never an uncaught exception, never "run init").
# Usage: test_unreadable_dir.sh PATH/TO/longstopctl PATH/TO/longstop
# Needs root, to make a site and then look at it as another user (nobody); skips (77) without.
set -u
ctl=$1 kiosk=$2
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to run the tools as another user"; exit 77; }
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
. "$(cd "$(dirname "$0")" && pwd)/../support/shell_checks.sh"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }

d=$tmp/site
expect_status 0 "init" -- "$ctl" init --data "$d" --ods B82005 --name "Riverside Surgery" --json
chmod 700 "$d"

expect_status 3 "status on a directory it cannot read" -- as_nobody "$ctl" status --data "$d"
contains "$tmp/err" "cannot be read" "status says the directory cannot be read"
contains "$tmp/err" "Permission denied" "and why"
expect_status 3 "verify on a directory it cannot read" -- as_nobody "$ctl" verify --data "$d"
contains "$tmp/err" "cannot be read" "verify says so too"
expect_status 2 "the board on a directory it cannot read" -- \
  as_nobody env SDL_VIDEODRIVER=offscreen "$kiosk" --board --headless --data "$d"
contains "$tmp/err" "cannot be read" "the board says the directory cannot be read"
if grep -q "filesystem_error\|terminate called" "$tmp/err"; then bad "no uncaught exception"; else ok; fi

# The database set aside as damaged: a site that needs restoring, not a new one.
chmod 755 "$d"
mv "$d/longstop.db" "$d/longstop.db.damaged-1"
expect_status 1 "status over a database set aside" -- "$ctl" status --data "$d"
contains "$tmp/err" "longstop.db.damaged-1" "status names the file kept aside"
if grep -q "run init\|longstopctl init" "$tmp/err"; then bad "status must not suggest a new site"; else ok; fi
expect_status 2 "init refuses to start over it" -- "$ctl" init --data "$d" --ods B82005 --name X

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
