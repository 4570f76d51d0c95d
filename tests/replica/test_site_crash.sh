#!/usr/bin/env bash
# kill -9 of the replicating Longstop processes themselves, at random moments (seeded) while check-ins
# are made on both devices: device a is the kiosk program (`longstop --headless`, which runs its own
# nats-server and replicator because its roster has a peer and site.listen is set), device b is
# `longstopctl site serve`. Each is killed with SIGKILL several times and started again. At the end
# every acknowledged check-in is on both devices once, no origin's chain has a gap or a repeat,
# nothing was refused, both verify, and both print one digest of the folded state.
# Usage: test_site_crash.sh PATH/TO/longstopctl PATH/TO/longstop [SEED]
set -u
ctl=$1 kiosk=$2 seed=${3:-1403}
RANDOM=$seed
tmp=$(mktemp -d)
kiosk_pid="" serve_pid=""
cleanup() {
  for p in $kiosk_pid $serve_pid; do kill -KILL "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  if [ -n "${LONGSTOP_KEEP_TEST_DIR:-}" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
. "$(cd "$(dirname "$0")" && pwd)/site_shell.sh"
echo "seed $seed"

q() { sqlite3 "$1/longstop.db" "$2"; }

for n in a b; do
  expect_status 0 "init $n" -- "$ctl" init --data "$tmp/$n" --ods B82005 --name Riverside --json
  sed -E 's/.*"recovery_code":"([^"]+)".*/\1/' "$tmp/out" >"$tmp/$n.code"
  eval "port_$n=$(free_port)"
done
add() {  # add FROM TO PORT-OF-TO
  expect_status 0 "peer-add $2 to $1" -- sh -c "'$ctl' site peer-add --data '$tmp/$1' --device $(meta "$tmp/$2" device_id) \
    --key $(meta "$tmp/$2" sign_pk) --address nats://127.0.0.1:$3 --role kiosk <'$tmp/$1.code'"
}
add a b "$port_b"
add b a "$port_a"
expect_status 0 "a listens" -- sh -c "'$ctl' config set --data '$tmp/a' site.listen 127.0.0.1:$port_a <'$tmp/a.code'"
a_id=$(meta "$tmp/a" device_id) b_id=$(meta "$tmp/b" device_id)

down_a="" down_b=""
start_kiosk() {
  SDL_VIDEODRIVER=offscreen "$kiosk" --headless --data "$tmp/a" >>"$tmp/kiosk.log" 2>&1 &
  kiosk_pid=$! down_a=""
}
start_serve() {
  "$ctl" site serve --data "$tmp/b" --listen "127.0.0.1:$port_b" >>"$tmp/serve.log" 2>&1 &
  serve_pid=$! down_b=""
}
kill_kiosk() { kill -KILL "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null; kills_a=$((kills_a + 1)) down_a=1; }
kill_serve() { kill -KILL "$serve_pid"; wait "$serve_pid" 2>/dev/null; kills_b=$((kills_b + 1)) down_b=1; }
acked_a=0 acked_b=0 kills_a=0 kills_b=0
start_kiosk
start_serve

checkin() {  # checkin DEVICE I
  if "$ctl" checkin --data "$tmp/$1" --walk-in --surname Featherstonehaugh --forenames "T$2" --dob 02/03/1970 \
      --sex M --json >"$tmp/ck" 2>>"$tmp/ck.err"; then
    eval "acked_$1=\$((acked_$1 + 1))"
  else
    bad "check-in $2 on $1 was not acknowledged: $(cat "$tmp/ck.err")"
  fi
}
for i in $(seq 1 60); do
  checkin a "$i"
  [ $((i % 3)) = 0 ] && checkin b "$i"
  # About one moment in six, one of the two replicating processes (if up) dies mid-stream; it is started
  # again at once or after a few more check-ins.
  case $((RANDOM % 12)) in
    0) [ -z "$down_a" ] && { kill_kiosk; [ $((RANDOM % 2)) = 0 ] && start_kiosk; } ;;
    1) [ -z "$down_b" ] && { kill_serve; [ $((RANDOM % 2)) = 0 ] && start_serve; } ;;
  esac
  [ -n "$down_a" ] && [ $((RANDOM % 4)) = 0 ] && start_kiosk
  [ -n "$down_b" ] && [ $((RANDOM % 4)) = 0 ] && start_serve
  sleep 0.0$((RANDOM % 10))
done
# Each is killed at least three times, whatever the seed gave.
while [ "$kills_a" -lt 3 ] || [ "$kills_b" -lt 3 ]; do
  [ -n "$down_a" ] && start_kiosk
  [ -n "$down_b" ] && start_serve
  sleep 0.$((RANDOM % 10))
  [ "$kills_a" -lt 3 ] && kill_kiosk
  [ "$kills_b" -lt 3 ] && kill_serve
  checkin a "x$kills_a"
  checkin b "x$kills_b"
done
[ -n "$down_a" ] && start_kiosk
[ -n "$down_b" ] && start_serve
echo "killed the kiosk $kills_a times and site serve $kills_b times; $acked_a + $acked_b check-ins acknowledged"

# Converged: each holds the other's whole log (up to a minute and a half, for the condition).
done_=0
for _ in $(seq 1 900); do
  if [ "$(q "$tmp/b" "SELECT coalesce(max(origin_seq),0) FROM peer_events WHERE origin='$a_id'")" = "$(q "$tmp/a" "SELECT max(seq) FROM events")" ] &&
     [ "$(q "$tmp/a" "SELECT coalesce(max(origin_seq),0) FROM peer_events WHERE origin='$b_id'")" = "$(q "$tmp/b" "SELECT max(seq) FROM events")" ]; then
    done_=1; break
  fi
  sleep 0.1
done
[ "$done_" = 1 ] && ok || bad "not converged: kiosk log $(tail -5 "$tmp/kiosk.log"); serve log $(tail -5 "$tmp/serve.log")"
for pair in "a b $b_id" "b a $a_id"; do
  set -- $pair
  # Nothing lost, nothing twice: the peer's events are its whole chain, one row per sequence number.
  got=$(q "$tmp/$1" "SELECT count(*) || ' ' || count(DISTINCT origin_seq) || ' ' || coalesce(max(origin_seq),0) FROM peer_events WHERE origin='$3'")
  want=$(q "$tmp/$2" "SELECT count(*) || ' ' || count(*) || ' ' || max(seq) FROM events")
  [ "$got" = "$want" ] && ok || bad "$1 holds '$got' of $2's events, wanted '$want'"
  acked=$(eval echo "\$acked_$2")
  held=$(q "$tmp/$1" "SELECT count(*) FROM peer_events WHERE origin='$3' AND kind='checkin'")
  [ "$held" = "$acked" ] && ok || bad "$1 holds $held of the $acked check-ins acknowledged on $2"
  [ "$(q "$tmp/$1" "SELECT count(*) FROM site_refusals")" = 0 ] && ok || bad "$1 refused events"
done
[ "$(q "$tmp/a" "SELECT count(*) FROM checkins")" = "$acked_a" ] && ok || bad "a's own check-ins are not all there"
expect_status 0 "a's status" -- "$ctl" site status --data "$tmp/a" --json
da=$(sed -E 's/.*"state_digest":"([0-9a-f]+)".*/\1/' "$tmp/out")
expect_status 0 "b's status" -- "$ctl" site status --data "$tmp/b" --json
db_=$(sed -E 's/.*"state_digest":"([0-9a-f]+)".*/\1/' "$tmp/out")
[ ${#da} = 64 ] && [ "$da" = "$db_" ] && ok || bad "the folded states differ: a $da, b $db_"
# Neither gave up along the way (a restart that met the port still held is tried again); SIGTERM stops each.
for p in $kiosk_pid $serve_pid; do
  kill -0 "$p" 2>/dev/null && ok || bad "process $p had exited by itself: $(tail -3 "$tmp/serve.log" "$tmp/kiosk.log")"
  kill -TERM "$p"
  wait "$p" && ok || bad "process $p did not exit 0 on SIGTERM"
done
kiosk_pid="" serve_pid=""
python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$port_a))==0)" && ok ||
  bad "a nats-server still listens on $port_a after the kiosk stopped"
for n in a b; do expect_status 0 "verify $n" -- "$ctl" verify --data "$tmp/$n"; done
# No server outlived the processes that were killed: none is left with either data directory.
# (A server told to stop by the kernel may take a moment to close its store: wait for the condition.)
for _ in $(seq 1 300); do pgrep -f "nats-server -c $tmp/" >/dev/null || break; sleep 0.1; done
left=$(pgrep -af "nats-server -c $tmp/")
[ -z "$left" ] && ok || bad "nats-servers outlived their Longstop process: $left"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
