#!/bin/bash
# Checks the systemd units as they are installed: `systemd-analyze verify` prints nothing and passes, and
# `systemd-analyze security --offline=yes` rates every service at MAX_EXPOSURE or lower.
# usage: check_units.sh BUILT_UNIT_DIR [MAX_EXPOSURE]   (BUILT_UNIT_DIR: <build>/systemd)
set -euo pipefail
units_dir=$1
max=${2:-2.0}

if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP: systemd-analyze is not installed (Debian package systemd); the units were not checked."
  exit 77
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
unitdir=$root/usr/lib/systemd/system
mkdir -p "$unitdir"
# The host's own units (targets, slices) so that dependencies resolve inside the root.
for f in /usr/lib/systemd/system/* /lib/systemd/system/*; do
  [ -e "$unitdir/${f##*/}" ] || cp -a "$f" "$unitdir/" 2>/dev/null || true
done
# verify checks that Exec*= programs exist and are executable. Ours are stubbed at the paths the units
# name (they follow the build's prefix: /usr on the image, /usr/local by default); the system's own
# programs are copied in from the host.
for p in $(sed -n 's/^Exec[A-Za-z]*=[-@!+:]*\(\/[^ ]*\).*/\1/p' "$units_dir"/*.service | sort -u); do
  mkdir -p "$root${p%/*}"
  if [ -x "$p" ] && [[ $p != */longstop* ]]; then
    cp "$p" "$root$p"
  else
    printf '#!/bin/sh\n' >"$root$p"
    chmod +x "$root$p"
  fi
done

ours=()
for f in "$units_dir"/*.service "$units_dir"/*.timer; do
  cp "$f" "$unitdir/"
  ours+=("${f##*/}")
done
grep -l '@[a-z]*dir@' "$unitdir"/longstop* && { echo "FAIL: unsubstituted @...@ in the units above"; exit 1; }

status=0
out=$(cd "$unitdir" && systemd-analyze verify --root="$root" "${ours[@]}" 2>&1) || status=$?
if [ "$status" -ne 0 ] || [ -n "$out" ]; then
  echo "FAIL: systemd-analyze verify (exit $status):"
  echo "$out"
  exit 1
fi
echo "systemd-analyze verify: ${#ours[@]} units, no complaints."

for u in "${ours[@]}"; do
  [[ $u == *.service ]] || continue
  score=$(systemd-analyze security --offline=yes --root="$root" "$u" 2>/dev/null |
    sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
  if [ -z "$score" ]; then
    echo "FAIL: no exposure score for $u"
    exit 1
  fi
  echo "$u: exposure $score (limit $max)"
  if ! awk -v s="$score" -v m="$max" 'BEGIN { exit !(s <= m) }'; then
    echo "FAIL: $u is above the limit; see: systemd-analyze security --offline=yes $unitdir/$u"
    status=1
  fi
done
exit "$status"
