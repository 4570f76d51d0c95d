# shellcheck shell=bash
# The steps of image/build, one function each; sourced by image/build. Everything that differs between
# amd64 and arm64 is in this file and says so.

# This directory (image/), wherever lib.sh is sourced from.
image_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=image/foreign.sh
. "$image_dir/foreign.sh"

# The Debian packages the image is made of: the base, the kernel, and what `longstop` links to
# (checked with ldd: SDL2, SQLite, libsodium, qrencode, zxing, libsystemd, libkeyutils, Mesa for KMS/DRM via GBM/EGL).
image_packages() {
  local arch=$1
  local p=(systemd-sysv udev kmod initramfs-tools iproute2
    libsystemd0 libsdl2-2.0-0 libsqlite3-0 libsodium23 libqrencode4 libzxing2 libkeyutils1 fonts-dejavu-core
    libharfbuzz0b libfribidi0 libfreetype6 fonts-noto-core fonts-noto-cjk
    libespeak-ng1 espeak-ng-data
    nats-server
    libgl1-mesa-dri libegl1 libegl-mesa0 libgles2 libgbm1 libdrm2)
  # Whatever else the installed programs link to (e.g. libstb0), found with ldd on this machine.
  [ -f "$work/runtime-packages" ] && mapfile -t -O "${#p[@]}" p <"$work/runtime-packages"
  case "$arch" in
    amd64) p+=(linux-image-amd64) ;;
    arm64) p+=(linux-image-arm64 raspi-firmware) ;;  # raspi-firmware: boot files for the Pi 3/4
  esac
  printf '%s\n' "${p[@]}"
}

# Host tools; installs what is missing. arm64 also needs what this machine may not have (see below).
ensure_image_tools() {
  local arch=$1
  # shellcheck source=tools/lib/packages.sh
  . "$repo/tools/lib/packages.sh"
  ensure_packages "${LONGSTOP_BUILD_PACKAGES[@]}" "${LONGSTOP_IMAGE_PACKAGES[@]}" git
  [ "$arch" = arm64 ] && [ "$(dpkg --print-architecture)" != arm64 ] && ensure_arm64_cross_tools
  return 0
}

# The arm64 cross toolchain and the :arm64 -dev packages on an amd64 machine. No qemu-user and no
# binfmt_misc: nothing of arm64 runs on this machine (the second stage runs in qemu-system-aarch64).
ensure_arm64_cross_tools() {
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    echo "image/build: adding the arm64 architecture to dpkg (dpkg --add-architecture arm64)"
    dpkg --add-architecture arm64
    apt-get update -qq
  fi
  ensure_packages "${LONGSTOP_ARM64_PACKAGES[@]}"
}

# The Debian mirror lines of this machine's own apt sources, one "deb URI SUITE COMPONENTS" a line.
debian_mirror() {
  local f
  {
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -r "$f" ] || continue
      awk 'BEGIN { RS = ""; FS = "\n" }
        { t = ""; u = ""; s = ""; c = "";
          for (i = 1; i <= NF; i++) {
            if ($i ~ /^Types:/) t = substr($i, 8); if ($i ~ /^URIs:/) u = substr($i, 7);
            if ($i ~ /^Suites:/) s = substr($i, 9); if ($i ~ /^Components:/) c = substr($i, 13) }
          if (t ~ /(^| )deb( |$)/) { n = split(s, ss, " "); for (j = 1; j <= n; j++) print u, ss[j] } }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -r "$f" ] || continue
      awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } print $i, $(i + 1) }' "$f"
    done
  } | awk '$2 ~ /^bookworm/ && !seen[$0]++ { print $1 " " $2 }'
}

# mmdebstrap's mirror arguments: every bookworm suite of this machine's sources, with the components
# the image needs (the Pi's boot firmware is in non-free-firmware).
mirror_args() {
  local arch=$1 comps="main"
  [ "$arch" = arm64 ] && comps="main non-free-firmware"
  debian_mirror_lines | while read -r uri suite; do echo "deb $uri $suite $comps"; done
}
debian_mirror_lines() { debian_mirror; }

# Builds Longstop for ARCH from the repository into STAGE (a --destdir tree with prefix /usr).
# The source and build directories are kept between runs. The tree to build is unpacked beside the
# kept source and only the files whose contents changed are copied over it (git archive gives every
# file the commit's time, which would rebuild everything), so a rebuild after a code change compiles
# what depends on that change.
build_longstop() {
  local arch=$1 repo=$2 worktree=$3 work=$4 stage=$5 commit=${6:-HEAD}
  local cache=${LONGSTOP_IMAGE_CACHE:-/var/tmp/longstop-image/cache-$arch}
  local src=$cache/src build=$cache/build incoming=$cache/incoming
  mkdir -p "$cache" "$src"
  rm -rf "$incoming"
  mkdir -p "$incoming"
  if [ "$worktree" = 1 ]; then
    (cd "$repo" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -C "$incoming" -xf -
  else
    git -C "$repo" archive --format=tar "$commit" | tar -C "$incoming" -xf -
    git -C "$repo" rev-parse "$commit" >"$work/source-commit"
  fi
  rsync -rlpc --delete "$incoming/" "$src/"
  rm -rf "$incoming"
  local cross=()
  if [ "$arch" = arm64 ] && [ "$(dpkg --print-architecture)" != arm64 ]; then
    cross=(--cross-file "$image_dir/cross-arm64.ini")
  fi
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$src" "${cross[@]}" --prefix=/usr --buildtype=release -Dwerror=false \
      -Dtests=false -Dsystemd=enabled >/dev/null
  fi
  ninja -C "$build" -j 2 >/dev/null
  rm -rf "$stage"
  DESTDIR=$stage meson install -C "$build" --no-rebuild --quiet
  # The Debian packages of the shared libraries the programs need (the host's, for a native build;
  # for a cross build the same names from the arm64 side).
  if ((${#cross[@]})); then
    # ldd cannot read foreign binaries: their NEEDED entries, looked up in the arm64 library folders.
    find "$stage/usr/bin" -type f -perm -u+x -exec aarch64-linux-gnu-readelf -d {} + 2>/dev/null |
      sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u |
      sed 's|^|*/aarch64-linux-gnu/|' | xargs -r dpkg -S 2>/dev/null | grep -v '^diversion' | cut -d: -f1 |
      tr ',' '\n' | sed 's/ //g' | sort -u >"$work/runtime-packages"
    return 0
  fi
  find "$stage/usr/bin" -type f -perm -u+x -exec ldd {} + 2>/dev/null | awk '$3 ~ /^\// { n = split($3, d, "/"); print "*/" d[n - 1] "/" $1 }' |
    sort -u | xargs -r dpkg -S 2>/dev/null | grep -v '^diversion' | cut -d: -f1 | tr ',' '\n' | sed 's/ //g' | sort -u \
    >"$work/runtime-packages"
}

# Of Noto's 460 MB only the faces src/text/font_choice.cpp names, as dpkg path filters: Sans CJK
# (not Serif), and Nastaliq, Arabic, Bengali, Gurmukhi, Gujarati, Tamil, Devanagari in regular and bold.
noto_filter_args() {
  echo "--dpkgopt=path-exclude=/usr/share/fonts/truetype/noto/*"
  echo "--dpkgopt=path-exclude=/usr/share/fonts/opentype/noto/NotoSerif*"
  local f w
  for f in NotoNastaliqUrdu NotoSansArabic NotoSansBengali NotoSansGurmukhi NotoSansGujarati NotoSansTamil \
    NotoSansDevanagari; do
    for w in Regular Bold; do echo "--dpkgopt=path-include=/usr/share/fonts/truetype/noto/$f-$w.ttf"; done
  done
}

# The root tree from Debian packages, installed and configured, before Longstop goes in. Made once and
# kept in the cache as a tarball named by what went into it (the package list, the mirror and the
# functions that make it): a rebuild after a change to Longstop's own code unpacks it in seconds instead
# of installing again (for arm64 the second stage under emulation takes over an hour). Kept at most
# LONGSTOP_IMAGE_ROOT_DAYS days (default 7) so that Debian's security updates reach the next image;
# LONGSTOP_IMAGE_ROOT_DAYS=0 always installs afresh.
make_root_tree() {
  local arch=$1 root=$3
  local cache=${LONGSTOP_IMAGE_CACHE:-/var/tmp/longstop-image/cache-$arch}
  local days=${LONGSTOP_IMAGE_ROOT_DAYS:-7} key saved
  key=$({ image_packages "$arch"; mirror_args "$arch"; noto_filter_args
    declare -f make_root_tree install_root_tree make_foreign_root_tree; cat "$image_dir/foreign.sh"; } |
    sha256sum | cut -c1-16)
  saved=$cache/root-$key.tar
  mkdir -p "$cache"
  if ((days > 0)) && [ -f "$saved" ] && [ -z "$(find "$saved" -mtime +"$((days - 1))")" ]; then
    echo "   reusing the configured root $saved (same packages and recipe; made $(date -r "$saved" '+%F %H:%M'))"
    mkdir -p "$root"
    tar -C "$root" --numeric-owner --xattrs --xattrs-include='*' -xpf "$saved"
    return
  fi
  install_root_tree "$arch" "$root"
  rm -f "$cache"/root-*.tar "$cache"/root-*.tar.part
  tar -C "$root" --numeric-owner --xattrs --xattrs-include='*' -cpf "$saved.part" . && mv "$saved.part" "$saved"
}

# The root tree from Debian packages with mmdebstrap (minbase), without documentation or man pages.
install_root_tree() {
  local arch=$1 root=$2
  if [ "$arch" = arm64 ] && [ "$(dpkg --print-architecture)" != arm64 ]; then
    make_foreign_root_tree "$arch" "$root"
    return
  fi
  local mirrors=()
  mapfile -t mirrors < <(mirror_args "$arch")
  local pkgs
  pkgs=$(image_packages "$arch" | paste -sd, -)
  local noto=()
  mapfile -t noto < <(noto_filter_args)
  mmdebstrap --mode=root --variant=minbase --architectures="$arch" --include="$pkgs" \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --customize-hook='rm -f "$1"/var/cache/apt/*.bin "$1"/var/lib/apt/lists/*_*' \
    "${noto[@]}" bookworm "$root" "${mirrors[@]}"
}

# The arm64 root on an amd64 machine (image/foreign.sh): unpacked by mmdebstrap, nothing run; the
# packages are then installed by the second stage inside qemu-system-aarch64. The same package set as
# the native path (minbase: Priority required, apt, and the image's packages).
make_foreign_root_tree() {
  local arch=$1 root=$2
  local cache=${LONGSTOP_IMAGE_CACHE:-/var/tmp/longstop-image/cache-$arch}
  local mirrors=()
  mapfile -t mirrors < <(mirror_args "$arch")
  local pkgs
  pkgs=$(image_packages "$arch" | paste -sd, -)
  local noto=()
  mapfile -t noto < <(noto_filter_args)
  mmdebstrap --mode=root --variant=extract --architectures="$arch" --skip=check/qemu \
    --skip=cleanup/apt/cache --include='?priority(required)' --include="apt,$pkgs" \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    "${noto[@]}" bookworm "$root" "${mirrors[@]}"
  foreign_second_stage "$root" "$cache"
  # What extraction put there before dpkg's path-excludes applied, and the downloaded packages.
  find "$root/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete 2>/dev/null || true
  rm -rf "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/usr/share/info/* \
    "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/*_*
}

# Ctrl+Alt+Del on a USB keyboard left by the kiosk must not reboot it in the middle of a check-in: the
# target it starts is masked, and so is systemd's own fallback (pressed seven times in two seconds it
# forces a reboot even with the target masked). No `|| true`: better no image than one that reboots.
# tests/appliance/check_console_keys.sh runs configure_root on a bare tree and checks both.
no_keyboard_reboot() {
  local root=$1
  systemctl --root="$root" mask ctrl-alt-del.target >/dev/null
  mkdir -p "$root/etc/systemd/system.conf.d"
  printf '[Manager]\nCtrlAltDelBurstAction=none\n' >"$root/etc/systemd/system.conf.d/longstop-keys.conf"
}

# Everything that makes the tree an appliance. File operations and `systemctl --root` only, so that the
# same steps work for a foreign-architecture tree.
configure_root() {
  local arch=$1 root=$2 here=$3
  local etc=$root/etc
  echo longstop >"$etc/hostname"
  : >"$etc/machine-id"  # empty: systemd makes a transient one at boot on the read-only root

  # Partitions (see assemble_image): boot vfat, root ext4 read-only, data ext4.
  cat >"$etc/fstab" <<'FSTAB'
# Longstop appliance. The root is read-only; only the data partition is written.
# Data: data=journal writes file data through the journal too, so a power cut never leaves a torn
# block in the database file; barrier=1 keeps the card's write cache honest; noatime spares the card.
# SQLite fsyncs every check-in, so commit= (the flush interval for everything else) stays at 5 s.
LABEL=lsroot       /                  ext4  ro,noatime,errors=remount-ro                         0 1
LABEL=LSBOOT       /boot/firmware     vfat  ro,umask=0022,noatime,nofail                         0 2
LABEL=lsdata       /var/lib/longstop  ext4  rw,noatime,nodev,nosuid,noexec,data=journal,barrier=1  0 2
tmpfs              /tmp               tmpfs mode=1777,nosuid,nodev,size=64M                      0 0
tmpfs              /var/tmp           tmpfs mode=1777,nosuid,nodev,size=16M                      0 0
tmpfs              /var/log           tmpfs mode=0755,nosuid,nodev,noexec,size=16M                0 0
FSTAB
  mkdir -p "$root/boot/firmware" "$root/var/lib/longstop"

  # The kiosk's user now: /etc is read-only at boot, so systemd-sysusers could not add it then.
  systemd-sysusers --root="$root" >/dev/null
  # Console locked: no logins anywhere, root locked, no magic SysRq, no screen blanking.
  sed -i 's/^root:[^:]*:[^:]*:/root:!*:19000:/' "$etc/shadow"
  systemctl --root="$root" mask getty@.service serial-getty@.service console-getty.service \
    container-getty@.service autovt@.service getty-static.service systemd-firstboot.service systemd-random-seed.service \
    apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer e2scrub_reap.service >/dev/null 2>&1 || true
  # nats-server is there for the site (the kiosk starts its own, on its own data directory, when
  # `site.listen` is set: docs/site.md); Debian's own server on 127.0.0.1:4222 never runs.
  systemctl --root="$root" mask nats-server.service >/dev/null
  no_keyboard_reboot "$root"
  mkdir -p "$etc/systemd/logind.conf.d" "$etc/systemd/system.conf.d" "$etc/systemd/journald.conf.d" \
    "$etc/sysctl.d"
  printf '[Login]\nNAutoVTs=0\nReserveVT=0\n' >"$etc/systemd/logind.conf.d/longstop.conf"
  printf 'kernel.sysrq = 0\nkernel.panic = 10\nkernel.panic_on_oops = 1\nkernel.printk = 3 3 3 3\n' \
    >"$etc/sysctl.d/90-longstop.conf"
  # The board's hardware watchdog (bcm2835-wdt on the Pi, i6300esb under qemu): systemd pings it.
  printf '[Manager]\nRuntimeWatchdogSec=15s\nRebootWatchdogSec=2min\n' >"$etc/systemd/system.conf.d/longstop.conf"
  # Journal in RAM only: nothing written to the card, nothing of a patient's left on it.
  printf '[Journal]\nStorage=volatile\nRuntimeMaxUse=32M\n' >"$etc/systemd/journald.conf.d/longstop.conf"
  # No interfaces configured yet (the site network is issue 15's), nothing listening unless a site's
  # kiosk is told to (no SSH is installed at all).
  systemctl --root="$root" enable longstop.service longstop-firstboot.service longstop-backup.timer \
    longstop-retention.timer >/dev/null

  # USB ticket printers: the kiosk's group may use them (docs/appliance.md).
  install -D -m 0644 "$here/udev/70-longstop-printer.rules" "$root/usr/lib/udev/rules.d/70-longstop-printer.rules"

  mkdir -p "$etc/longstop"
  # The kiosk's board-specific settings: image/environment, plus image/environment-ARCH if there is one
  # (amd64: Mesa's softpipe for qemu's bochs-drm, which has no GPU).
  cat "$here/environment" >"$etc/longstop/environment"
  [ ! -f "$here/environment-$arch" ] || cat "$here/environment-$arch" >>"$etc/longstop/environment"
  chmod 0644 "$etc/longstop/environment"
  if [ "$arch" = amd64 ]; then
    # The amd64 image is the test image: the test helpers are installed.
    install -m 0755 "$here/guest/longstop-test-probe" "$root/usr/libexec/longstop/test-probe"
    install -m 0755 "$here/guest/longstop-test-stream" "$root/usr/libexec/longstop/test-stream"
    install -m 0755 "$here/guest/longstop-test-init" "$root/usr/libexec/longstop/test-init"
    install -D -m 0644 "$here/guest/longstop-firstboot-test.conf" \
      "$root/usr/lib/systemd/system/longstop-firstboot.service.d/test.conf"
    install -m 0644 "$here/guest/longstop-test-probe.service" "$here/guest/longstop-test-stream.service" \
      "$root/usr/lib/systemd/system/"
  fi
}

# The boot partition's files: the kernel and initrd (amd64, also copied to OUT for qemu's direct kernel
# boot), or what raspi-firmware put in /boot/firmware (arm64); cmdline and the site setup file.
collect_boot() {
  local arch=$1 root=$2 boot=$3 here=$4 out=$5
  rm -rf "$boot"
  mkdir -p "$boot"
  local cmdline="root=LABEL=lsroot ro rootwait consoleblank=0 vt.global_cursor_default=0 quiet loglevel=3 panic=10"
  if [ "$arch" = amd64 ]; then
    cp "$root"/boot/vmlinuz-* "$boot/vmlinuz"
    cp "$root"/boot/initrd.img-* "$boot/initrd.img"
    cp "$boot/vmlinuz" "$boot/initrd.img" "$out/"
    cp "$here/site-test.txt" "$boot/longstop-site.txt"
  else
    pi_boot_files "$root" "$boot"
    # raspi-firmware's initramfs hook may have filled the tree's /boot/firmware too: the boot
    # partition is made above from the packages' own files, so the tree keeps an empty mount point.
    find "$root/boot/firmware" -mindepth 1 -delete
    cp "$here/site-template.txt" "$boot/longstop-site.txt"
  fi
  echo "$cmdline" >"$boot/cmdline.txt"
  echo "$cmdline" >"$out/cmdline.txt"
}

# The Pi's boot partition from the tree's packages: the GPU firmware (raspi-firmware), the Pi 4 and
# Pi 3 device trees (linux-image-arm64), Debian's kernel and the initramfs made in the second stage,
# and config.txt. Fails if any is missing: a card without them does not boot at all.
pi_boot_files() {
  local root=$1 boot=$2 f
  local kernel initrd dtbs
  kernel=$(ls "$root"/boot/vmlinuz-* 2>/dev/null | head -n 1)
  initrd=$(ls "$root"/boot/initrd.img-* 2>/dev/null | head -n 1)
  dtbs=$(ls -d "$root"/usr/lib/linux-image-*/broadcom 2>/dev/null | head -n 1)
  for f in "$kernel" "$initrd" "$dtbs/bcm2711-rpi-4-b.dtb" "$root/usr/lib/raspi-firmware/start4.elf"; do
    [ -n "$f" ] && [ -f "$f" ] || { echo "image/build: the Pi boot partition lacks ${f:-a kernel or initramfs}" >&2; return 1; }
  done
  cp "$root"/usr/lib/raspi-firmware/*.elf "$root"/usr/lib/raspi-firmware/*.dat \
    "$root"/usr/lib/raspi-firmware/bootcode.bin "$boot/"
  cp "$dtbs"/bcm2711-*.dtb "$dtbs"/bcm2837-rpi-3-*.dtb "$boot/"
  cp "$kernel" "$boot/vmlinuz"
  cp "$initrd" "$boot/initrd.img"
  # Debian's kernel with the mainline device trees (upstream_kernel): vc4 KMS is in the DTB itself,
  # so no overlays are needed (Debian ships none). The UART is for a maintainer's serial console.
  cat >"$boot/config.txt" <<'CONFIG'
# Longstop on a Raspberry Pi 4 (or 3): Debian 12's kernel and initramfs, 64-bit.
arm_64bit=1
upstream_kernel=1
kernel=vmlinuz
initramfs initrd.img followkernel
enable_uart=1
disable_overscan=1
CONFIG
}

# Timestamps and caches that would differ between two builds of the same inputs.
normalise_tree() {
  local root=$1 boot=$2
  rm -rf "$root"/var/log/* "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/tmp/* \
    "$root"/var/cache/ldconfig/aux-cache "$root"/var/lib/dpkg/*-old "$root"/var/cache/debconf/*-old \
    "$root"/etc/*- "$root"/var/lib/systemd/catalog/database
  find "$root" "$boot" -newermt "@$SOURCE_DATE_EPOCH" -print0 | xargs -0r touch -h -d "@$SOURCE_DATE_EPOCH"
}

write_package_list() {
  dpkg-query --admindir="$1/var/lib/dpkg" -W -f '${Package} ${Version} ${Architecture}\n' | sort
}

# sha256, mode, owner and path of every file (and the target of every symlink), sorted by path.
write_manifest() {
  local root=$1
  # --zero: sha256sum would otherwise escape names with a backslash (systemd's \x2d units) and put a
  # backslash before the hash, which left those lines without one.
  (cd "$root" && find . -xdev -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum --zero |
    tr '\0' '\n' | sed 's/^\([0-9a-f]*\)  /\1 /' >"$work/sums"
  cd "$root" && find . -xdev \( -type f -o -type l \) -printf '%p\t%m %U:%G\t%l\n' | LC_ALL=C sort >"$work/meta")
  LC_ALL=C awk -F'\t' 'NR == FNR { sum[substr($0, 66)] = substr($0, 1, 64); next }
    { if ($3 != "") print "link " $2 " " $1 " -> " $3; else print sum[$1] " " $2 " " $1 }' \
    "$work/sums" "$work/meta"
}

# Filesystem images without loop mounts (mke2fs -d, mtools), then one disk image with sfdisk + dd.
# Fixed UUIDs, disk ID and hash seeds so that the same tree gives the same image.
assemble_image() {
  local root=$1 boot=$2 work=$3 img=$4
  local boot_mb=256 root_mb=1536 data_mb=512
  local fixed_uuid_root=4c6f6e67-7374-6f70-2d72-6f6f74000001
  local fixed_uuid_data=4c6f6e67-7374-6f70-2d64-617461000001
  export E2FSPROGS_FAKE_TIME=$SOURCE_DATE_EPOCH
  rm -f "$work"/*.ext4 "$work/boot.vfat" "$img"
  mkfs.vfat -C -n LSBOOT -i 4c5354f1 "$work/boot.vfat" $((boot_mb * 1024)) >/dev/null
  local files=()
  mapfile -t files < <(cd "$boot" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort)
  (cd "$boot" && mcopy -s -p -m -i "$work/boot.vfat" "${files[@]}" ::/)
  mke2fs -q -t ext4 -L lsroot -U "$fixed_uuid_root" -E hash_seed="$fixed_uuid_root",root_owner=0:0 \
    -d "$root" "$work/root.ext4" "${root_mb}M"
  mke2fs -q -t ext4 -L lsdata -U "$fixed_uuid_data" -E hash_seed="$fixed_uuid_data",root_owner=0:0 \
    "$work/data.ext4" "${data_mb}M"
  local total=$((1 + boot_mb + root_mb + data_mb + 1))
  truncate -s "${total}M" "$img"
  sfdisk -q "$img" <<SFDISK
label: dos
label-id: 0x4c53544f
unit: sectors
start=2048, size=$((boot_mb * 2048)), type=c, bootable
size=$((root_mb * 2048)), type=83
size=$((data_mb * 2048)), type=83
SFDISK
  dd if="$work/boot.vfat" of="$img" bs=1M seek=1 conv=notrunc,sparse status=none
  dd if="$work/root.ext4" of="$img" bs=1M seek=$((1 + boot_mb)) conv=notrunc,sparse status=none
  dd if="$work/data.ext4" of="$img" bs=1M seek=$((1 + boot_mb + root_mb)) conv=notrunc,sparse status=none
}
