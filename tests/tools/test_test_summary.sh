#!/usr/bin/env bash
# Checks tools/lib/test_summary.py on hand-made meson test logs: a skipped test (exit 77) is counted
# as skipped, never as passed, and a failure makes the exit status 1.
# Usage: test_test_summary.sh SOURCE_ROOT
set -u
summary=${1:?usage: test_test_summary.sh SOURCE_ROOT}/tools/lib/test_summary.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

check() {  # check NAME WANT_LINE WANT_STATUS LOG
  local got status
  got=$(python3 "$summary" "$4" | tail -n 1)
  python3 "$summary" "$4" >/dev/null; status=$?
  if [[ $got == "$2" && $status == "$3" ]]; then
    passed=$((passed + 1))
  else
    echo "$1: got '$got' (exit $status), want '$2' (exit $3)"
    failed=$((failed + 1))
  fi
}

cat >"$work/skips.json" <<'LOG'
{"name": "script_a", "result": "OK", "stdout": ""}
{"name": "script_qr", "result": "SKIP", "stdout": "script_qr: #qr: zbarimg (zbar-tools) is not installed; QR check skipped\n"}
{"name": "unit", "result": "OK", "stdout": "All tests passed (12 assertions in 3 test cases)\n"}
{"name": "shell", "result": "OK", "stdout": "4 passed, 0 failed, 2 skipped\n"}
LOG
check "a skip is a skip" "8 passed, 0 failed, 3 skipped" 0 "$work/skips.json"

cat >"$work/fails.json" <<'LOG'
{"name": "script_a", "result": "FAIL", "stdout": ""}
{"name": "script_b", "result": "SKIP", "stdout": ""}
{"name": "shell", "result": "FAIL", "stdout": "1 passed, 1 failed\n"}
LOG
check "a failure fails" "1 passed, 2 failed, 1 skipped" 1 "$work/fails.json"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
