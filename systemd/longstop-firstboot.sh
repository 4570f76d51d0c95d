#!/bin/sh
# First boot of a Longstop appliance: when the data partition holds no site yet, make one from the setup
# file that the practice edited on the boot partition, and show the recovery code once on the screen.
# Runs as the longstop user (see longstop-firstboot.service); does nothing on later boots.
set -eu

DATA=/var/lib/longstop
SITE_FILE=${LONGSTOP_SITE_FILE:-/boot/firmware/longstop-site.txt}
CTL=${LONGSTOPCTL:-@bindir@/longstopctl}

log() { echo "longstop-firstboot: $*" >&2; }
screen() { printf '%s\n' "$@"; }

if [ -e "$DATA/longstop.db" ]; then
  log "a site already exists in $DATA; nothing to do."
  exit 0
fi

# value KEY: the value of "KEY = value" in the setup file (first match, spaces and CR trimmed).
value() {
  sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$SITE_FILE" | head -n 1 | tr -d '\r' |
    sed 's/[[:space:]]*$//'
}

if [ ! -r "$SITE_FILE" ]; then
  log "no $SITE_FILE: the kiosk waits for a site to be set up."
  screen "" "Longstop: this kiosk has no site yet." "" \
    "Put the SD card in a computer, edit longstop-site.txt on its boot partition" \
    "(the practice's ODS code and name), and start the kiosk again."
  exit 0
fi

ods=$(value ods)
name=$(value name)
seconds=$(value recovery_code_seconds)
case "$seconds" in '' | *[!0-9]*) seconds=600 ;; esac
if [ -z "$ods" ] || [ -z "$name" ]; then
  log "$SITE_FILE needs both ods= and name=; no site made."
  screen "" "Longstop: longstop-site.txt needs both 'ods = ...' and 'name = ...'."
  exit 1
fi

out=$("$CTL" init --data "$DATA" --ods "$ods" --name "$name" --json)
device=$(printf '%s' "$out" | sed -n 's/.*"device_id": *"\([^"]*\)".*/\1/p')
code=$(printf '%s' "$out" | sed -n 's/.*"recovery_code": *"\([^"]*\)".*/\1/p')
# The recovery code goes to the screen only: never to the journal, never to the SD card.
log "made site $ods ($name), device $device."
if [ "$seconds" -gt 0 ]; then
  printf '\033[2J\033[H'
  screen "" "Longstop is set up for $name ($ods), device $device." "" \
    "RECOVERY CODE (write it down now and keep it locked away; it is shown only once):" "" \
    "    $code" "" \
    "It opens the patients' details if every staff card is lost." \
    "The kiosk starts when you press Enter, or in $seconds seconds."
  read -r -t "$seconds" _ || true
  printf '\033[2J\033[H'
fi
