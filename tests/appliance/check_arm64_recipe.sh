#!/bin/bash
# The arm64 image recipe is well-formed, without building it (that takes tens of minutes; see
# docs/appliance.md): the recipe's shell parses (bash -n, and shellcheck where installed), and
# `meson setup` with image/cross-arm64.ini succeeds where the arm64 cross packages are installed
# (LONGSTOP_ARM64_PACKAGES in tools/lib/packages.sh). Without them the setup part is a skip (77):
# CI does not install the arm64 toolchain.
# usage: check_arm64_recipe.sh SOURCE_ROOT
set -euo pipefail
repo=$1
scripts=("$repo/image/build" "$repo/image/lib.sh" "$repo/image/foreign.sh" "$repo/image/test" "$repo/image/test-arm64.sh" "$repo/image/test-units" "$repo/image/guest/longstop-test-probe" "$repo/image/guest/longstop-test-stream"
  "$repo/image/guest/longstop-test-init" "$repo/image/guest/longstop-test-units")
for f in "${scripts[@]}"; do
  case "$(head -n 1 "$f")" in '#!/bin/sh'*) sh -n "$f" ;; *) bash -n "$f" ;; esac ||
    { echo "FAIL: $f does not parse"; exit 1; }
done
echo "ok: the image recipe's shell parses (${#scripts[@]} files)"
if command -v shellcheck >/dev/null; then
  (cd "$repo" && shellcheck -x -S warning "${scripts[@]}") || { echo "FAIL: shellcheck"; exit 1; }
  echo "ok: shellcheck"
fi

cross=$repo/image/cross-arm64.ini
[ -f "$cross" ] || { echo "FAIL: no meson cross file $cross"; exit 1; }
if ! command -v aarch64-linux-gnu-g++ >/dev/null || ! command -v aarch64-linux-gnu-pkg-config >/dev/null ||
  ! aarch64-linux-gnu-pkg-config --exists sdl2 libsodium sqlite3 imgui zxing libnats libsystemd harfbuzz fribidi freetype2 2>/dev/null; then
  echo "SKIP: the arm64 cross packages are not installed (crossbuild-essential-arm64 and the :arm64 -dev"
  echo "      packages of LONGSTOP_ARM64_PACKAGES); the recipe's shell was checked, meson setup was not."
  exit 77
fi
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
if ! meson setup "$build/b" "$repo" --cross-file "$cross" --prefix=/usr --buildtype=release \
  -Dtests=false -Dsystemd=enabled >"$build/log" 2>&1; then
  tail -n 20 "$build/log"
  echo "FAIL: meson setup with $cross"
  exit 1
fi
grep -q "Host machine cpu family: aarch64" "$build/log" || { echo "FAIL: not a cross build for aarch64"; exit 1; }
echo "ok: meson setup with image/cross-arm64.ini (aarch64, $(aarch64-linux-gnu-g++ -dumpversion))"
