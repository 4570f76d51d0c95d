#!/usr/bin/env bash
# card_full.sh TEST_CARD_FULL: runs the kiosk's full-card and read-only-card tests on a real 4 MiB
# tmpfs. Needs root to mount it; skips (77), saying why, where mounting is refused.
set -u
exe=$1
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to mount a small filesystem"; exit 77; }
card=$(mktemp -d)
if ! mount -t tmpfs -o size=4m,mode=700 tmpfs "$card" 2>"$card.err"; then
  echo "SKIP: could not mount a small tmpfs: $(cat "$card.err")"
  rm -f "$card.err"; rmdir "$card"; exit 77
fi
rm -f "$card.err"
trap 'umount "$card"; rmdir "$card"' EXIT
LONGSTOP_SMALL_CARD=$card "$exe" --use-colour no
