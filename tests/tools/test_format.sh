#!/usr/bin/env bash
# Every C++ file of the project matches .clang-format. Names each file that does not, with the command
# that fixes it. Fails (not skips) without clang-format: tools/test installs it.
set -uo pipefail
root=$1
format=$(command -v clang-format-14 || command -v clang-format) || {
  echo "clang-format is not installed (tools/test installs the clang-format package)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The check can fail: a badly laid out copy of a real file is caught.
cp "$root/.clang-format" "$tmp/"
printf 'int  main( ) {return 0 ;}\n' >"$tmp/bad.cpp"
if "$format" --dry-run -Werror "$tmp/bad.cpp" >/dev/null 2>&1; then
  echo "FAIL: clang-format accepted a badly laid out file"; exit 1
fi

bad=()
while IFS= read -r -d '' f; do
  "$format" --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("${f#"$root"/}")
done < <(find "$root/src" "$root/tests" "$root/tools" -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
if ((${#bad[@]})); then
  echo "${#bad[@]} files do not match .clang-format:"
  printf '  %s\n' "${bad[@]}"
  echo "Fix with: clang-format -i FILE..."
  exit 1
fi
echo "every C++ file matches .clang-format"
