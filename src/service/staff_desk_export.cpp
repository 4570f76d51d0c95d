// StaffDesk's re-entry batches: the export screen's questions answered over service/export.h, with the
// signed-in member of staff's keys (a batch needs the records key to open the details it seals).
// Making and copying run on the ExportWorker's thread over a Site of their own.

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

#include "core/date.h"
#include "exporter/destination.h"
#include "service/export.h"
#include "service/retention.h"
#include "service/staff_desk.h"
#include "store/batches.h"

namespace longstop::service {

core::Result<ExportStatus> StaffDesk::exportStatus() {
  if (auto s = needSession(); !s.ok()) return s.error();
  Site& site = kiosk_.siteData();
  ExportStatus st;
  auto ids = store::unexportedRecordIds(site.db());
  if (!ids.ok()) return ids.error();
  st.unexported = static_cast<int64_t>(ids->size());
  auto key = currentRecipient(site);
  if (!key.ok()) return key.error();
  if (key.value()) st.recipientKeyId = key.value()->keyId();
  auto set = site.db().prepare(
      "SELECT e.at_ms, s.name, e.staff_id FROM events e LEFT JOIN staff s ON s.id = e.staff_id "
      "WHERE e.kind = 'recipient-set' ORDER BY e.seq DESC LIMIT 1");
  if (!set.ok()) return set.error();
  if (auto row = set->step(); row.ok() && row.value()) {
    const core::Instant at{set->columnInt(0), site.clock().now().utcOffsetMinutes};
    std::string when = core::formatLocalDateTime(at.localMinutes());
    std::replace(when.begin(), when.end(), 'T', ' ');
    const std::string staffId = set->columnText(2);
    const std::string who = !set->columnIsNull(1) ? set->columnText(1)
                            : staffId.empty()     ? std::string("with the recovery code")
                                                  : "staff " + staffId;
    st.recipientSetBy = who + ", " + when;
  }
  auto last = store::lastBatch(site.db());
  if (!last.ok()) return last.error();
  if (last.value()) st.lastSeq = last.value()->seq;
  return st;
}

namespace {

// The worker's own clock: the kiosk's time when the button was pressed, moving on with real time. The
// kiosk's clock object is not shared between threads (in scripted tests it is a manual one).
class RunningFrom final : public core::Clock {
 public:
  explicit RunningFrom(core::Instant at) : at_(at), start_(std::chrono::steady_clock::now()) {}
  core::Instant now() const override {
    core::Instant i = at_;
    i.unixMs +=
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start_)
            .count();
    return i;
  }

 private:
  core::Instant at_;
  std::chrono::steady_clock::time_point start_;
};

// Runs `body` on a Site of its own over the same data directory (its own database connection) and its
// own clock.
template <typename Body>
ExportWorkResult onOwnSite(const std::filesystem::path& dataDir, core::Instant at, const Body& body) {
  const RunningFrom clock(at);
  auto site = Site::open(dataDir, clock);
  if (!site.ok()) return {site.error(), {}, {}};
  return body(*site.value());
}

std::filesystem::path dataDirOf(Site& site) {
  return site.db().path().parent_path();
}

}  // namespace

WorkGate& StaffDesk::TEST_stepWork(int64_t paceMs) {
  workGate_ = std::make_unique<WorkGate>(paceMs);
  return *workGate_;
}

core::Status StaffDesk::startWork(ExportWorker::Job job) {
  if (WorkGate* gate = workGate_.get())
    job = [inner = std::move(job), gate](const exporter::Progress& progress) {
      return inner([&](int64_t done, int64_t total, std::string_view stage) {
        progress(done, total, stage);
        gate->park();
      });
    };
  if (const int64_t pace = workPaceMs_; pace > 0)
    job = [inner = std::move(job), pace](const exporter::Progress& progress) {
      return inner([&](int64_t done, int64_t total, std::string_view stage) {
        progress(done, total, stage);
        std::this_thread::sleep_for(std::chrono::milliseconds(pace));
      });
    };
  if (!worker_.start(std::move(job)))
    return core::conflict("The last export is still running. Please wait for it to finish.");
  return core::okStatus();
}

core::Status StaffDesk::startMakeBatch() {
  if (auto s = needSession(); !s.ok()) return s;
  Site& site = kiosk_.siteData();
  // The job's own copy of the keys (locked memory), wiped when it ends: signing out meanwhile wipes the
  // session's copy but lets the batch be finished, so nothing is left half-made.
  auto secrets = std::make_shared<SiteSecrets>(session_->secrets().copy());
  return startWork([dir = dataDirOf(site), at = site.clock().now(), secrets,
                    staffId = session_->who().id](const exporter::Progress& progress) {
    return onOwnSite(dir, at, [&](Site& own) -> ExportWorkResult {
      auto b = exportBatch(own, *secrets, staffId, progress);
      if (!b.ok()) return {b.error(), {}, {}};
      return {std::nullopt, MadeBatch{b->seq, b->fileName, b->records, b->bytes}, {}};
    });
  });
}

core::Status StaffDesk::startCopyBatch(int64_t seq, const std::filesystem::path& folder) {
  if (auto s = needSession(); !s.ok()) return s;
  Site& site = kiosk_.siteData();
  return startWork(
      [dir = dataDirOf(site), at = site.clock().now(), seq, folder](const exporter::Progress& progress) {
        return onOwnSite(dir, at, [&](Site& own) -> ExportWorkResult {
          auto path = copyBatchTo(own, seq, folder, progress);
          if (!path.ok()) return {path.error(), {}, {}};
          return {std::nullopt, std::nullopt, path.value()};
        });
      });
}

std::optional<WorkProgressView> StaffDesk::exportProgress() {
  return worker_.progress();
}

std::optional<ExportWorkResult> StaffDesk::takeExportResult() {
  return worker_.take();
}

std::vector<std::filesystem::path> StaffDesk::removableMedia() {
  std::vector<std::filesystem::path> out;
  if (!testMediaFolder_.empty()) {
    std::error_code ec;
    if (std::filesystem::is_directory(testMediaFolder_, ec)) out.push_back(testMediaFolder_);
    return out;
  }
  for (const auto& m : exporter::findRemovableMedia())
    if (m.writable) out.push_back(m.mountPoint);
  return out;
}

core::Result<std::vector<std::string>> StaffDesk::batchFrames(int64_t seq) {
  if (auto s = needSession(); !s.ok()) return s.error();
  return batchQrFrames(kiosk_.siteData(), seq);
}

core::Result<BatchReceipt> StaffDesk::acknowledgeBatch(std::string_view text) {
  if (auto s = needSession(); !s.ok()) return s.error();
  Site& site = kiosk_.siteData();
  auto r = service::acknowledgeBatch(site, text, session_->who().id);
  if (!r.ok()) return r.error();
  return BatchReceipt{r->seq, r->alreadyAcknowledged, retentionDays(site)};
}

}  // namespace longstop::service
