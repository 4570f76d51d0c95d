#!/usr/bin/env bash
# run-script.sh LONGSTOP SCRIPT.lsk
# Runs one automation script through the real kiosk, headless, on a fresh demo site at a fixed time,
# then checks the database and the data directory. Directives in the script's comments:
#   #args: EXTRA ARGS          more arguments for longstop (e.g. --test-readonly-store)
#   #fresh                     start on an empty data directory without --demo (first-boot setup)
#   #same: FILE                FILE in the data directory must have the same bytes after the script as
#                              before it (run once without the script first to make it)
#   #sql: QUERY => EXPECTED    sqlite3's output for QUERY on the kiosk's database must equal EXPECTED
#   #absent: TEXT              no file in the data directory may contain TEXT (sealed personal data)
#   #qr: FILE.png              the screenshot's QR code must decode (zbarimg) to the last check-in's LST1 code
#   #board: COMMAND            after the kiosk's script, these lines run as a script of the calling board
#                              (longstop --board) on the same data directory: wait, expect, expect-not, screenshot
#   #listed: TEXT              a CSV that "Save list" wrote (LONGSTOP_LIST_DIR) must contain TEXT
#   #camera-frames             generated frames of a code (LONGSTOP_CAMERA_FRAMES names the program that
#                              writes them) stand in for the camera: --camera-files
# With --demo the kiosk adds a reception card; scripts use it as $DEMO_CARD and $DEMO_PIN.
# Exit 0 when all hold, 1 otherwise, 77 (skipped) when a tool it needs is missing.
set -uo pipefail

longstop=$(realpath "$1")
script=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
name=$(basename "$script")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "$name: sqlite3 is not installed"; exit 77; }

read -r -a extra <<<"$(sed -n 's/^#args: *//p' "$script" | tr '\n' ' ')"
if grep -q '^#camera-frames' "$script"; then
  [[ -x ${LONGSTOP_CAMERA_FRAMES:-} ]] || { echo "$name: LONGSTOP_CAMERA_FRAMES is not set"; exit 77; }
  "$LONGSTOP_CAMERA_FRAMES" "$work/camera" || { echo "$name: could not make the camera frames"; exit 1; }
  extra+=(--camera-files "$work/camera")
fi
export LONGSTOP_LIST_DIR=$work/lists SDL_AUDIODRIVER=dummy
mkdir -p "$work/lists"
cd "$work"
demo=(--demo)
grep -q '^#fresh' "$script" && demo=()
same=$(sed -n 's/^#same: *//p' "$script")
if [[ -n $same ]]; then
  # Make the site with an empty script, and keep a copy of the file to compare.
  : >"$work/empty.lsk"
  "$longstop" --headless "${demo[@]}" --data "$work/data" --now 2026-11-29T09:00 --script "$work/empty.lsk" \
    2>"$work/made" || { echo "$name: could not make the site"; exit 1; }
  # The second run finds the site made: it acts as an administrator (--test-admin) with this code.
  LONGSTOP_TEST_RECOVERY_CODE=$(sed -n 's/.*its recovery code (shown once): //p' "$work/made")
  export LONGSTOP_TEST_RECOVERY_CODE
  cp "$work/data/$same" "$work/same.before"
fi
if ! "$longstop" --headless "${demo[@]}" --data "$work/data" --now 2026-11-29T09:00 --script "$script" "${extra[@]}" \
    2>"$work/stderr"; then
  grep -v 'recovery code' "$work/stderr"
  exit 1
fi

db=$work/data/longstop.db
status=0
if [[ -n $same ]] && ! cmp -s "$work/same.before" "$work/data/$same"; then
  echo "$name: #same: $same changed during the script"
  status=1
fi
while IFS= read -r line; do
  query=${line%% => *}
  want=${line##* => }
  got=$(sqlite3 "$db" "$query" 2>&1 | tr '\n' ';' | sed 's/;$//')
  if [[ $got != "$want" ]]; then
    echo "$name: #sql: $query => got '$got', want '$want'"
    status=1
  fi
done < <(sed -n 's/^#sql: *//p' "$script")

while IFS= read -r text; do
  if grep -r -a -l -F -- "$text" "$work/data" >/dev/null; then
    echo "$name: #absent: '$text' was found in the data directory: $(grep -r -a -l -F -- "$text" "$work/data" | tr '\n' ' ')"
    status=1
  fi
done < <(sed -n 's/^#absent: *//p' "$script")

while IFS= read -r png; do
  if ! command -v zbarimg >/dev/null; then
    echo "$name: #qr: zbarimg (zbar-tools) is not installed; QR check skipped"
    qr_skipped=yes
    continue
  fi
  decoded=$(zbarimg -q --raw "$work/$png" 2>/dev/null)
  record=$(sqlite3 "$db" "SELECT record_id FROM checkins ORDER BY seq DESC LIMIT 1")
  if [[ $decoded != LST1:$record:* ]]; then
    echo "$name: #qr: $png decodes to '$decoded', want LST1:$record:<mac>"
    status=1
  fi
done < <(sed -n 's/^#qr: *//p' "$script")

sed -n 's/^#board: *//p' "$script" >"$work/board.lsk"
if [[ -s $work/board.lsk ]] &&
    ! "$longstop" --headless --board --data "$work/data" --now 2026-11-29T09:00 --script "$work/board.lsk"       2>"$work/board.stderr"; then
  echo "$name: the board's script failed:"
  cat "$work/board.stderr"
  status=1
fi

while IFS= read -r text; do
  if ! cat "$work"/lists/*.csv 2>/dev/null | grep -q -F -- "$text"; then
    echo "$name: #listed: '$text' is not in a saved list ($(ls "$work/lists"))"
    status=1
  fi
done < <(sed -n 's/^#listed: *//p' "$script")

# A check that could not run is a skip, not a pass; a failure elsewhere still wins.
[[ $status -eq 0 && ${qr_skipped:-no} == yes ]] && exit 77
exit $status
