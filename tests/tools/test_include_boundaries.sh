#!/usr/bin/env bash
# The build's module-boundary check: the real tree passes; a copy with one forbidden include fails and
# names the file, the line and the rule; an interface header the UI may see still passes.
set -uo pipefail
root=$1
check="$root/tools/lib/check_includes.py"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

if python3 "$check" "$root" >"$tmp/out"; then ok; else bad "the real tree crosses a boundary:"; cat "$tmp/out"; fi

copy() { rm -rf "$tmp/tree"; mkdir -p "$tmp/tree"; cp -r "$root/src" "$root/tools" "$tmp/tree/"; }
forbid() {  # forbid FILE INCLUDE WHAT: adding INCLUDE to FILE must fail with WHAT in the message
  copy
  printf '#include "%s"\n' "$2" >>"$tmp/tree/$1"
  if python3 "$check" "$tmp/tree" >"$tmp/out"; then bad "$1 including $2 was not refused"; return; fi
  local line; line=$(wc -l <"$tmp/tree/$1")
  if grep -qF "$1:$line: $3" "$tmp/out"; then ok; else bad "$1 + $2: expected \"$1:$line: $3\", got:"; cat "$tmp/out"; fi
}
forbid src/ui/screens/welcome.cpp store/database.h "ui may not include store/database.h"
forbid src/ui/screens/welcome.cpp service/site.h "ui may not include service/site.h: the screens see only"
forbid src/core/date.cpp crypto/primitives.h "core may not include crypto/primitives.h"
forbid src/store/database.cpp service/signer.h "store may not include service/signer.h"
forbid src/exporter/fhir.cpp store/database.h "exporter may not include store/database.h"
forbid src/scan/decoder.cpp ui/theme.h "scan may not include ui/theme.h"
forbid src/app/kiosk_app.cpp store/database.h "app may not include store/database.h"
forbid src/ui/screens/welcome.cpp replica/site_runner.h "ui may not include replica/site_runner.h"
forbid src/replica/outbox.cpp app/kiosk_app.h "replica may not include app/kiosk_app.h"
forbid tools/longstop-batch/main.cpp service/site.h "longstop-batch may not include service/site.h"

copy
printf '#include "service/kiosk_services.h"\n' >>"$tmp/tree/src/ui/screens/welcome.cpp"
if python3 "$check" "$tmp/tree" >"$tmp/out"; then ok; else bad "an interface header was refused:"; cat "$tmp/out"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
