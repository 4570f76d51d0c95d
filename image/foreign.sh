# shellcheck shell=bash
# The arm64 root on an amd64 machine without qemu-user or binfmt_misc, sourced by image/lib.sh.
# mmdebstrap only unpacks the packages (--variant=extract); the second stage (dpkg installing them,
# which runs their maintainer scripts and makes the initramfs) runs inside qemu-system-aarch64, booted
# from the tree's own kernel with a small initramfs made here (busybox-static:arm64 and the virtio/9p
# modules, unpacked with dpkg-deb -x). The tree is shared with the guest over virtio-9p
# (security_model=passthrough: the host is root, so owners and modes land in the tree as dpkg sets
# them). Nothing of arm64 runs on this machine.

# Modules the helper guest loads, in order (dependencies first): virtio PCI and the 9p root.
foreign_modules=(virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci netfs fscache 9pnet 9pnet_virtio 9p)

# foreign_initramfs ROOT KVER CACHE OUT: the helper guest's initramfs (a gzip'd newc cpio) at OUT.
foreign_initramfs() {
  local root=$1 kver=$2 cache=$3 out=$4
  local ir=$cache/initramfs m f
  rm -rf "$ir"
  mkdir -p "$ir"/{bin,dev,proc,sys,newroot,modules} "$cache/debs"
  if ! ls "$cache"/debs/busybox-static_*_arm64.deb >/dev/null 2>&1; then
    (cd "$cache/debs" && apt-get download -q busybox-static:arm64 >/dev/null 2>&1) ||
      { echo "image/build: could not download busybox-static:arm64" >&2; return 1; }
  fi
  dpkg-deb -x "$(ls "$cache"/debs/busybox-static_*_arm64.deb | head -n 1)" "$cache/busybox"
  cp "$cache/busybox/bin/busybox" "$ir/bin/busybox"
  for m in "${foreign_modules[@]}"; do
    f=$(find "$root/lib/modules/$kver" -name "$m.ko*" | head -n 1)
    [ -n "$f" ] || { echo "image/build: module $m not in the arm64 kernel $kver" >&2; return 1; }
    cp "$f" "$ir/modules/"
    basename "$f" >>"$ir/modules/order"
  done
  cat >"$ir/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for m in $(cat /modules/order); do insmod "/modules/$m" || echo "LONGSTOP-STAGE2 insmod $m failed"; done
if mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,cache=mmap root /newroot; then
  mount -t proc proc /newroot/proc
  mount -t sysfs sys /newroot/sys
  mount -t devtmpfs dev /newroot/dev
  chroot /newroot /bin/sh /longstop-stage2
  echo "LONGSTOP-STAGE2 exit $?"
  umount /newroot/dev /newroot/sys /newroot/proc
  sync
  umount /newroot
else
  echo "LONGSTOP-STAGE2 exit 99 (no 9p root)"
fi
poweroff -f
INIT
  chmod 0755 "$ir/init"
  (cd "$ir" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) >"$out"
}

# The script the guest runs inside the tree: essential packages first (their files are already
# unpacked, as mmdebstrap's own essential step does it), then the rest, then anything left unconfigured.
foreign_stage2_script() {
  cat <<'STAGE2'
#!/bin/sh
export PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true
set -e
cd /var/cache/apt/archives
echo "LONGSTOP-STAGE2 essential: $(wc -l </longstop-stage2.essential) packages"
# shellcheck disable=SC2046
dpkg --install --force-depends $(cat /longstop-stage2.essential)
# The initramfs is made once, at the end, with its working copy in memory: configuring the packages
# would make it twice (the kernel's hook, then initramfs-tools' trigger), each time copying thousands of
# modules over the 9p share, which under emulation took most of an hour for one of them.
dpkg-divert --local --rename --divert /usr/sbin/update-initramfs.held --add /usr/sbin/update-initramfs
printf '#!/bin/sh\nexit 0\n' >/usr/sbin/update-initramfs
chmod 0755 /usr/sbin/update-initramfs
echo "LONGSTOP-STAGE2 the rest: $(wc -l </longstop-stage2.rest) packages"
# shellcheck disable=SC2046
dpkg --install --force-depends $(cat /longstop-stage2.rest)
dpkg --configure -a
echo "LONGSTOP-STAGE2 configured: $(dpkg-query -W -f '${db:Status-Abbrev}\n' | grep -c '^ii') packages"
rm -f /usr/sbin/update-initramfs
dpkg-divert --local --rename --remove /usr/sbin/update-initramfs
mount -t tmpfs -o size=1536m tmpfs /var/tmp
echo "LONGSTOP-STAGE2 initramfs"
update-initramfs -c -k all
umount /var/tmp
echo "LONGSTOP-STAGE2 initramfs made: $(ls /boot/initrd.img-* | wc -l)"
STAGE2
}

# foreign_second_stage ROOT CACHE: runs the second stage in qemu-system-aarch64; 0 when it finished.
foreign_second_stage() {
  local root=$1 cache=$2
  local kver deb
  kver=$(basename "$(ls -d "$root"/lib/modules/* | head -n 1)")
  : >"$root/longstop-stage2.essential"
  : >"$root/longstop-stage2.rest"
  for deb in "$root"/var/cache/apt/archives/*.deb; do
    if [ "$(dpkg-deb -f "$deb" Essential)" = yes ]; then
      basename "$deb" >>"$root/longstop-stage2.essential"
    else
      basename "$deb" >>"$root/longstop-stage2.rest"
    fi
  done
  foreign_stage2_script >"$root/longstop-stage2"
  foreign_initramfs "$root" "$kver" "$cache" "$cache/stage2-initramfs.gz"
  local log=$cache/stage2.serial
  echo "   second stage in qemu-system-aarch64 (kernel $kver); serial console: $log"
  # Under emulation on two busy cores the second stage took over an hour (2026-12-04: the initramfs
  # alone was still being made when an hour ran out), so it gets three unless told otherwise.
  timeout "${LONGSTOP_STAGE2_TIMEOUT_S:-10800}" qemu-system-aarch64 -M virt -cpu cortex-a57 -smp 2 -m 2048 -nographic -no-reboot \
    -kernel "$root/boot/vmlinuz-$kver" -initrd "$cache/stage2-initramfs.gz" \
    -append "console=ttyAMA0 panic=-1 quiet" -nic none \
    -virtfs local,path="$root",mount_tag=root,security_model=passthrough,id=root \
    >"$log" 2>&1 </dev/null &
  local pid=$! t0=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    sleep 30
    echo "   ... $((SECONDS - t0))s: $(grep -a -c '^Setting up' "$log") packages set up; $(tail -n 1 "$log" | tr -d '\r' | cut -c1-100)"
  done
  wait "$pid" || true
  rm -f "$root/longstop-stage2" "$root/longstop-stage2.essential" "$root/longstop-stage2.rest"
  grep -a -q '^LONGSTOP-STAGE2 exit 0' "$log" ||
    { echo "image/build: the arm64 second stage failed; see $log" >&2; return 1; }
}
