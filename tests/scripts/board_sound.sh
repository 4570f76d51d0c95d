#!/usr/bin/env bash
# board_sound.sh LONGSTOP
# The calling board's sound end to end. The board (longstop --board, its real loop) runs with SDL's disk
# audio driver, which writes what it plays to a file in real time; reception then calls two patients a
# moment apart. The file must be silence, the chime, the first call's speech exactly as espeak-ng says
# it, silence, the chime, the second call's speech, silence: one after the other, never mixed. Then the
# board runs with no sound device at all, takes a call and carries on.
# Exit 0 when all hold, 1 otherwise, 77 (skipped) when a tool it needs is missing.
set -uo pipefail

longstop=$(realpath "$1")
work=$(mktemp -d)
board=
cleanup() {
  [[ -n $board ]] && kill "$board" 2>/dev/null && wait "$board" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
for tool in espeak-ng python3; do
  command -v "$tool" >/dev/null || { echo "board_sound: $tool is not installed"; exit 77; }
done
now=2026-11-29T09:00
data=$work/data
export SDL_AUDIODRIVER=dummy

fail() {
  echo "board_sound: $*"
  for f in "$work"/*.stderr; do [[ -s $f ]] && { echo "--- $(basename "$f")"; grep -v 'recovery code' "$f"; }; done
  exit 1
}

# A patient with a GP appointment and one with a nurse appointment check in.
cat >"$work/checkin.lsk" <<'LSK'
tap "Check in"
tap "Yes, I have an appointment"
type "07031984"
tap "Next"
tap "S"
tap "Female"
tap "Yes, check me in"
tap "No"
expect "A001"
tap "Done"
scan "999 000 0026"
tap "Yes, check me in"
tap "No"
expect "N001"
LSK
"$longstop" --headless --demo --data "$data" --now "$now" --script "$work/checkin.lsk" 2>"$work/checkin.stderr" ||
  fail "the check-ins failed"
card=$(sed -n 's/.*demo reception card (shown once): \(.*\)  PIN \([0-9]*\)$/\1/p' "$work/checkin.stderr")
pin=$(sed -n 's/.*demo reception card (shown once): \(.*\)  PIN \([0-9]*\)$/\2/p' "$work/checkin.stderr")
[[ -n $card && -n $pin ]] || fail "no demo card in the kiosk's output"

# call.lsk SCRIPT LINES...: signs in with the demo card, then the lines.
calls() {
  { printf 'scan "%s"\ntype "%s"\ntap "Sign in"\n' "$card" "$pin"; printf '%s\n' "$@"; } >"$work/call.lsk"
  "$longstop" --headless --data "$data" --now "$now" --script "$work/call.lsk" 2>"$work/call.stderr" ||
    fail "reception's calls failed"
}

# start_board: the board in the background, with whatever SDL_AUDIODRIVER says; waits until it has had
# time to read the database once.
start_board() {
  "$longstop" --board --headless --data "$data" --now "$now" 2>"$work/board.stderr" &
  board=$!
  sleep 2
  kill -0 "$board" 2>/dev/null || fail "the board stopped on its own"
}

stop_board() {
  kill -TERM "$board"
  wait "$board"
  local status=$?
  board=
  ((status == 0)) || fail "the board exited with $status after SIGTERM"
}

raw=$work/board.raw
SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$raw start_board
[[ -f $raw ]] || fail "the disk audio driver wrote no file (is it in this SDL build?)"
calls 'tap "Call next for Dr Patel → Room 3 (1)"' 'expect "A001 called to Room 3 for Dr Patel"' \
  'tap "Nurse appointments - 1 waiting"' \
  'tap "Call next for Nurse Jones → Treatment room (1)"' 'expect "N001 called to Treatment room for Nurse Jones"'
# Two chimes and two announcements take about 10 s; the driver writes 44100 bytes a second, silent or not.
start=$(stat -c %s "$raw")
for _ in $(seq 60); do
  (($(stat -c %s "$raw") - start > 16 * 44100)) && break
  sleep 0.5
done
stop_board

espeak-ng -v en-gb -s 140 --stdout "Ticket A, 0 0 1, please go to Room 3" >"$work/first.wav"
espeak-ng -v en-gb -s 140 --stdout "Ticket N, 0 0 1, please go to Treatment room" >"$work/second.wav"
python3 - "$raw" "$work/first.wav" "$work/second.wav" <<'PY' || fail "the board's sound is not what it should be"
import struct, sys

RATE = 22050
CHIME = int(RATE * 0.35) + int(RATE * 0.45)  # samples in makeChime(22050)

def samples(data):
    return list(struct.unpack("<%dh" % (len(data) // 2), data[: len(data) // 2 * 2]))

def wav_samples(path):
    b = open(path, "rb").read()
    at = b.index(b"data") + 8  # espeak-ng on a pipe: the data chunk runs to the end
    return b[at:]

out = open(sys.argv[1], "rb").read()
speech = [wav_samples(sys.argv[2]), wav_samples(sys.argv[3])]
print("board.raw: %d samples, %.2f s" % (len(out) // 2, len(out) / 2 / RATE))
found = []
for i, s in enumerate(speech):
    at = out.find(s)
    while at >= 0 and at % 2:
        at = out.find(s, at + 1)
    if at < 0:
        sys.exit("call %d: its speech (%d samples) is not in the output verbatim: mixed, cut or missing" % (i + 1, len(s) // 2))
    found.append(at)
    print("call %d: chime at %.2f s, speech at %.2f s for %.2f s" % (i + 1, (at - 2 * CHIME) / 2 / RATE, at / 2 / RATE, len(s) / 2 / RATE))
(s1, s2), (l1, l2) = found, [len(s) for s in speech]
c1, c2 = s1 - 2 * CHIME, s2 - 2 * CHIME
if c1 < 0 or c2 < s1 + l1:
    sys.exit("the second call's chime starts before the first call's speech ends")
chime1, chime2 = out[c1:s1], out[c2:s2]
if chime1 != chime2:
    sys.exit("the two chimes differ: something played over one of them")
c = samples(chime1)
first = c[: int(RATE * 0.35)]
crossings = sum(1 for a, b in zip(first, first[1:]) if (a < 0) != (b < 0))
if max(abs(v) for v in c) < 4000 or not 550 < crossings < 680:  # 880 Hz for 0.35 s: 616
    sys.exit("the sound before the speech is not the chime (peak %d, %d crossings)" % (max(abs(v) for v in c), crossings))
for name, a, b in (("before the first chime", 0, c1), ("between the calls", s1 + l1, c2), ("after the second call", s2 + l2, len(out))):
    if any(out[a:b]):
        sys.exit("the output is not silent %s" % name)
print("gap between the calls: %.2f s" % ((c2 - s1 - l1) / 2 / RATE))
PY

# No sound device: the board says so once, takes a call and carries on.
SDL_AUDIODRIVER=no-such-driver start_board
grep -q "the board carries on without it" "$work/board.stderr" || fail "the board did not say it has no sound"
calls 'tap "A001"' 'tap "Call again"' 'expect "A001 called to Room 3"'
sleep 1
kill -0 "$board" 2>/dev/null || fail "with no sound device, the board stopped after a call"
stop_board
exit 0
