# Checks shared by the shell end-to-end tests. Source it after setting $tmp (a scratch directory);
# it counts into $pass and $fail, which the test reports at its end.
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect_status() {  # expect_status WANT DESCRIPTION -- command...
  local want=$1 what=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?
  if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, wanted $want; stderr: $(cat "$tmp/err")"; fi
}
contains() {  # contains FILE TEXT DESCRIPTION
  if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in $(cat "$1")"; fi
}
