#!/usr/bin/env bash
# A crash storm: a few hundred `longstopctl checkin --json` processes, each killed with SIGKILL at a
# random point (seeded, within 0-80% of one check-in's time measured first; the seed is printed, LONGSTOP_STORM_SEED replays a run). Afterwards every
# check-in whose answer was printed is in the database, nothing is there twice, and `verify` passes
# (the chain, its signed end and the state tables rebuilt from the events).
# Usage: test_crash_storm.sh PATH/TO/longstopctl
set -u
ctl=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(cd "$(dirname "$0")" && pwd)/../support/shell_checks.sh"

seed=${LONGSTOP_STORM_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
runs=${LONGSTOP_STORM_RUNS:-300}
echo "crash storm: seed $seed, $runs processes"
RANDOM=$seed

d=$tmp/site
"$ctl" init --data "$d" --ods B82005 --name "Storm Surgery" --json >"$tmp/init" || { echo "init failed"; exit 1; }
code=$(sed -n 's/.*"recovery_code":"\([^"]*\)".*/\1/p' "$tmp/init")

# One check-in left to finish, timed: the kills fall anywhere in 0-80% of it, so some come before the
# database is open, some mid-commit, some after the answer.
for warm in Cold Timed; do  # the second, warm, is the one timed
  start=$(date +%s%N)
  "$ctl" checkin --data "$d" --walk-in --surname "$warm" --forenames Test --dob 01/01/1980 --sex F --json \
    >"$tmp/answer" || { echo "a check-in failed: $(cat "$tmp/answer")"; exit 1; }
  sed -n 's/.*"record_id":"\([^"]*\)".*/\1/p' "$tmp/answer" >>"$tmp/acked"
done
span=$(( ($(date +%s%N) - start) / 1000000 * 8 / 10 + 1 ))
echo "one check-in took about $((span * 10 / 8)) ms; kills fall in 0-$span ms"
killed=0 acked=2
for i in $(seq 1 "$runs"); do
  "$ctl" checkin --data "$d" --walk-in --surname "Storm$i" --forenames Test --dob 01/01/1980 --sex F --json \
    >"$tmp/answer" 2>/dev/null &
  pid=$!
  ms=$((RANDOM % span))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [ $? = 137 ] && killed=$((killed + 1))
  id=$(sed -n 's/.*"record_id":"\([^"]*\)".*/\1/p' "$tmp/answer")
  if [ -n "$id" ]; then acked=$((acked + 1)); echo "$id" >>"$tmp/acked"; fi
done

printf '%s\n' "$code" | "$ctl" checkins --data "$d" --json >"$tmp/stored" 2>"$tmp/err" || bad "checkins: $(cat "$tmp/err")"
grep -o '"record_id":"[^"]*"' "$tmp/stored" | sed 's/.*:"\(.*\)"/\1/' | sort >"$tmp/ids"
lost=0
while read -r id; do grep -qx -- "$id" "$tmp/ids" || { lost=$((lost + 1)); bad "acknowledged $id is not in the database"; }; done <"$tmp/acked"
[ "$lost" = 0 ] && ok
if [ -z "$(uniq -d "$tmp/ids")" ]; then ok; else bad "record IDs stored twice: $(uniq -d "$tmp/ids")"; fi
expect_status 0 "verify after the storm" -- "$ctl" verify --data "$d"

echo "crash storm: seed $seed, kills $killed, acknowledged $acked, stored $(wc -l <"$tmp/ids"), lost $lost"
[ "$killed" -ge $((runs / 4)) ] && ok || bad "only $killed of $runs processes were killed: the storm missed"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
