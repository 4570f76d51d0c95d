#!/usr/bin/env bash
# speech_keypad.sh LONGSTOP
# A whole check-in by ear, twice (by date of birth, then by NHS number), driven only by numeric-keypad
# keys (speech_keypad.lsk), through the real kiosk with SDL's disk audio driver and the speech log
# (LONGSTOP_SPEECH_LOG: exactly the text handed to espeak-ng). Checks: the sound device was opened
# (the disk file exists); each screen's prompt was said in the order the screens came; the ticket
# numbers were said; and no personal detail was: no digit of the date of birth or the NHS number, only
# how many were typed. Not checked yet: that the recording holds the speech (in this headless run it
# is silence; see docs/decisions.md, "Spoken guidance").
# Exit 0 when all hold, 1 otherwise, 77 (skipped) when the build has no speech or python3 is missing.
set -uo pipefail

longstop=$(realpath "$1")
script=$(cd "$(dirname "$0")" && pwd)/speech_keypad.lsk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v python3 >/dev/null || { echo "speech_keypad: python3 is not installed"; exit 77; }
cd "$work"
SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$work/speech.raw LONGSTOP_SPEECH_LOG=$work/speech.log \
  "$longstop" --headless --demo --data "$work/data" --now 2026-11-29T09:00 --script "$script" 2>"$work/stderr" ||
  { grep -v 'recovery code' "$work/stderr"; echo "speech_keypad: the keypad-only check-ins failed"; exit 1; }
if grep -q "no voice\|without speech" "$work/stderr" && [[ ! -s $work/speech.log ]]; then
  echo "speech_keypad: this build has no speech"; exit 77
fi
python3 - "$work/speech.log" "$work/speech.raw" <<'PY'
import sys
log = [l.rstrip("\n").split("\t", 1) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
said = [t for _, t in log]
raw = open(sys.argv[2], "rb").read() if len(sys.argv) > 2 else b""
fail = []
if not raw:
    fail.append("the disk audio driver wrote nothing: the sound device was never opened")
# Each screen's prompt, in the order the two check-ins meet them.
prompts = ["Welcome.", "Do you have an appointment today?", "What is your date of birth?",
           "What is the first letter of your surname?", "What sex are you registered as",
           "Is this your appointment?", "Do you have chest pain", "Your number is A, 0 0 1",
           "Welcome.", "What is your date of birth?", "What is your NHS number?",
           "Is this your appointment?", "Your number is N, 0 0 1"]
at = 0
for p in prompts:
    while at < len(said) and not said[at].startswith(p) and p not in said[at]:
        at += 1
    if at == len(said):
        fail.append("not said, or not in order: %r" % p)
        break
    at += 1
# Personal details: the date of birth (07 03 1984) and NHS number (999 000 0026 ... as typed) never.
for line in said:
    digits = "".join(c for c in line if c.isdigit())
    words = line.replace(",", " ").split()
    allowed = line.endswith("digit entered") or line.endswith("digits entered") or "Your number is" in line \
        or "Your appointment at" in line
    if digits and not allowed:
        fail.append("digits said outside a count, a ticket or an appointment time: %r" % line)
    for secret in ("1984", "0703", "07 03", "March", "999", "000 0", "Smith"):
        if secret in line:
            fail.append("a personal detail was said: %r in %r" % (secret, line))
counts = [l for l in said if l.endswith("entered")]
if "8 digits entered" not in counts or "10 digits entered" not in counts:
    fail.append("the typed digits were not counted aloud (%s)" % ", ".join(counts[-3:]))
print("speech_keypad: %d utterances, %d bytes of sound" % (len(said), len(raw)))
if fail:
    print("\n".join("speech_keypad: " + f for f in fail))
    sys.exit(1)
PY
