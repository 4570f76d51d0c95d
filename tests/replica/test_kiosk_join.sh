#!/usr/bin/env bash
# The kiosk program answers joins by itself: a site of one with site.listen set runs no server until an
# administrator makes an invitation (`longstopctl site invite` beside the running kiosk); then the
# kiosk (`longstop --headless`, real process) starts its own nats-server and answers the new device's
# `site join` with nobody at its command line. A second use of the code is refused by the kiosk with
# its sentence; the desk that joined then replicates with it, and both verify. Real nats-servers on
# free loopback ports.
# Usage: test_kiosk_join.sh PATH/TO/longstopctl PATH/TO/longstop
set -u
ctl=$1 kiosk=$2
. "$(cd "$(dirname "$0")" && pwd)/site_shell.sh"
site_scratch


expect_status 0 "init a" -- "$ctl" init --data "$tmp/a" --ods B82005 --name Riverside --json
sed -E 's/.*"recovery_code":"([^"]+)".*/\1/' "$tmp/out" >"$tmp/a.code"
port_a=$(free_port) port_b=$(free_port)
expect_status 0 "site.listen" -- sh -c "'$ctl' config set --data '$tmp/a' site.listen 127.0.0.1:$port_a <'$tmp/a.code'"
SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy "$kiosk" --headless --data "$tmp/a" >"$tmp/kiosk.log" 2>&1 &
kiosk_pid=$!
pids+=("$kiosk_pid")
sleep 3  # longer than the kiosk's look for invitations: a site of one with none serves nothing
listening "$port_a" && bad "the kiosk serves with no peer and no invitation" || ok

expect_status 0 "invite a desk beside the running kiosk" -- \
  sh -c "'$ctl' site invite --data '$tmp/a' --role desk <'$tmp/a.code'"
code=$(head -1 "$tmp/out")
joined=0
for _ in $(seq 1 150); do  # until the kiosk has seen the invitation and started its server
  "$ctl" site join --data "$tmp/b" --listen "127.0.0.1:$port_b" --role desk "$code" >"$tmp/join-out" 2>"$tmp/join-err" &&
    { joined=1; break; }
  grep -q "Could not reach" "$tmp/join-err" || break
  sleep 0.1
done
[ "$joined" = 1 ] && ok || bad "join: $(cat "$tmp/join-err") kiosk: $(cat "$tmp/kiosk.log")"
contains "$tmp/join-out" "through device $(meta "$tmp/a" device_id) as a desk" "join says through whom and as what"
[ "$(sqlite3 "$tmp/a/longstop.db" "SELECT device_id || ' ' || role FROM peers")" = "$(meta "$tmp/b" device_id) desk" ] &&
  ok || bad "the kiosk's roster: $(sqlite3 "$tmp/a/longstop.db" "SELECT * FROM peers")"
[ "$(sqlite3 "$tmp/a/longstop.db" "SELECT count(*) FROM events WHERE kind = 'peer-joined'")" = 1 ] && ok ||
  bad "the kiosk wrote no peer-joined event"
expect_status 2 "the same code again" -- "$ctl" site join --data "$tmp/c" --listen 127.0.0.1:1 --role desk "$code"
contains "$tmp/err" "already used" "the kiosk says it was used"
[ ! -e "$tmp/c" ] || [ -z "$(ls -A "$tmp/c")" ] && ok || bad "a refused join left files in $tmp/c"
kill -0 "$kiosk_pid" 2>/dev/null && ok || bad "the kiosk is not running: $(cat "$tmp/kiosk.log")"

# The desk serves; a walk-in on it reaches the kiosk's database (the kiosk now has a peer).
"$ctl" site serve --data "$tmp/b" --listen "127.0.0.1:$port_b" >"$tmp/serve-b" 2>&1 &
pids+=($!)
expect_status 0 "a walk-in on the desk" -- "$ctl" checkin --data "$tmp/b" --walk-in --surname Featherstonehaugh \
  --forenames Tom --dob 02/03/1970 --sex M --json
want=$(sqlite3 "$tmp/b/longstop.db" "SELECT max(seq) FROM events")
held=""
for _ in $(seq 1 300); do
  held=$(sqlite3 "$tmp/a/longstop.db" "SELECT max(origin_seq) FROM peer_events" 2>/dev/null)
  [ "$held" = "$want" ] && break
  sleep 0.1
done
[ "$held" = "$want" ] && ok || bad "the kiosk holds ${held:-none} of the desk's $want events"
for p in "${pids[@]}"; do
  kill -TERM "$p"
  wait "$p" && ok || bad "process $p did not exit 0 on SIGTERM"
done
pids=()
listening "$port_a" && bad "the kiosk's server outlived it" || ok
for n in a b; do expect_status 0 "verify $n" -- "$ctl" verify --data "$tmp/$n"; done
grep -rl Featherstonehaugh "$tmp/a" "$tmp/b" >/dev/null && bad "a name in a data directory" || ok

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
