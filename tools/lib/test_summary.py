"""Counts test results from meson's testlog.json files and prints "N passed, N failed, N skipped".

A Catch2 program counts as its number of test cases (read from its closing line), a shell test as
the "N passed, N failed[, N skipped]" it prints; any other test (a scripted UI run, a fuzz run) counts
as one. A test meson reports as skipped (exit 77) counts as skipped, never as passed. Exit status 1
when anything failed."""
import json
import re
import sys

ALL_PASSED = re.compile(r"All tests passed \(\d+ assertions? in (\d+) test cases?\)")
MIXED = re.compile(r"test cases:\s+(\d+) \|\s+(\d+) passed \|\s+(\d+) failed")
PLAIN = re.compile(r"^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$", re.MULTILINE)


def count(entry):
    """Returns (passed, failed, skipped) for one test's log entry."""
    out = entry.get("stdout", "") or ""
    result = entry.get("result")
    if result == "SKIP":
        return 0, 0, 1
    ok = result in ("OK", "EXPECTEDFAIL")
    m = ALL_PASSED.search(out)
    if m and ok:
        return int(m.group(1)), 0, 0
    m = MIXED.search(out)
    if m:
        failed = int(m.group(3))
        return int(m.group(2)), failed if failed or ok else 1, 0
    m = PLAIN.search(out)
    if m:
        failed = int(m.group(2))
        return int(m.group(1)), failed if failed or ok else 1, int(m.group(3) or 0)
    return (1, 0, 0) if ok else (0, 1, 0)


def main(paths):
    passed = failed = skipped = 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        p, fl, sk = count(json.loads(line))
                        passed += p
                        failed += fl
                        skipped += sk
        except OSError as e:
            print(f"could not read {path}: {e}", file=sys.stderr)
            failed += 1
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
