// StaffDesk's re-entry batches: the export screen's questions answered over service/export.h, with the
// signed-in member of staff's keys (a batch needs the records key to open the details it seals).

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
  auto last = store::lastBatch(site.db());
  if (!last.ok()) return last.error();
  if (last.value()) st.lastSeq = last.value()->seq;
  return st;
}

core::Result<MadeBatch> StaffDesk::makeBatch(const WorkProgress& progress) {
  if (auto s = needSession(); !s.ok()) return s.error();
  auto b = exportBatch(kiosk_.siteData(), session_->secrets(), session_->who().id, progress);
  if (!b.ok()) return b.error();
  return MadeBatch{b->seq, b->fileName, b->records, b->bytes};
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

core::Result<std::filesystem::path> StaffDesk::copyBatch(int64_t seq, const std::filesystem::path& folder,
                                                         const WorkProgress& progress) {
  if (auto s = needSession(); !s.ok()) return s.error();
  return copyBatchTo(kiosk_.siteData(), seq, folder, progress);
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
