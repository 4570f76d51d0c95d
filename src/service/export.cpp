#include "service/export.h"
#include "service/site_check.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/patient.h"
#include "crypto/primitives.h"
#include "exporter/ack.h"
#include "exporter/batch_file.h"
#include "exporter/csv_export.h"
#include "exporter/fhir.h"
#include "exporter/qr_stream.h"
#include "exporter/records.h"
#include "service/admin_log.h"
#include "service/admin_sign.h"
#include "service/high_water.h"
#include "service/open_details.h"
#include "store/checkins.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace fs = std::filesystem;
namespace {

constexpr const char* kNoRecipient =
    "No recipient key is set, so there is nobody to seal the batch to. Ask the receiving organisation for "
    "its public key (made with `longstop-batch keygen`) and set it with `longstopctl recipient set --data "
    "DIR "
    "FILE.pub`, or scan its QR code on the admin screen.";

std::string hex(std::string_view raw) {
  return crypto::toHex(raw);
}

core::Result<std::optional<exporter::OrgPublicKey>> recipientById(Site& site, const std::string& keyId) {
  auto text = store::getMeta(site.db(), "recipient:" + keyId);
  if (!text.ok()) return text.error();
  if (!text.value()) return std::optional<exporter::OrgPublicKey>();
  auto key = exporter::parseOrgPublicKey(*text.value());
  if (!key.ok()) return core::corrupt("The stored recipient key " + keyId + " is damaged.");
  return std::optional<exporter::OrgPublicKey>(key.value());
}

std::string queueName(const SiteInfo& info, const std::string& id) {
  for (const auto& q : info.queues)
    if (q.id == id) return q.name;
  return id;
}

// One check-in as the exporter wants it, its details not yet opened.
exporter::BatchRecord recordOf(const SiteInfo& info, const store::UnexportedCheckin& row,
                               std::vector<std::pair<std::string, int64_t>> history) {
  const store::CheckinRow& c = row.checkin;
  exporter::BatchRecord r;
  r.recordId = c.recordId;
  r.ticket = c.ticket;
  r.queueId = c.queueId;
  r.queueName = queueName(info, c.queueId);
  r.urgent = c.priority == core::Priority::kUrgent;
  r.state = std::string(core::toString(c.state));
  r.arrivedMs = c.arrivedMs;
  r.stateMs = c.stateMs;
  r.calledMs = c.calledMs;
  r.clockConfirmed = c.clockConfirmed;
  for (auto& [kind, at] : history)
    if (kind != "checkin") r.history.push_back({std::move(kind), at});
  if (row.appointment) {
    const store::MatchedAppointment& a = *row.appointment;
    r.appointment = exporter::AppointmentInfo{a.id, a.startLocal, a.clinician, a.service};
  }
  return r;
}

// The details of a check-in: its own, or else its appointment's (a matched patient typed nothing).
const std::string* sealedDetails(const store::UnexportedCheckin& row) {
  if (row.checkin.sealed) return &*row.checkin.sealed;
  if (row.appointment && row.appointment->sealed) return &*row.appointment->sealed;
  return nullptr;
}

// Records are opened this many at a time, each group on several cores, and progress is told per record.
constexpr size_t kOpenedAtOnce = 256;

// Every unexported check-in; those whose sealed details would not open go into `damaged` instead.
core::Result<std::vector<exporter::BatchRecord>> gatherRecords(Site& site, const SiteSecrets& secrets,
                                                               const exporter::Progress& progress,
                                                               std::vector<std::string>* damaged) {
  auto rows = store::unexportedCheckins(site.db());
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return core::notFound("Nothing to export: every check-in is already in a batch.");
  auto history = store::unexportedHistory(site.db());
  if (!history.ok()) return history.error();
  std::vector<exporter::BatchRecord> records;
  records.reserve(rows->size());
  const auto total = static_cast<int64_t>(rows->size());
  int64_t done = 0;
  for (size_t from = 0; from < rows->size(); from += kOpenedAtOnce) {
    const size_t to = std::min(rows->size(), from + kOpenedAtOnce);
    std::vector<DetailsToOpen> opening;
    for (size_t i = from; i < to; ++i) opening.push_back({sealedDetails((*rows)[i]), {}, false});
    openDetails(site, secrets, opening);
    for (size_t i = from; i < to; ++i) {
      const store::UnexportedCheckin& row = (*rows)[i];
      DetailsToOpen& opened = opening[i - from];
      if (opened.damaged) {
        damaged->push_back(row.checkin.recordId);
      } else {
        records.push_back(recordOf(site.info(), row, std::move((*history)[row.checkin.recordId])));
        records.back().patient = std::move(opened.details);
      }
      if (progress) progress(++done, total, "Opening records");
    }
  }
  if (records.empty())
    return core::corrupt("None of the " + std::to_string(total) +
                         " check-ins to export could be opened (their sealed "
                         "details are damaged); no batch was made. Call the practice's IT support.");
  return records;
}

// The newest event's sequence number (0 when there is none).
core::Result<int64_t> lastEventSeq(Site& site) {
  auto st = site.db().prepare("SELECT coalesce(max(seq), 0) FROM events");
  if (!st.ok()) return st.error();
  auto row = st->step();
  if (!row.ok()) return row.error();
  return st->columnInt(0);
}

// A ticket among `records` that something happened to after event `sinceSeq` (a call, an edit, a
// merge...), or empty. Such a record may have been gathered before the change: the batch would carry
// it stale and mark it exported, so the change would never reach re-entry.
core::Result<std::string> changedSince(Site& site, int64_t sinceSeq,
                                       const std::vector<exporter::BatchRecord>& records) {
  auto st = site.db().prepare("SELECT DISTINCT record_id FROM events WHERE seq > ? AND record_id <> ''");
  if (!st.ok()) return st.error();
  st->bind(1, sinceSeq);
  std::set<std::string> touched;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    touched.insert(st->columnText(0));
  }
  for (const auto& r : records)
    if (touched.count(r.recordId)) return r.ticket;
  return std::string();
}

constexpr std::string_view kBatchCounter = "batch";

core::Status recordBatch(Site& site, const store::BatchRow& row,
                         const std::vector<exporter::BatchRecord>& records, std::string_view staffId,
                         int64_t gatheredAfterSeq) {
  return site.db().transaction([&]() -> core::Status {
    auto changed = changedSince(site, gatheredAfterSeq, records);
    if (!changed.ok()) return changed.error();
    if (!changed->empty())
      return core::conflict("Ticket " + *changed +
                            " changed while the batch was being made, so nothing was "
                            "exported. Press Make batch again.");
    if (auto s = store::insertBatch(site.db(), row); !s.ok()) return s;
    if (auto s = store::raiseCounter(site.db(), kBatchCounter, row.seq); !s.ok()) return s;
    for (const auto& r : records)
      if (auto s = store::assignToBatch(site.db(), r.recordId, row.seq); !s.ok()) return s;
    store::JsonObject data;
    data.add("seq", row.seq).add("file", row.fileName).add("records", row.recordCount);
    data.add("batch_sha256", hex(row.batchHash)).add("recipient_key_id", row.recipientKeyId);
    auto e = site.appendEvent("export", "", data.str(), staffId);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
}

}  // namespace

core::Result<exporter::OrgPublicKey> setRecipient(Site& site, const StaffSession& admin,
                                                  std::string_view pubText) {
  if (auto s = requireAdmin(site, admin); !s.ok()) return s.error();
  auto key = exporter::parseOrgPublicKey(pubText);
  if (!key.ok()) return key.error();
  auto s = site.db().transaction([&]() -> core::Status {
    if (auto m = store::setMeta(site.db(), "recipient:" + key->keyId(), key->text()); !m.ok()) return m;
    if (auto m = store::setMeta(site.db(), "recipient", key->keyId()); !m.ok()) return m;
    store::JsonObject data;
    data.add("key_id", key->keyId());
    auto e = appendAdminEvent(site, admin.secrets().adminSecretKey, "recipient-set", std::move(data),
                              admin.who().id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  if (!s.ok()) return s.error();
  return key;
}

core::Result<std::optional<exporter::OrgPublicKey>> currentRecipient(Site& site) {
  auto id = store::getMeta(site.db(), "recipient");
  if (!id.ok()) return id.error();
  if (!id.value()) return std::optional<exporter::OrgPublicKey>();
  return recipientById(site, *id.value());
}

fs::path batchesDir(Site& site) {
  return site.db().path().parent_path() / "batches";
}

core::Result<ExportedBatch> exportBatch(Site& site, const SiteSecrets& secrets, std::string_view staffId,
                                        const exporter::Progress& progress) {
  auto recipient = currentRecipient(site);
  if (!recipient.ok()) return recipient.error();
  if (!recipient.value()) return core::invalidInput(kNoRecipient);
  // A key planted in the settings would seal the batch to whoever planted it.
  auto planted = checkRecipientSetting(site.db());
  if (!planted.ok()) return planted.error();
  if (!planted->empty()) return core::corrupt(*planted);
  // So would anything else done without an administrator (a card, a setting): someone holds the device's
  // key who should not, and a batch signed now would vouch for their work.
  auto admin = readAdminLog(site.db());
  if (!admin.ok()) return admin.error();
  if (!admin->problems.empty())
    return core::corrupt(admin->problems.front() +
                         " Export is refused until the practice's IT support has looked.");
  if (secrets.signSecretKey.size() != 64)
    return core::unauthorised("The site's signing key is not unlocked.");
  // Anything that happens to a gathered check-in after this point refuses the batch when it is
  // recorded (the kiosk goes on working while a batch is made).
  auto gatheredAfterSeq = lastEventSeq(site);
  if (!gatheredAfterSeq.ok()) return gatheredAfterSeq.error();
  std::vector<std::string> damaged;
  auto records = gatherRecords(site, secrets, progress, &damaged);
  if (!records.ok()) return records.error();
  auto last = store::lastBatch(site.db());
  if (!last.ok()) return last.error();
  // The batch counter outlives a lost log (the high-water mark carries it): a number a batch that
  // may already have left the kiosk had is never given to another.
  auto counted = store::counterValue(site.db(), kBatchCounter);
  if (!counted.ok()) return counted.error();
  const int64_t seq = std::max(last.value() ? last.value()->seq : 0, counted.value()) + 1;

  const core::Instant now = site.clock().now();
  exporter::BatchContext ctx{site.info().odsCode, site.info().deviceId, seq, now.unixMs,
                             now.utcOffsetMinutes};
  const exporter::RecordSummary sum = exporter::summarise(*records);
  exporter::BatchHeader h;
  h.odsCode = ctx.odsCode;
  h.deviceId = ctx.deviceId;
  h.seq = ctx.seq;
  h.prevHash = last.value() ? last.value()->batchHash : std::string(32, '\0');
  h.records = sum.count;
  h.createdMs = now.unixMs;
  h.firstArrivalMs = sum.firstArrivalMs;
  h.lastArrivalMs = sum.lastArrivalMs;
  h.clockConfirmed = sum.allClocksConfirmed;
  h.signer = site.signPublicKey();
  const exporter::Payload payload{exporter::fhirBundle(ctx, *records), exporter::checkinsCsv(ctx, *records)};
  const std::string file = exporter::makeBatchFile(h, payload, *recipient.value(), secrets.signSecretKey);
  const std::string name = exporter::batchFileName(h, now.utcOffsetMinutes);

  std::error_code ec;
  fs::create_directories(batchesDir(site), ec);
  if (ec) return core::storageError("Could not make " + batchesDir(site).string() + ": " + ec.message());
  // A file left by an export whose transaction failed was never recorded, so it never left the kiosk:
  // its number is free again.
  fs::remove(batchesDir(site) / name, ec);
  auto path = exporter::writeVerified(batchesDir(site), name, file, progress);
  if (!path.ok()) return path.error();
  const std::string hash = exporter::sha256Bytes(file);
  store::BatchRow row{h.seq, name, now.unixMs, sum.count, h.prevHash, hash, recipient.value()->keyId(),
                      {},    {}};
  if (auto s = recordBatch(site, row, *records, staffId, *gatheredAfterSeq); !s.ok()) {
    fs::remove(*path, ec);
    return s.error();
  }
  // Every export moves the high-water mark (service/high_water.h); the batch stands if it cannot.
  if (site.unlocked()) (void)writeHighWater(site);
  return ExportedBatch{
      h.seq, name, *path, hash, sum.count, static_cast<int64_t>(file.size()), std::move(damaged)};
}

core::Result<std::string> batchFileBytes(Site& site, int64_t seq) {
  auto row = store::getBatch(site.db(), seq);
  if (!row.ok()) return row.error();
  if (!row.value()) return core::notFound("There is no batch " + std::to_string(seq) + " on this kiosk.");
  const fs::path p = batchesDir(site) / row.value()->fileName;
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    if (row.value()->purgedMs)
      return core::notFound("Batch " + std::to_string(seq) + " was received and its data has been deleted.");
    return core::storageError("The kiosk's copy of batch " + std::to_string(seq) + " (" + p.string() +
                              ") is missing.");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  if (exporter::sha256Bytes(bytes) != row.value()->batchHash)
    return core::corrupt("The kiosk's copy of batch " + std::to_string(seq) +
                         " has changed since it was made.");
  return bytes;
}

core::Result<fs::path> copyBatchTo(Site& site, int64_t seq, const fs::path& folder,
                                   const exporter::Progress& progress) {
  auto bytes = batchFileBytes(site, seq);
  if (!bytes.ok()) return bytes.error();
  auto row = store::getBatch(site.db(), seq);
  if (!row.ok()) return row.error();
  return exporter::writeVerified(folder, row.value()->fileName, *bytes, progress);
}

core::Result<std::vector<std::string>> batchQrFrames(Site& site, int64_t seq) {
  auto bytes = batchFileBytes(site, seq);
  if (!bytes.ok()) return bytes.error();
  return exporter::qrStreamFrames(*bytes);
}

core::Result<AckResult> acknowledgeBatch(Site& site, std::string_view text, std::string_view staffId) {
  auto ack = exporter::parseAck(text);
  if (!ack.ok()) return ack.error();
  if (ack->odsCode != site.info().odsCode || ack->deviceId != site.info().deviceId)
    return core::invalidInput("This acknowledgement is for " + ack->odsCode + " kiosk " + ack->deviceId +
                              ", not this one (" + site.info().odsCode + " kiosk " + site.info().deviceId +
                              ").");
  auto row = store::getBatch(site.db(), ack->seq);
  if (!row.ok()) return row.error();
  if (!row.value()) return core::notFound("This kiosk has made no batch " + std::to_string(ack->seq) + ".");
  const store::BatchRow& b = *row.value();
  if (hex(b.batchHash).substr(0, 16) != ack->hashPrefix)
    return core::conflict("This acknowledgement names a different batch " + std::to_string(ack->seq) +
                          " than the one this kiosk made; it was not accepted.");
  auto key = recipientById(site, b.recipientKeyId);
  if (!key.ok()) return key.error();
  if (!key.value() || !exporter::verifyAck(*ack, key.value()->sign))
    return core::unauthorised(
        "This acknowledgement is not signed by the organisation the batch was sealed to; "
        "it was not accepted.");
  AckResult result{b.seq, b.fileName, b.acknowledgedMs.has_value()};
  if (result.alreadyAcknowledged) return result;
  auto s = site.db().transaction([&]() -> core::Status {
    if (auto m = store::markAcknowledged(site.db(), b.seq, site.clock().now().unixMs); !m.ok()) return m;
    store::JsonObject data;
    data.add("seq", b.seq).add("file", b.fileName);
    auto e = site.appendEvent("batch-acknowledged", "", data.str(), staffId);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  if (!s.ok()) return s.error();
  return result;
}

core::Result<std::vector<store::BatchRow>> batches(Site& site) {
  return store::listBatches(site.db());
}

}  // namespace longstop::service
