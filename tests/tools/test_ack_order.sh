#!/usr/bin/env bash
# `longstopctl checkin` answers as soon as its commit is durable: under strace, the WAL is synced, then
# the answer is written to standard output (a pipe, as a calling program reads it), and only then is
# the database closed. Before, the answer sat in stdio's buffer until exit, after the close.
# Usage: test_ack_order.sh PATH/TO/longstopctl
set -u
ctl=$1
command -v strace >/dev/null || { echo "strace is missing (tools/test installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(cd "$(dirname "$0")" && pwd)/../support/shell_checks.sh"

d=$tmp/site
expect_status 0 "init" -- "$ctl" init --data "$d" --ods B82005 --name "Riverside Surgery" --json
strace -f -y -o "$tmp/trace" -e trace=write,close,fsync,fdatasync \
  "$ctl" checkin --data "$d" --walk-in --surname Featherstonehaugh --forenames Tom --dob 02/03/1970 --sex M \
  --json | cat >"$tmp/answer"
contains "$tmp/answer" '"ticket":"W001"' "the answer came through the pipe"

answer=$(grep -n 'write(1<pipe:' "$tmp/trace" | grep -m1 -F 'ticket' | cut -d: -f1)
# The commit's own sync: the last one of the WAL before the answer (closing syncs it again later).
synced=$(grep -n -E 'f(data)?sync\([0-9]+</[^>]*longstop\.db-wal>' "$tmp/trace" | cut -d: -f1 |
  awk -v a="${answer:-0}" '$1 < a' | tail -n1)
closed=$(grep -n -E 'close\([0-9]+</[^>]*longstop\.db>' "$tmp/trace" | tail -n1 | cut -d: -f1)
if [ -n "$answer" ] && [ -n "$synced" ] && [ -n "$closed" ]; then
  ok
  if [ "$answer" -lt "$closed" ]; then ok; else bad "the answer waited for the database to close (line $answer after $closed)"; fi
else
  bad "the trace lacks the answer ($answer), a WAL sync before it ($synced: the answer came before the commit was durable) or the close ($closed): $(tail -n 20 "$tmp/trace")"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
