# Debian 12 packages Longstop needs, and a function that installs the missing ones.
# Sourced by tools/run and tools/test.

LONGSTOP_BUILD_PACKAGES=(
  g++ meson ninja-build pkg-config
  libsdl2-dev libimgui-dev libsqlite3-dev libqrencode-dev libzxing-dev libsodium-dev libstb-dev
  libturbojpeg0-dev libevdev-dev
  zlib1g-dev nlohmann-json3-dev
  libkeyutils-dev  # the kernel keyring holds the kiosk's unattended keys for one boot
  libnats-dev nats-server  # a site of several devices: JetStream, each device its own server (docs/site.md)
  libsystemd-dev fonts-dejavu-core
  gettext  # msgfmt builds the language catalogues (po/)
  # Text in every script (src/ui/shaping): shaping, paragraph order, glyphs, and the Noto fonts
  libharfbuzz-dev libfribidi-dev libfreetype-dev fonts-noto-core fonts-noto-cjk
  libespeak-ng-dev espeak-ng-data  # spoken guidance (src/speech): the library and its voices
)
# image/build and image/test (the appliance image; see docs/appliance.md).
LONGSTOP_IMAGE_PACKAGES=(
  mmdebstrap qemu-system-x86 qemu-utils mtools dosfstools e2fsprogs fdisk imagemagick sqlite3
  rsync  # only changed sources copied over the kept build's, so a rebuild compiles only what changed
)
# image/build --arch arm64 on an amd64 machine: the cross compiler and the arm64 side of every -dev
# package above (all Multi-Arch: same; needs `dpkg --add-architecture arm64`), and qemu-system-aarch64
# for the root's second stage. Not qemu-user: nothing of arm64 runs on the build machine.
LONGSTOP_ARM64_PACKAGES=(
  crossbuild-essential-arm64 qemu-system-arm cpio
  libsdl2-dev:arm64 libimgui-dev:arm64 libsqlite3-dev:arm64 libqrencode-dev:arm64 libzxing-dev:arm64
  libsodium-dev:arm64 libstb-dev:arm64 libturbojpeg0-dev:arm64 libevdev-dev:arm64 zlib1g-dev:arm64
  libkeyutils-dev:arm64 libnats-dev:arm64 libsystemd-dev:arm64
  libharfbuzz-dev:arm64 libfribidi-dev:arm64 libfreetype-dev:arm64 libespeak-ng-dev:arm64
)
LONGSTOP_TEST_PACKAGES=(
  catch2 sqlite3 python3 clang libclang-rt-14-dev zbar-tools strace
  clang-format  # the layout check (tests/tools/test_format.sh)
  espeak-ng  # the board's spoken announcements (src/app/audio_output.cpp) and their test
  libharfbuzz-bin  # hb-shape: the text engine's test compares its glyphs with HarfBuzz's own tool
)

# ensure_packages PKG... : installs what dpkg does not already have, as root or through sudo.
ensure_packages() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "Installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Please install as root: apt-get install ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# configure_build DIR [meson options...]: sets up DIR once, reconfigures if the options changed.
configure_build() {
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}
