#!/usr/bin/env bash
# speech_keypad.sh LONGSTOP
# A whole check-in by ear, twice (by date of birth, then by NHS number), driven only by numeric-keypad
# keys (speech_keypad.lsk), through the real kiosk with SDL's disk audio driver and the speech log
# (LONGSTOP_SPEECH_LOG: exactly the text handed to espeak-ng). Checks: the sound device was opened
# (the disk file exists); each screen's prompt was said in the order the screens came; the ticket
# numbers were said; and no personal detail was: no digit of the date of birth or the NHS number, only
# how many were typed. The recording (16-bit mono at 22050 Hz, written in real time) must hold speech:
# loud for most of its voiced span, and ending with the last utterance played whole, its loudness
# contour that of espeak-ng's own rendering of the same text. Then the same kind of check-in by touch
# with Listen off must leave no sound at all (no device opened, or nothing but silence written).
# Exit 0 when all hold, 1 otherwise, 77 (skipped) when the build has no speech or python3 is missing.
set -uo pipefail

longstop=$(realpath "$1")
script=$(cd "$(dirname "$0")" && pwd)/speech_keypad.lsk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in espeak-ng python3; do
  command -v "$tool" >/dev/null || { echo "speech_keypad: $tool is not installed"; exit 77; }
done
cd "$work"
SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$work/speech.raw LONGSTOP_SPEECH_LOG=$work/speech.log \
  "$longstop" --headless --demo --data "$work/data" --now 2026-11-29T09:00 --script "$script" 2>"$work/stderr" ||
  { grep -v 'recovery code' "$work/stderr"; echo "speech_keypad: the keypad-only check-ins failed"; exit 1; }
if grep -q "no voice\|without speech" "$work/stderr" && [[ ! -s $work/speech.log ]]; then
  echo "speech_keypad: this build has no speech"; exit 77
fi
last=$(tail -n 1 "$work/speech.log" | cut -f 2)
espeak-ng -v en-gb -s 150 --stdout "$last" >"$work/last.wav"
python3 - "$work/speech.log" "$work/speech.raw" "$work/last.wav" <<'PY'
import math, struct, sys
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
# The sound. 20 ms windows; louder than 500 RMS (about -36 dBFS) is voiced.
RATE, WIN = 22050, 441
def pcm(b):
    return struct.unpack("<%dh" % (len(b) // 2), b[: len(b) // 2 * 2])
def envelope(x):
    return [math.sqrt(sum(v * v for v in x[i:i + WIN]) / WIN) for i in range(0, len(x) - WIN + 1, WIN)]
rec = pcm(raw)
env = envelope(rec)
voiced = [i for i, e in enumerate(env) if e > 500]
if len(voiced) < 2 * RATE // WIN:
    fail.append("the recording holds %.2f s of speech: the samples never reached the sound device" % (len(voiced) * WIN / RATE))
else:
    span = env[voiced[0]:voiced[-1] + 1]
    share = sum(1 for e in span if e > 500) / len(span)
    rms = math.sqrt(sum(e * e for e in span) / len(span))
    print("speech_keypad: %.2f s recorded, speech from %.2f s to %.2f s, %.0f%% of it voiced, %.0f RMS"
          % (len(rec) / RATE, voiced[0] * WIN / RATE, (voiced[-1] + 1) * WIN / RATE, 100 * share, rms))
    if share < 0.5 or rms < 1500:
        fail.append("the recording's speech is too quiet or too broken (%.0f%% voiced, %.0f RMS)" % (100 * share, rms))
    # The last utterance, played whole: the recording's last sound has the loudness contour of
    # espeak-ng's rendering of its text, aligned at their ends within a quarter of a second. The
    # program's samples and the library's differ (the library's state after cut utterances, timing of
    # a few tens of ms), so the samples themselves are not compared.
    w = open(sys.argv[3], "rb").read()
    ref = envelope(pcm(w[w.index(b"data") + 8:]))
    ref_voiced = [i for i, e in enumerate(ref) if e > 500]
    ref = ref[:ref_voiced[-1] + 1]
    def correlation(a, b):
        ma, mb = sum(a) / len(a), sum(b) / len(b)
        cov = sum((x - ma) * (y - mb) for x, y in zip(a, b))
        return cov / math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))
    end = voiced[-1] + 1
    if end - len(ref) - 12 < 0:
        fail.append("the recording is shorter than its last utterance %r" % said[-1])
    else:
        corr = max(correlation(env[end + lag - len(ref):end + lag], ref) for lag in range(-12, 13))
        print("speech_keypad: the last %.2f s follow espeak-ng's %r with correlation %.2f"
              % (len(ref) * WIN / RATE, said[-1], corr))
        if corr < 0.65:
            fail.append("the recording does not end with %r played whole (correlation %.2f)" % (said[-1], corr))
print("speech_keypad: %d utterances, %d bytes of sound" % (len(said), len(raw)))
if fail:
    print("\n".join("speech_keypad: " + f for f in fail))
    sys.exit(1)
PY
status=$?
((status == 0)) || exit $status

# Listen off: a check-in by touch opens no sound device, or writes only silence.
cat >"$work/quiet.lsk" <<'LSK'
tap "Check in"
tap "Yes, I have an appointment"
type "07031984"
tap "Next"
tap "S"
tap "Female"
tap "Yes, check me in"
tap "No"
expect "A001"
LSK
rm -rf "$work/data"
SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$work/quiet.raw LONGSTOP_SPEECH_LOG=$work/quiet.log \
  "$longstop" --headless --demo --data "$work/data" --now 2026-11-29T09:00 --script "$work/quiet.lsk" 2>"$work/stderr" ||
  { grep -v 'recovery code' "$work/stderr"; echo "speech_keypad: the check-in by touch failed"; exit 1; }
if [[ -s $work/quiet.log ]]; then
  echo "speech_keypad: with Listen off, something was said:"; cat "$work/quiet.log"; exit 1
fi
if [[ -f $work/quiet.raw ]] && ! cmp -s -n "$(stat -c %s "$work/quiet.raw")" "$work/quiet.raw" /dev/zero; then
  echo "speech_keypad: with Listen off, the sound device played something"; exit 1
fi
echo "speech_keypad: with Listen off, silence"
