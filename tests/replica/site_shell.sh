# shellcheck shell=bash
# Sourced by the site's shell tests: the shared checks, plus what every one of them needs.
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../support/shell_checks.sh"

# A loopback port nothing listens on now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# meta DATA_DIR KEY: the value of KEY in that device's meta table.
meta() { sqlite3 "$1/longstop.db" "SELECT value FROM meta WHERE key = '$2'"; }
# listening PORT: true when something accepts connections on the loopback PORT.
listening() { python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$1)))"; }

# site_scratch: $tmp, a scratch directory, and $pids, the processes a test starts (it appends to it);
# when the script exits every one is stopped and the directory removed.
site_scratch() {
  tmp=$(mktemp -d)
  pids=()
  trap site_cleanup EXIT
}
site_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
