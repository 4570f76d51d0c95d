#!/bin/bash
# The image recipe's configure_root (image/lib.sh), run on a bare tree holding the host's systemd units
# and ours: Ctrl+Alt+Del must not reboot the appliance (ctrl-alt-del.target masked, and systemd's
# seven-presses fallback off), and no console offers a login. Checked with systemctl and systemd-analyze
# against that tree, as image/test checks the booted image.
# usage: check_console_keys.sh BUILT_UNIT_DIR   (BUILT_UNIT_DIR: <build>/systemd)
set -euo pipefail
units_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

if ! command -v systemd-analyze >/dev/null || ! command -v systemctl >/dev/null; then
  echo "SKIP: systemctl/systemd-analyze are not installed (Debian package systemd)."
  exit 77
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/lib/systemd/system" "$root/etc"
cp -a /usr/lib/systemd/system/. "$root/usr/lib/systemd/system/"
cp "$units_dir"/*.service "$units_dir"/*.timer "$root/usr/lib/systemd/system/"
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
printf 'root:x:0:\n' >"$root/etc/group"
printf 'root:*:19000:0:99999:7:::\n' >"$root/etc/shadow"

# shellcheck source=image/lib.sh
. "$repo/image/lib.sh"
# arm64: the amd64 test image's extra helpers are not part of the question.
configure_root arm64 "$root" "$repo/image" >"$root.log" 2>&1 || { cat "$root.log"; rm -f "$root.log"; exit 1; }
rm -f "$root.log"

failures=0
check() {  # check DESCRIPTION WANT GOT
  if [ "$2" = "$3" ]; then echo "PASS  $1"; else echo "FAIL  $1: '$3', wanted '$2'"; failures=$((failures + 1)); fi
}
check "ctrl-alt-del.target is masked" masked "$(systemctl --root="$root" is-enabled ctrl-alt-del.target 2>&1 || true)"
burst=$(systemd-analyze cat-config --root="$root" systemd/system.conf 2>/dev/null |
  sed -n 's/^CtrlAltDelBurstAction=//p' | tail -n 1)
check "CtrlAltDelBurstAction (seven presses in two seconds) is none" none "$burst"
check "getty@.service is masked" masked "$(systemctl --root="$root" is-enabled getty@.service 2>&1 || true)"
check "longstop.service is enabled" enabled "$(systemctl --root="$root" is-enabled longstop.service 2>&1 || true)"
exit $((failures > 0))
