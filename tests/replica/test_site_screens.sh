#!/usr/bin/env bash
# Kiosk, reception desk and calling board as app processes of their own (`longstop --headless`, real
# nats-servers they start themselves on free loopback ports), each on its own data directory: the desk
# and the board join the kiosk's site (`longstopctl site join`, answered by the running kiosk program).
# Two processes first: a walk-in answers "Yes, I need help now" on the kiosk (tests/scripts/site_kiosk.lsk),
# the red banner reaches the desk, where reception signs in and calls her (site_desk.lsk), and the call
# reaches the kiosk's own table. Then three: the calling board shows the call (site_board.lsk), never
# her name. The kiosk's corner hold opens the staff screens while it is a site of one
# (site_kiosk_alone.lsk) and not once a desk has joined (kiosk.staff_screens at auto). Every wait is
# on a process's state (a script's `await`, a loop over the database), none decides by sleeping.
# A scripted process ends with its script, so each device's unscripted program takes over its data
# directory to keep serving its events, as it would run in a practice.
# Usage: test_site_screens.sh PATH/TO/longstopctl PATH/TO/longstop SCRIPTS-DIR SHOTS-DIR
set -u
ctl=$(realpath "$1") longstop=$(realpath "$2") scripts=$(realpath "$3") shots=$4
. "$(cd "$(dirname "$0")" && pwd)/site_shell.sh"
site_scratch
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed"; exit 77; }
command -v nats-server >/dev/null || { echo "nats-server is not installed"; exit 77; }
mkdir -p "$shots"
shots=$(realpath "$shots")
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
size=1280x800
now=$(date +%Y-%m-%dT%H:%M)

# fill TEMPLATE OUT KEY=VALUE...: the template with each @KEY@ replaced
fill() {
  local template=$1 out=$2
  shift 2
  python3 - "$template" "$out" "$@" <<'PY'
import sys
text = open(sys.argv[1]).read()
for pair in sys.argv[3:]:
    key, value = pair.split("=", 1)
    text = text.replace("@" + key + "@", value)
open(sys.argv[2], "w").write(text)
PY
}
# scripted NAME DIR [ARGS...]: runs tests/scripts/NAME.lsk (filled) on DIR in the foreground.
scripted() {
  local name=$1 dir=$2
  shift 2
  fill "$scripts/$name.lsk" "$tmp/$name.lsk" SHOTS="$shots" SIZE="$size" CARD="$card" PIN="$pin"
  (cd "$tmp" && "$longstop" --headless --size "$size" --data "$dir" --now "$now" --script "$tmp/$name.lsk" "$@" \
    2>"$tmp/$name.err")
}
# serve DIR: the device's own program, unscripted, in the background (its pid in $served).
serve() {
  "$longstop" --headless --data "$1" >>"$tmp/$(basename "$1").log" 2>&1 &
  served=$!
  pids+=("$served")
}
# stop PID: SIGTERM, and it must exit 0.
stop() {
  kill -TERM "$1"
  wait "$1" && ok || bad "process $1 did not exit 0 on SIGTERM"
  local keep=()
  for p in "${pids[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  pids=("${keep[@]}")
}
# until_sql DB QUERY WANT: waits (up to a minute) for the query to give WANT; the last answer in $got.
until_sql() {
  for _ in $(seq 1 600); do
    got=$(sqlite3 "$1" "$2" 2>/dev/null)
    [ "$got" = "$3" ] && return 0
    sleep 0.1
  done
  return 1
}

# The kiosk: a demo site, its reception card, listening on loopback.
: >"$tmp/empty.lsk"
"$longstop" --headless --demo --data "$tmp/kiosk" --now "$now" --script "$tmp/empty.lsk" 2>"$tmp/made" ||
  { echo "could not make the kiosk's site: $(cat "$tmp/made")"; exit 1; }
sed -n 's/.*its recovery code (shown once): //p' "$tmp/made" >"$tmp/kiosk.code"
card=$(sed -n 's/.*demo reception card (shown once): \(LSS1:[^ ]*\) .*/\1/p' "$tmp/made")
pin=$(sed -n 's/.*demo reception card (shown once): .*PIN \([0-9]*\).*/\1/p' "$tmp/made")
[ -n "$card" ] && [ -n "$pin" ] || { echo "no demo card in: $(cat "$tmp/made")"; exit 1; }
port=$(free_port)
expect_status 0 "site.listen" -- \
  sh -c "'$ctl' config set --data '$tmp/kiosk' site.listen 127.0.0.1:$port <'$tmp/kiosk.code'"
if scripted site_kiosk_alone "$tmp/kiosk"; then ok; else bad "the kiosk alone: $(cat "$tmp/site_kiosk_alone.err")"; fi

# The desk and the board join through the running kiosk program.
serve "$tmp/kiosk"
kiosk=$served
join() {  # join ROLE
  local code joined=0
  code=$(sh -c "'$ctl' site invite --data '$tmp/kiosk' --role $1 <'$tmp/kiosk.code'" | head -1)
  for _ in $(seq 1 150); do  # until the kiosk has seen the invitation and started its server
    "$ctl" site join --data "$tmp/$1" --listen "127.0.0.1:$(free_port)" --role "$1" "$code" \
      >"$tmp/join-out" 2>"$tmp/join-err" && { joined=1; break; }
    grep -q "Could not reach" "$tmp/join-err" || break
    sleep 0.1
  done
  [ "$joined" = 1 ] && ok || bad "the $1's join: $(cat "$tmp/join-err") kiosk: $(cat "$tmp/kiosk.log")"
}
join desk
join board
stop "$kiosk"
[ "$(sqlite3 "$tmp/kiosk/longstop.db" "SELECT group_concat(role, ' ') FROM (SELECT role FROM peers ORDER BY role)")" = \
  "board desk" ] && ok || bad "the kiosk's roster: $(sqlite3 "$tmp/kiosk/longstop.db" "SELECT * FROM peers")"

# Two processes: the desk waits for the alert while the patient checks in on the kiosk.
fill "$scripts/site_desk.lsk" "$tmp/site_desk.lsk" SHOTS="$shots" SIZE="$size" CARD="$card" PIN="$pin"
(cd "$tmp" && "$longstop" --headless --size "$size" --data "$tmp/desk" --now "$now" \
  --script "$tmp/site_desk.lsk" 2>"$tmp/site_desk.err") &
desk=$!
pids+=("$desk")
if scripted site_kiosk "$tmp/kiosk"; then ok; else bad "the kiosk: $(cat "$tmp/site_kiosk.err")"; fi
serve "$tmp/kiosk"  # the kiosk goes on serving its check-in to the desk
kiosk=$served
if wait "$desk"; then ok; else bad "the desk: $(cat "$tmp/site_desk.err")"; fi
pids=("${pids[@]/$desk/}")
serve "$tmp/desk"  # the desk goes on serving its call
desk=$served
calledOnKiosk="SELECT state FROM checkins WHERE ticket = 'W001'"
until_sql "$tmp/kiosk/longstop.db" "$calledOnKiosk" called && ok || bad "W001 on the kiosk is '$got', not called"

# Three: the board, which joined through the kiosk and learns the desk from the kiosk's roster.
if scripted site_board "$tmp/board"; then ok; else bad "the board: $(cat "$tmp/site_board.err")"; fi
stop "$kiosk"
stop "$desk"
listening "$port" && bad "the kiosk's server outlived it" || ok
until_sql "$tmp/board/longstop.db" "SELECT count(*) FROM peer_events WHERE kind = 'call'" 1 && ok ||
  bad "the board holds $got calls"
for n in kiosk desk board; do expect_status 0 "verify the $n" -- "$ctl" verify --data "$tmp/$n"; done
for n in kiosk desk board; do
  grep -rl -a -e Quinn -e Rosa "$tmp/$n" >/dev/null && bad "a name in the $n's data directory" || ok
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
