#!/bin/bash
# The USB ticket printer's udev rule as the image recipe installs it (configure_root on a bare tree):
# in place, every line well formed (KEY=="match" / KEY="assign" pairs, keys udev knows), matching the
# usblp devices and giving them to group lp, 0660; and the kiosk's user and unit in that group. Debian
# 12's udev (252) has no `udevadm verify`; where a udevadm has it, it checks the file too.
# usage: check_printer_rule.sh SOURCE_ROOT
set -euo pipefail
repo=$1

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/lib/systemd/system" "$root/etc"
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
printf 'root:x:0:\n' >"$root/etc/group"
printf 'root:*:19000:0:99999:7:::\n' >"$root/etc/shadow"
# shellcheck source=image/lib.sh
. "$repo/image/lib.sh"
configure_root arm64 "$root" "$repo/image" >/dev/null 2>&1 || true  # only the rule is looked at here

failures=0
fail() { echo "FAIL  $1"; failures=$((failures + 1)); }
pass() { echo "PASS  $1"; }
rule=$root/usr/lib/udev/rules.d/70-longstop-printer.rules
[ -f "$rule" ] && pass "the rule is installed in /usr/lib/udev/rules.d" || { fail "no $rule"; exit 1; }
[ "$(stat -c %a "$rule")" = 644 ] && pass "it is 0644" || fail "it is $(stat -c %a "$rule"), not 0644"

# Each rule line: comma-separated KEY{attr}OP"value" with ==/!= for matches and =/+=/:= for assignments.
known='ACTION|KERNEL|SUBSYSTEM|SUBSYSTEMS|DRIVER|DRIVERS|ATTR|ATTRS|ENV|TAG|GROUP|OWNER|MODE|SYMLINK'
lines=0
while IFS= read -r line; do
  case "$line" in '' | '#'*) continue ;; esac
  lines=$((lines + 1))
  rest=$line
  while [ -n "$rest" ]; do
    if [[ $rest =~ ^[[:space:]]*(($known)(\{[A-Za-z0-9_]+\})?)[[:space:]]*(==|!=|=|\+=|:=)[[:space:]]*\"([^\"]*)\"[[:space:]]*(,|$)(.*)$ ]]; then
      rest=${BASH_REMATCH[7]}
    else
      fail "line not well formed near: $rest"
      break
    fi
  done
done <"$rule"
[ "$lines" = 1 ] && pass "one rule" || fail "$lines rules, wanted 1"
grep -q '^SUBSYSTEM=="usbmisc", KERNEL=="lp\[0-9\]\*", GROUP="lp", MODE="0660"$' "$rule" &&
  pass "usblp's lp devices go to group lp, 0660" || fail "the rule does not give usbmisc lp* to lp 0660"
grep -q '^m longstop lp$' "$repo/systemd/sysusers-longstop.conf" && pass "the kiosk's user is in group lp" ||
  fail "sysusers does not put longstop in lp"
grep -Eq '^SupplementaryGroups=.*\blp\b' "$repo/systemd/longstop.service.in" && grep -q '^DeviceAllow=char-usb rw' \
  "$repo/systemd/longstop.service.in" && pass "the kiosk's unit has group lp and the usb devices" ||
  fail "longstop.service lacks lp or char-usb"
if command -v udevadm >/dev/null && udevadm verify --help >/dev/null 2>&1; then
  udevadm verify "$rule" && pass "udevadm verify" || fail "udevadm verify"
fi
exit $((failures > 0))
