# shellcheck shell=bash
# image/test --arch arm64, sourced by image/test: the Pi image booted under qemu-system-aarch64 -M virt.
# Debian 12's qemu has no Raspberry Pi 4 machine (raspi4b arrived in qemu 9), so the Pi's firmware path
# (start4.elf reading config.txt) cannot run here. What runs is everything after it: the image's own
# kernel and initramfs (taken from its boot partition), its root and data partitions, its units and
# Longstop as cross-built for the Pi, on virtio devices in place of the Pi's.
#
# The Pi image is a product image, so the test helpers (which print the recovery code on the serial
# console) are not in it. This file puts them into the test's own copy of the disk, without a loop
# mount: the root partition is cut out, written with debugfs, and put back. It also makes the copy's
# serial names the virt machine's (ttyAMA0 for the console, hvc0 for the host's "go on" line), puts the
# test site file on its boot partition, and has Mesa draw in software (the virt machine has no GPU).

arm64_boot_mb=256
arm64_root_mb=1536

# arm64_prepare DISK WORK HERE: the copy DISK made testable; its kernel and initramfs into WORK.
arm64_prepare() {
  local disk=$1 work=$2 here=$3 f
  local boot_at=$((1024 * 1024))
  for f in vmlinuz initrd.img; do
    mcopy -n -i "$disk@@$boot_at" "::$f" "$work/$f" ||
      { echo "image/test: the boot partition has no $f" >&2; return 1; }
  done
  mcopy -o -i "$disk@@$boot_at" "$here/site-test.txt" ::longstop-site.txt
  local helpers=$work/helpers
  rm -rf "$helpers"
  mkdir -p "$helpers"
  for f in longstop-test-probe longstop-test-stream longstop-test-init longstop-test-probe.service \
    longstop-test-stream.service longstop-firstboot-test.conf; do
    sed -e 's|/dev/ttyS0|/dev/ttyAMA0|g' -e 's|/dev/ttyS1|/dev/hvc0|g' "$here/guest/$f" >"$helpers/$f"
  done
  chmod 0755 "$helpers"/longstop-test-{probe,stream,init}
  chmod 0644 "$helpers"/*.service "$helpers/longstop-firstboot-test.conf"
  { cat "$here/environment" "$here/environment-amd64"; } >"$helpers/environment"
  chmod 0644 "$helpers/environment"
  arm64_root_edit "$disk" "$work" <<DEBUGFS
cd /usr/libexec/longstop
write $helpers/longstop-test-probe test-probe
write $helpers/longstop-test-stream test-stream
write $helpers/longstop-test-init test-init
cd /usr/lib/systemd/system
write $helpers/longstop-test-probe.service longstop-test-probe.service
write $helpers/longstop-test-stream.service longstop-test-stream.service
mkdir longstop-firstboot.service.d
cd longstop-firstboot.service.d
write $helpers/longstop-firstboot-test.conf test.conf
cd /etc/longstop
rm environment
write $helpers/environment environment
DEBUGFS
  for f in /usr/libexec/longstop/test-probe /usr/lib/systemd/system/longstop-test-probe.service \
    /usr/lib/systemd/system/longstop-firstboot.service.d/test.conf /etc/longstop/environment; do
    arm64_root_has "$disk" "$f" ||
      { echo "image/test: could not put $f into the test copy (see $work/debugfs.log)" >&2; return 1; }
  done
}

# arm64_root_edit DISK WORK < COMMANDS: runs debugfs's COMMANDS (write, mkdir, cd ...) on DISK's root
# partition: cut out into WORK, written, and put back. debugfs writes into the current directory; the
# host files' modes and owners (root) are kept.
arm64_root_edit() {
  local disk=$1 work=$2
  dd if="$disk" of="$work/root.ext4" bs=1M skip=$((1 + arm64_boot_mb)) count=$arm64_root_mb status=none
  debugfs -w -f - "$work/root.ext4" >>"$work/debugfs.log" 2>&1
  dd if="$work/root.ext4" of="$disk" bs=1M seek=$((1 + arm64_boot_mb)) conv=notrunc status=none
  rm -f "$work/root.ext4"
}

# arm64_root_has DISK PATH: true if DISK's root partition has the regular file PATH (read in place).
arm64_root_has() {
  debugfs -R "stat $2" "$1?offset=$(((1 + arm64_boot_mb) * 1024 * 1024))" 2>/dev/null | grep -q 'Type: regular'
}

# arm64_qemu NAME EXTRA_CMDLINE CMDLINE_FILE WORK: the virt machine (as boot() runs it, in the background;
# exec, so that the PID boot() keeps is qemu's own and its SIGKILL reaches qemu).
# The display is virtio-gpu at the Pi screen's 1280x800; the host's "go on" line reaches the guest's
# hvc0 over a virtio console on the socket WORK/NAME.ctl.
arm64_qemu() {
  local name=$1 extra=$2 cmdline=$3 work=$4
  exec qemu-system-aarch64 -M virt -cpu cortex-a57 -smp 2 -m 1024 -no-reboot -nic none \
    -kernel "$work/vmlinuz" -initrd "$work/initrd.img" \
    -append "$(cat "$cmdline") console=tty1 console=ttyAMA0 $extra" \
    -drive file="$work/disk.img",format=raw,if=none,id=disk -device virtio-blk-pci,drive=disk \
    -device virtio-gpu-pci,xres=1280,yres=800 -display none \
    -monitor unix:"$work/$name.mon",server,nowait -serial file:"$work/$name.serial" \
    -device virtio-serial-pci -chardev socket,id=ctl,path="$work/$name.ctl",server=on,wait=off \
    -device virtconsole,chardev=ctl
}
