#include "export_bench.h"

#include <chrono>
#include <cstdio>

#include "core/clock.h"
#include "crypto/primitives.h"
#include "exporter/batch_file.h"
#include "exporter/org_keys.h"
#include "exporter/payload.h"
#include "exporter/qr_stream.h"
#include "service/checkin.h"
#include "service/export.h"
#include "service/site.h"
#include "service/staff.h"

namespace longstop::bench {
namespace {

constexpr int kCheckins = 10'000;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// 10,000 walk-ins with made-up details, written quickly (no fsync per check-in: this is setup).
bool fillSite(service::Site& site, core::ManualClock& clock) {
  if (!site.db().exec("PRAGMA synchronous=OFF").ok()) return false;
  for (int i = 0; i < kCheckins; ++i) {
    service::NewCheckin c;
    c.queueId = "walkin";
    core::PatientDetails p;
    p.surname = "Surname" + std::to_string(i);
    p.forenames = "Forename Middle";
    p.dateOfBirth = {1940 + i % 70, 1 + i % 12, 1 + i % 28};
    p.sex = i % 2 ? core::Sex::kFemale : core::Sex::kMale;
    p.postcode = "LS1 4AP";
    c.walkIn = p;
    c.urgent = i % 50 == 0;
    if (!service::commitCheckin(site, c).ok()) return false;
    clock.advanceMs(2'000);
  }
  return site.db().exec("PRAGMA synchronous=FULL").ok();
}

}  // namespace

bool benchExport(const std::filesystem::path& dir, Report& report) {
  core::ManualClock clock(core::Instant{1'796'000'000'000, 0});
  auto init = service::Site::create(dir / "site", {"B82005", "Bench Surgery", {}}, clock);
  if (!init.ok()) return false;
  auto site = service::Site::open(dir / "site", clock);
  if (!site.ok() || !fillSite(**site, clock)) return false;
  const exporter::OrgKeyPair org = exporter::makeOrgKeyPair();
  auto admin = service::recoverySession(**site, init->recoveryCode);
  if (!admin.ok() || !service::setRecipient(**site, *admin.value(), org.pub.text()).ok()) return false;
  const service::SiteSecrets* secrets = &admin.value()->secrets();

  // What the export worker pays before it starts: its own Site on the same 10,000-check-in database
  // (open, quick_check, settings), against the export itself below.
  auto start = std::chrono::steady_clock::now();
  auto own = service::Site::open(dir / "site", clock);
  const double openS = secondsSince(start);
  if (!own.ok()) return false;
  own.value().reset();

  start = std::chrono::steady_clock::now();
  auto batch = service::exportBatch(**site, *secrets);
  const double exportS = secondsSince(start);
  if (!batch.ok()) {
    std::fprintf(stderr, "longstop-bench: export failed: %s\n", batch.error().message.c_str());
    return false;
  }
  auto bytes = service::batchFileBytes(**site, batch->seq);
  if (!bytes.ok()) return false;

  start = std::chrono::steady_clock::now();
  auto verified = exporter::readBatchFile(*bytes);
  auto payload =
      verified.ok() ? exporter::openBatch(*verified, org) : core::Result<exporter::Payload>(verified.error());
  const double verifyS = secondsSince(start);
  if (!payload.ok()) return false;

  // Baseline: one sealed box over as many bytes as the batch's payload, nothing else.
  const std::string same(verified->sealedPayload.size() - 48, 'x');
  start = std::chrono::steady_clock::now();
  const std::string sealed = crypto::seal(org.pub.box, same);
  const double sealS = secondsSince(start);

  report.add("export_10k_s", exportS);
  report.add("export_worker_open_10k_ms", openS * 1000);
  report.add("export_worker_open_vs_export", exportS > 0 ? openS / exportS : 0);
  report.add("verify_decrypt_10k_s", verifyS);
  report.add("qr_stream_frames_10k", static_cast<double>(exporter::qrStreamFrames(*bytes).size()));
  report.add("batch_bytes_10k", static_cast<double>(bytes->size()));
  report.add("bundle_bytes_10k", static_cast<double>(payload->bundleJson.size()));
  report.add("seal_same_bytes_s", sealS);
  report.add("export_vs_seal_ratio", sealS > 0 ? exportS / sealS : 0);
  return sealed.size() == same.size() + 48;
}

}  // namespace longstop::bench
