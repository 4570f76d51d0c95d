#!/usr/bin/env bash
# `longstopctl printer test`: a sample ticket goes to the printer (a file standing in for /dev/usb/lp0
# here) as ESC/POS ending in a cut, its picture's QR code reads back with zbarimg, and an absent or
# unset printer is said in words (exit status 1 for a printer fault, 2 for none set).
# Usage: test_printer_test.sh PATH/TO/longstopctl
set -u
ctl=$1
command -v zbarimg >/dev/null || { echo "zbarimg (zbar-tools) is missing (tools/test installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(cd "$(dirname "$0")" && pwd)/../support/shell_checks.sh"

d=$tmp/site
expect_status 0 "init" -- "$ctl" init --data "$d" --ods B82005 --name "Riverside Surgery" --json
: >"$tmp/lp0"
expect_status 0 "a test ticket to the printer" -- "$ctl" printer test --data "$d" --device "$tmp/lp0" --paper 58 \
  --out "$tmp/ticket.png"
contains "$tmp/out" "A test ticket went to $tmp/lp0" "the printer named"
# ESC @ first, GS V 66 0 (the cut) last, and a 384-dot (48-byte) raster block in between.
head -c 2 "$tmp/lp0" | od -An -tx1 | grep -q '1b 40' && ok || bad "the job does not start with ESC @"
tail -c 4 "$tmp/lp0" | od -An -tx1 | grep -q '1d 56 42 00' && ok || bad "the job does not end with a cut"
head -c 8 "$tmp/lp0" | od -An -tx1 | grep -q '1d 76 30 00 30 00' && ok || bad "no 58 mm raster block after ESC @"
if [ "$(zbarimg -q --raw "$tmp/ticket.png" 2>/dev/null)" = "LST1:TEST-000000:00000000" ]; then ok
else bad "the test ticket's QR code does not read back"; fi

expect_status 1 "an absent printer" -- "$ctl" printer test --data "$d" --device "$tmp/no-such-lp"
contains "$tmp/err" "There is no ticket printer at $tmp/no-such-lp" "the absent printer named"
expect_status 2 "no printer set" -- "$ctl" printer test --data "$d"
contains "$tmp/err" "No ticket printer is set" "the unset printer said"
expect_status 2 "a paper width it cannot print" -- "$ctl" printer test --data "$d" --device "$tmp/lp0" --paper 70

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
