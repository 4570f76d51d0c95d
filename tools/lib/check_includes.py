#!/usr/bin/env python3
"""The module boundaries of docs/architecture.md, checked on every build.

Every `src/` folder is a module; a file may include the headers of its own module and of the modules
listed for it below, and nothing else of the project's. `ui` may see only the service *interfaces*
(the abstract `*_services.h` headers), never the store, the real desks or the site.

usage: check_includes.py SOURCE_ROOT [STAMP]
Prints one line per forbidden include ("src/ui/x.cpp:12: ui may not include store/database.h: ...")
and exits 1; with none, writes STAMP (for the build) and exits 0.
"""
import pathlib
import re
import sys

# Which modules each module may include, besides itself. Mirrors docs/architecture.md.
ALLOWED = {
    "src/core": set(),
    "src/crypto": set(),
    "src/qr": {"core"},
    "src/text": {"core"},
    "src/speech": {"core"},
    "src/store": {"core"},
    "src/print": {"core", "qr", "text"},
    "src/scan": {"core", "qr"},
    "src/exporter": {"core", "crypto", "qr"},
    "src/service": {"core", "crypto", "store", "exporter"},
    "src/replica": {"core", "crypto", "store"},
    "src/ui": {"core", "qr", "service", "text"},
    "src/app": {"core", "scan", "service", "replica", "ui", "print", "speech"},
    "tools/longstopctl": {"core", "crypto", "qr", "store", "scan", "exporter", "service", "replica", "print"},
    "tools/longstop-batch": {"core", "crypto", "qr", "scan", "exporter"},
    "tools/bench": {"core", "crypto", "qr", "store", "scan", "exporter", "service", "replica", "ui", "app", "print", "text", "speech"},
}
# What of `service` the UI may see: the interfaces its screens are written against.
UI_SERVICE_HEADERS = re.compile(r"^service/[a-z_]+_services\.h$")
MODULES = {"core", "crypto", "qr", "text", "speech", "store", "scan", "exporter", "service", "replica", "ui", "app", "print"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/([^"]+)"')


def own_module(folder: str) -> str:
    return folder.split("/")[-1]


def problems(root: pathlib.Path):
    for folder, allowed in ALLOWED.items():
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix not in (".h", ".cpp"):
                continue
            rel = path.relative_to(root)
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                match = INCLUDE.match(line)
                if not match or match.group(1) not in MODULES:
                    continue
                module, header = match.group(1), f"{match.group(1)}/{match.group(2)}"
                if module == own_module(folder) and folder.startswith("src/"):
                    continue
                if module not in allowed:
                    yield f"{rel}:{number}: {own_module(folder)} may not include {header}: " \
                          f"it may use {', '.join(sorted(allowed)) or 'no other module'} (docs/architecture.md)"
                elif folder == "src/ui" and module == "service" and not UI_SERVICE_HEADERS.match(header):
                    yield f"{rel}:{number}: ui may not include {header}: the screens see only the service " \
                          f"interfaces (service/*_services.h), wired to the real ones in app"


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: check_includes.py SOURCE_ROOT [STAMP]", file=sys.stderr)
        return 2
    found = list(problems(pathlib.Path(argv[1])))
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} include(s) cross a module boundary")
        return 1
    if len(argv) == 3:
        pathlib.Path(argv[2]).write_text("module boundaries kept\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
