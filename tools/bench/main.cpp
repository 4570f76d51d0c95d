// longstop-bench: Longstop's benchmarks. Prints one JSON object; ratios compare against baselines
// measured in the same run on the same machine and disk.
//   longstop-bench [--dir DIR] [--rounds N] [--only
//   storage|scan|export|ui|print|board|site|site-screens|kdf|import|speech]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "board_bench.h"
#include "export_bench.h"
#include "import_bench.h"
#include "kdf_bench.h"
#include "preview_bench.h"
#include "print_bench.h"
#include "scan_bench.h"
#include "site_bench.h"
#include "site_bench_screens.h"
#include "speech_bench.h"
#include "stats.h"
#include "storage_bench.h"
#include "ui_bench.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  fs::path base = fs::current_path();
  int rounds = 300;
  std::string only;  // empty: every benchmark
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string opt = argv[i];
    if (opt == "--dir")
      base = argv[i + 1];
    else if (opt == "--rounds")
      rounds = std::max(10, std::atoi(argv[i + 1]));
    else if (opt == "--only")
      only = argv[i + 1];
    else {
      std::fprintf(stderr, "longstop-bench: unknown option %s (use --dir DIR, --rounds N, --only NAME)\n",
                   opt.c_str());
      return 2;
    }
  }
  // A scratch directory on the disk being measured (not a tmpfs), removed afterwards.
  std::string tmpl = (base / ".longstop-bench-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    std::fprintf(stderr, "longstop-bench: cannot make a scratch directory in %s\n", base.c_str());
    return 2;
  }
  const fs::path dir = tmpl;
  longstop::bench::Report report;
  const auto wanted = [&](const char* name) { return only.empty() || only == name; };
  const bool ok = !wanted("storage") || longstop::bench::benchStorage(dir, rounds, report);
  const bool scanOk = !wanted("scan") || longstop::bench::benchScan(dir, report);
  if (ok && wanted("export") && !longstop::bench::benchExport(dir / "export", report))
    std::fprintf(stderr, "longstop-bench: the export benchmark failed\n");
  if (ok && wanted("ui") && !longstop::bench::benchUi(dir / "ui", report))
    std::fprintf(stderr, "longstop-bench: the screen benchmark failed\n");
  if (ok && wanted("ui") && !longstop::bench::benchScanPreview(dir / "preview", report))
    std::fprintf(stderr, "longstop-bench: the scan screen's preview benchmark failed\n");
  if (ok && wanted("print") && !longstop::bench::benchPrint(dir / "print", report))
    std::fprintf(stderr, "longstop-bench: the printing benchmark failed\n");
  if (ok && wanted("board") && !longstop::bench::benchBoard(dir / "board", report))
    std::fprintf(stderr, "longstop-bench: the board benchmark failed\n");
  if (ok && wanted("site") && !longstop::bench::benchSite(dir / "site", std::min(rounds, 200), report))
    std::fprintf(stderr, "longstop-bench: the site benchmark failed (is nats-server installed?)\n");
  if (ok && (wanted("site") || only == "site-screens") &&
      !longstop::bench::benchSiteScreens(dir / "site-screens", report))
    std::fprintf(stderr, "longstop-bench: the site's screens benchmark failed (is nats-server installed?)\n");
  if (ok && wanted("import") && !longstop::bench::benchImport(dir / "import", report))
    std::fprintf(stderr, "longstop-bench: the import benchmark failed\n");
  if (ok && wanted("speech") && !longstop::bench::benchSpeech(dir / "speech", report))
    std::fprintf(stderr, "longstop-bench: the speech benchmark failed (is espeak-ng's data installed?)\n");
  if (ok && wanted("kdf") && !longstop::bench::benchKdf(report))
    std::fprintf(stderr, "longstop-bench: the key derivation benchmark could not get its memory\n");
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (!ok) {
    std::fprintf(stderr, "longstop-bench: the storage benchmark failed\n");
    return 1;
  }
  if (!scanOk) std::fprintf(stderr, "longstop-bench: the scanning benchmark could not write its pictures\n");
  report.print();
  return scanOk ? 0 : 1;
}
