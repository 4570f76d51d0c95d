#!/usr/bin/env bash
# First boot's "Join a site" through the real programs: the inviting device is the kiosk program
# (`longstop --headless`, real process, real nats-server it starts itself), its join codes made by
# `longstopctl site invite` beside it; the joining devices are `longstop --headless --script` on fresh
# data directories, driven by tests/scripts/setup_join_refused.lsk (a mistyped, a used and an expired
# code, at 1280x800 and 800x480) and setup_join.lsk (a reception desk, then a calling board, each joined
# and started in its role). Screenshots go to SHOTS.
# Usage: test_setup_join.sh PATH/TO/longstopctl PATH/TO/longstop SCRIPTS-DIR SHOTS-DIR
set -u
ctl=$(realpath "$1") longstop=$(realpath "$2") scripts=$3 shots=$4
. "$(cd "$(dirname "$0")" && pwd)/site_shell.sh"
site_scratch
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed"; exit 77; }
mkdir -p "$shots"
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy

invite() {  # invite [ROLE]: a fresh code on stdout
  sh -c "'$ctl' site invite --data '$tmp/a' ${1:+--role $1} <'$tmp/a.code'" 2>>"$tmp/invite.err" | head -1
}
# fill TEMPLATE OUT KEY=VALUE...: the template with each @KEY@ replaced
fill() {
  local template=$1 out=$2
  shift 2
  python3 - "$template" "$out" "$@" <<'PY'
import sys
text = open(sys.argv[1]).read()
for pair in sys.argv[3:]:
    key, value = pair.split("=", 1)
    text = text.replace("@" + key + "@", value.replace("\\n", "\n"))
open(sys.argv[2], "w").write(text)
PY
}

expect_status 0 "init a" -- "$ctl" init --data "$tmp/a" --ods B82005 --name Riverside --json
sed -E 's/.*"recovery_code":"([^"]+)".*/\1/' "$tmp/out" >"$tmp/a.code"
port_a=$(free_port)
expect_status 0 "site.listen" -- sh -c "'$ctl' config set --data '$tmp/a' site.listen 127.0.0.1:$port_a <'$tmp/a.code'"
"$longstop" --headless --data "$tmp/a" >"$tmp/kiosk.log" 2>&1 &
pids+=($!)
a_id=$(meta "$tmp/a" device_id)

# A used code: one device joins with it from the command line first (answered by the kiosk program).
used=$(invite)
joined=0
for _ in $(seq 1 150); do
  "$ctl" site join --data "$tmp/first" --listen "127.0.0.1:$(free_port)" --role kiosk "$used" \
    >"$tmp/join-out" 2>"$tmp/join-err" && { joined=1; break; }
  grep -q "Could not reach" "$tmp/join-err" || break
  sleep 0.1
done
[ "$joined" = 1 ] && ok || bad "the first join: $(cat "$tmp/join-err")"
fresh=$(invite)
typo=$(echo "$fresh" | sed -E 's/:([A-Z2-7]{4})$/:AAAA/')
now=$(date -u +%Y-%m-%dT%H:%M)
for size in 1280x800 800x480; do
  # The first letter from the on-screen keyboard where there is room for one (not on the small panel).
  first_key='tap "L"'
  [ "$size" = 800x480 ] && first_key='type "L"'
  fill "$scripts/setup_join_refused.lsk" "$tmp/refused.lsk" SHOTS="$shots" SIZE="$size" \
    TYPO_TAIL="${typo#L}" USED="$used" FRESH="$fresh" FIRST_KEY="$first_key"
  mkdir -p "$tmp/r-$size"
  if (cd "$tmp" && "$longstop" --headless --size "$size" --data "$tmp/r-$size" --now "$now" \
      --script "$tmp/refused.lsk" 2>"$tmp/refused.err"); then ok; else bad "refusals at $size: $(cat "$tmp/refused.err")"; fi
  [ -z "$(ls -A "$tmp/r-$size")" ] && ok || bad "a refused join wrote into the data directory at $size"
done

clear=$(for _ in $(seq 1 40); do printf 'key Backspace\\n'; done)
join_as() {  # join_as ROLE-LABEL ROLE-NAME DONE-TEXT AFTER
  local code dir=$tmp/$2 port
  code=$(invite)
  port=$(free_port)
  fill "$scripts/setup_join.lsk" "$tmp/join-$2.lsk" SHOTS="$shots" SIZE=1280x800 CODE="$code" ROLE="$1" \
    ROLENAME="$2" CLEAR="$clear" LISTEN="127.0.0.1:$port" INVITER="$a_id" DONE="$3" AFTER="$4"
  mkdir -p "$dir"
  if (cd "$tmp" && "$longstop" --headless --size 1280x800 --data "$dir" --now "$now" \
      --script "$tmp/join-$2.lsk" 2>"$tmp/join-$2.err"); then ok; else bad "join as $2: $(cat "$tmp/join-$2.err")"; fi
  [ "$(meta "$dir" device_role)" = "$2" ] && ok || bad "the $2's role is '$(meta "$dir" device_role)'"
  [ "$(meta "$dir" site_listen)" = "127.0.0.1:$port" ] && ok || bad "the $2 listens on '$(meta "$dir" site_listen)'"
  [ "$(sqlite3 "$dir/longstop.db" "SELECT device_id FROM peers")" = "$a_id" ] && ok || bad "the $2's roster"
  [ "$(sqlite3 "$tmp/a/longstop.db" "SELECT role FROM peers WHERE device_id = '$(meta "$dir" device_id)'")" = "$2" ] &&
    ok || bad "the kiosk's roster has no $2"
  expect_status 0 "verify the $2" -- "$ctl" verify --data "$dir"
}
join_as "Reception desk" desk "the reception desk opens on staff sign-in" \
  "expect \"Staff sign-in\"\\nscreenshot $shots/join-07-desk-started-1280x800.png"
[ "$(sqlite3 "$tmp/desk/longstop.db" "SELECT count(*) FROM credentials")" -ge 1 ] && ok || bad "the desk has no credentials"
join_as "Calling board" board "it becomes the calling board" ""
[ "$(sqlite3 "$tmp/board/longstop.db" "SELECT count(*) FROM credentials")" = 0 ] && ok || bad "the board holds credentials"
expect_status 0 "verify the inviting kiosk" -- "$ctl" verify --data "$tmp/a"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
