#!/usr/bin/env bash
# longstopctl site serve | peer-add | ticket-block | status with two data directories on this machine:
# two real nats-servers on free loopback ports, started and stopped by `site serve`.
# Usage: test_site_cli.sh PATH/TO/longstopctl
set -u
ctl=$1
. "$(cd "$(dirname "$0")" && pwd)/site_shell.sh"
site_scratch


for n in a b; do
  expect_status 0 "init $n" -- "$ctl" init --data "$tmp/$n" --ods B82005 --name Riverside --json
  sed -E 's/.*"recovery_code":"([^"]+)".*/\1/' "$tmp/out" >"$tmp/$n.code"
  eval "port_$n=$(free_port)"
done
expect_status 0 "a site of one" -- "$ctl" site status --data "$tmp/a"
contains "$tmp/out" "a site of one" "status says so"
add() {  # add FROM TO PORT-OF-TO
  expect_status 0 "peer-add $2 to $1" -- sh -c "'$ctl' site peer-add --data '$tmp/$1' --device $(meta "$tmp/$2" device_id) \
    --key $(meta "$tmp/$2" sign_pk) --address nats://127.0.0.1:$3 --role kiosk <'$tmp/$1.code'"
}
add a b "$port_b"
add b a "$port_a"
expect_status 2 "peer-add with a wrong recovery code" -- sh -c "echo AAAA-BBBB-CCCC-DDDD-EEEE-FFFF | '$ctl' site peer-add \
  --data '$tmp/a' --device ZZZZ --key $(meta "$tmp/b" sign_pk) --address nats://127.0.0.1:1 --role desk"
expect_status 2 "a port that is not one" -- "$ctl" site serve --data "$tmp/a" --listen 127.0.0.1:42O0
expect_status 0 "ticket block" -- sh -c "'$ctl' site ticket-block --data '$tmp/b' --slot 1 --stride 2 <'$tmp/b.code'"
contains "$tmp/out" "2, 4, 6" "says which numbers"
expect_status 2 "a slot outside the stride" -- sh -c "'$ctl' site ticket-block --data '$tmp/b' --slot 2 --stride 2 \
  <'$tmp/b.code'"

"$ctl" site serve --data "$tmp/a" --listen "127.0.0.1:$port_a" >"$tmp/serve-a" 2>&1 &
pids+=($!)
"$ctl" site serve --data "$tmp/b" --listen "127.0.0.1:$port_b" >"$tmp/serve-b" 2>&1 &
pids+=($!)
expect_status 0 "a walk-in on a" -- "$ctl" checkin --data "$tmp/a" --walk-in --surname Featherstonehaugh \
  --forenames Tom --dob 02/03/1970 --sex M --nhs "999 000 0018" --json
want=$(sqlite3 "$tmp/a/longstop.db" "SELECT max(seq) FROM events")
held=0
for _ in $(seq 1 600); do  # up to a minute, for the condition
  "$ctl" site status --data "$tmp/b" --json >"$tmp/status" 2>/dev/null
  held=$(sed -E 's/.*"events_held":([0-9]+).*/\1/' "$tmp/status")
  [ "$held" = "$want" ] && break
  sleep 0.1
done
[ "$held" = "$want" ] && ok || bad "b holds $held of a's $want events: $(cat "$tmp/status" "$tmp/serve-b")"
contains "$tmp/status" '"refused":0' "nothing refused"
contains "$tmp/serve-a" "serves its events on nats://127.0.0.1:$port_a" "serve says where"
# kill -9 of a's nats-server (the serve's child): serve starts it again and replication resumes.
wait_held() {  # wait_held WANT: until b holds a's events up to WANT
  held=0
  for _ in $(seq 1 600); do
    "$ctl" site status --data "$tmp/b" --json >"$tmp/status" 2>/dev/null
    held=$(sed -E 's/.*"events_held":([0-9]+).*/\1/' "$tmp/status")
    [ "$held" = "$1" ] && return 0
    sleep 0.1
  done
  return 1
}
first=$(pgrep -P "${pids[0]}" -x nats-server)
[ -n "$first" ] && ok || bad "site serve runs no nats-server child"
kill -KILL "$first"
expect_status 0 "a walk-in on a while its server is down" -- "$ctl" checkin --data "$tmp/a" --walk-in \
  --surname Featherstonehaugh --forenames Ann --dob 02/03/1971 --sex F --json
want=$(sqlite3 "$tmp/a/longstop.db" "SELECT max(seq) FROM events")
wait_held "$want" && ok || bad "after a's server was killed b holds $held of a's $want events: $(cat "$tmp/serve-a")"
second=$(pgrep -P "${pids[0]}" -x nats-server)
[ -n "$second" ] && [ "$second" != "$first" ] && ok || bad "no new nats-server after kill -9 (was $first, now '$second')"
# Stopped by SIGTERM, each serve stops its server (nothing left listening) and exits 0.
for p in "${pids[@]}"; do
  kill -TERM "$p"
  wait "$p" && ok || bad "site serve did not exit 0 on SIGTERM"
done
pids=()
python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$port_a))==0)" && ok ||
  bad "a nats-server still listens on $port_a after site serve stopped"
for n in a b; do expect_status 0 "verify $n" -- "$ctl" verify --data "$tmp/$n"; done
grep -rl Featherstonehaugh "$tmp/a" "$tmp/b" >/dev/null && bad "a name in a data directory" || ok

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
