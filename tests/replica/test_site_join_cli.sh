#!/usr/bin/env bash
# longstopctl site invite | join from the command line: a kiosk's `site serve` answers a fresh data
# directory's `site join`; the code is printed and saved as a QR picture that `scan` reads back; a
# second use of the code and a mistyped one are refused with their sentences; then both replicate and
# verify. Real nats-servers on free loopback ports.
# Usage: test_site_join_cli.sh PATH/TO/longstopctl
set -u
ctl=$1
. "$(cd "$(dirname "$0")" && pwd)/site_shell.sh"
site_scratch


expect_status 0 "init a" -- "$ctl" init --data "$tmp/a" --ods B82005 --name Riverside --json
sed -E 's/.*"recovery_code":"([^"]+)".*/\1/' "$tmp/out" >"$tmp/a.code"
port_a=$(free_port)
port_b=$(free_port)
expect_status 2 "invite without an address" -- sh -c "'$ctl' site invite --data '$tmp/a' <'$tmp/a.code'"
contains "$tmp/err" "set site.listen" "says to set site.listen"
expect_status 0 "site.listen" -- sh -c "'$ctl' config set --data '$tmp/a' site.listen 127.0.0.1:$port_a <'$tmp/a.code'"
"$ctl" site serve --data "$tmp/a" --listen "127.0.0.1:$port_a" >"$tmp/serve-a" 2>&1 &
pids+=($!)
expect_status 0 "invite a desk" -- sh -c "'$ctl' site invite --data '$tmp/a' --role desk --out '$tmp/join.png' <'$tmp/a.code'"
code=$(head -1 "$tmp/out")
case "$code" in LSJ1:B82005:*) ok ;; *) bad "invite printed '$code'" ;; esac
contains "$tmp/err" "valid for 10 minutes and once" "says how long"
expect_status 0 "scan the QR picture" -- "$ctl" scan "$tmp/join.png"
contains "$tmp/out" "$code" "the QR code holds the code's text"
typo=$(echo "$code" | sed -E 's/:([A-Z2-7]{4})$/:AAAA/')
expect_status 2 "a mistyped code" -- "$ctl" site join --data "$tmp/t" --listen "127.0.0.1:$port_b" --role desk "$typo"
contains "$tmp/err" "typing mistake" "says it is a typing mistake"
[ ! -e "$tmp/t" ] || [ -z "$(ls -A "$tmp/t")" ] && ok || bad "a refused join left files in $tmp/t"
joined=0
for _ in $(seq 1 100); do  # until a's serve answers (it starts its server first)
  "$ctl" site join --data "$tmp/b" --listen "127.0.0.1:$port_b" --role desk "$code" >"$tmp/join-out" 2>"$tmp/join-err" &&
    { joined=1; break; }
  grep -q "Could not reach" "$tmp/join-err" || break
  sleep 0.1
done
[ "$joined" = 1 ] && ok || bad "join: $(cat "$tmp/join-err")"
contains "$tmp/join-out" "through device $(meta "$tmp/a" device_id) as a desk" "join says through whom and as what"
[ "$(meta "$tmp/b" device_role)" = desk ] && ok || bad "b's role is '$(meta "$tmp/b" device_role)'"
[ "$(meta "$tmp/b" ods_code)" = B82005 ] && ok || bad "b is not on the site"
expect_status 2 "the same code again" -- "$ctl" site join --data "$tmp/c" --listen 127.0.0.1:1 --role desk "$code"
contains "$tmp/err" "already used" "says it was used"
[ ! -e "$tmp/c" ] || [ -z "$(ls -A "$tmp/c")" ] && ok || bad "a refused join left files in $tmp/c"

"$ctl" site serve --data "$tmp/b" --listen "127.0.0.1:$port_b" >"$tmp/serve-b" 2>&1 &
pids+=($!)
expect_status 0 "a walk-in on b" -- "$ctl" checkin --data "$tmp/b" --walk-in --surname Featherstonehaugh \
  --forenames Tom --dob 02/03/1970 --sex M --json
want=$(sqlite3 "$tmp/b/longstop.db" "SELECT max(seq) FROM events")
held=0
for _ in $(seq 1 600); do  # up to a minute, for the condition
  "$ctl" site status --data "$tmp/a" --json >"$tmp/status" 2>/dev/null
  held=$(sed -E 's/.*"events_held":([0-9]+).*/\1/' "$tmp/status")
  [ "$held" = "$want" ] && break
  sleep 0.1
done
[ "$held" = "$want" ] && ok || bad "a holds $held of b's $want events: $(cat "$tmp/status" "$tmp/serve-a")"
contains "$tmp/status" '"refused":0' "nothing refused"
for p in "${pids[@]}"; do
  kill -TERM "$p"
  wait "$p" && ok || bad "site serve did not exit 0 on SIGTERM"
done
pids=()
for n in a b; do expect_status 0 "verify $n" -- "$ctl" verify --data "$tmp/$n"; done
grep -rl Featherstonehaugh "$tmp/a" "$tmp/b" >/dev/null && bad "a name in a data directory" || ok

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
