// keygen, verify, decrypt, to-fhir, to-csv, report, ack.
#include <cstdio>
#include <filesystem>

#include "batch_tool.h"
#include "crypto/primitives.h"
#include "exporter/ack.h"
#include "exporter/chain.h"
#include "exporter/qr_image.h"
#include "exporter/reconcile.h"

namespace longstop::batchtool {
namespace fs = std::filesystem;
namespace {

std::string utc(int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

void describe(const std::string& name, const exporter::VerifiedBatch& b) {
  const auto& h = b.header;
  std::printf("%s: batch %s-%s %lld, %lld check-ins from %s to %s, clock %s, sealed to %s, hash %s\n",
              name.c_str(), h.odsCode.c_str(), h.deviceId.c_str(), static_cast<long long>(h.seq),
              static_cast<long long>(h.records), utc(h.firstArrivalMs).c_str(), utc(h.lastArrivalMs).c_str(),
              h.clockConfirmed ? "confirmed" : "NOT confirmed", h.recipientKeyId.c_str(),
              crypto::toHex(b.batchHash).substr(0, 16).c_str());
}

int writeOut(const Args& a, const std::string& text) {
  if (auto out = a.get("out")) {
    if (auto s = writePrivateFile(*out, text); !s.ok()) return fail(s.error());
    return ctl::kExitOk;
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  return ctl::kExitOk;
}

}  // namespace

int cmdKeygen(const Args& a) {
  auto prefix = a.get("out");
  if (!prefix || a.words.size() != 1) return usage("keygen needs --out PREFIX (and nothing else).");
  const std::string pub = *prefix + ".pub", key = *prefix + ".key", png = *prefix + ".pub.png";
  for (const auto& p : {pub, key})
    if (fs::exists(p))
      return usage(p + " already exists; keygen never replaces a key. Choose another PREFIX.");
  const exporter::OrgKeyPair kp = exporter::makeOrgKeyPair();
  if (auto s = writePrivateFile(key, kp.secretText() + "\n"); !s.ok()) return fail(s.error());
  if (auto s = writePrivateFile(pub, kp.pub.text() + "\n"); !s.ok()) return fail(s.error());
  std::error_code ec;
  fs::permissions(
      pub, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read,
      fs::perm_options::replace, ec);
  auto img = exporter::renderQr(kp.pub.text(), 6);
  if (img.ok()) (void)exporter::writePng(*img, png);
  std::printf(
      "Key %s written: %s (public: give to each kiosk, or show %s to its camera) and %s (secret: "
      "readable by you only; keep a backup somewhere safe).\n",
      kp.pub.keyId().c_str(), pub.c_str(), png.c_str(), key.c_str());
  return ctl::kExitOk;
}

int cmdVerify(const Args& a) {
  if (a.words.size() < 2) return usage("verify needs one or more batch FILEs.");
  auto f = ctl::wholeNumber(a, "from", 1, INT64_MAX);
  if (!f.ok()) return usage(f.error().message);
  const int64_t from = f->value_or(1);
  auto storePath = trustStorePath(a);
  if (!storePath.ok()) return fail(storePath.error());
  auto store = loadTrustStore(*storePath);
  if (!store.ok()) return fail(store.error());
  std::vector<exporter::NamedBytes> files;
  for (size_t i = 1; i < a.words.size(); ++i) {
    auto bytes = readFile(a.words[i]);
    if (!bytes.ok()) return fail(bytes.error());
    files.push_back({a.words[i], std::move(bytes.value())});
  }
  // What a batch says about itself is shown only once a pinned key is known to have signed it.
  size_t untrusted = 0;
  for (const auto& f : files) {
    auto b = exporter::readBatchFile(f.bytes);
    if (!b.ok()) continue;  // the chain report names it
    if (auto s = exporter::checkSigner(*store, b->header); !s.ok()) {
      std::fprintf(stderr, "UNTRUSTED: %s: %s\n", f.name.c_str(), s.error().message.c_str());
      ++untrusted;
    } else {
      describe(f.name, *b);
    }
  }
  const exporter::ChainReport report = exporter::verifyChain(files, from);
  for (const auto& p : report.problems)
    std::fprintf(stderr, "PROBLEM: %s%s%s\n", p.file.c_str(), p.file.empty() ? "" : ": ", p.reason.c_str());
  if (untrusted == 0)
    for (const auto& d : report.devices)
      std::printf("Kiosk %s-%s: batches %lld to %lld, %lld check-ins\n", d.odsCode.c_str(),
                  d.deviceId.c_str(), static_cast<long long>(d.firstSeq), static_cast<long long>(d.lastSeq),
                  static_cast<long long>(d.records));
  if (!report.sound()) {
    std::fprintf(stderr,
                 "NOT VERIFIED: %zu problem(s); do not re-enter these batches until they are explained.\n",
                 report.problems.size() + untrusted);
    return ctl::kExitCheckFailed;
  }
  if (untrusted > 0) {
    std::fprintf(stderr,
                 "NOT VERIFIED: %zu batch(es) signed by a key this PC does not trust for their kiosk; do "
                 "not re-enter them until the key is checked on the kiosk.\n",
                 untrusted);
    return kExitUntrusted;
  }
  std::printf("Verified: %zu file(s); signed by the kiosks' trusted keys, payloads and chain are sound.\n",
              files.size());
  return ctl::kExitOk;
}

int cmdDecrypt(const Args& a) {
  auto out = a.get("out");
  if (!out || a.words.size() != 2) return usage("decrypt needs --key PREFIX.key, one FILE and --out DIR.");
  exporter::Payload payload;
  if (int status = openFile(a, a.words[1], &payload); status != ctl::kExitOk) return status;
  std::error_code ec;
  fs::create_directories(*out, ec);
  if (ec) return fail(core::storageError("Could not make " + *out + ": " + ec.message()));
  fs::permissions(*out, fs::perms::owner_all, fs::perm_options::replace, ec);
  auto report = exporter::reconcile({payload.checkinsCsv});
  const fs::path dir(*out);
  for (const auto& [name, text] :
       {std::pair{"bundle.json", payload.bundleJson}, std::pair{"checkins.csv", payload.checkinsCsv},
        std::pair{"report.txt", report.ok() ? report->text() : report.error().message}})
    if (auto s = writePrivateFile((dir / name).string(), text); !s.ok()) return fail(s.error());
  std::printf("Wrote %s, %s and %s.\n", (dir / "bundle.json").c_str(), (dir / "checkins.csv").c_str(),
              (dir / "report.txt").c_str());
  if (report.ok()) std::fputs(report->text().c_str(), stdout);
  return ctl::kExitOk;
}

int cmdConvert(const Args& a, bool fhir) {
  if (a.words.size() != 2)
    return usage(std::string(fhir ? "to-fhir" : "to-csv") + " needs --key PREFIX.key and one FILE.");
  exporter::Payload payload;
  if (int status = openFile(a, a.words[1], &payload); status != ctl::kExitOk) return status;
  return writeOut(a, fhir ? payload.bundleJson : payload.checkinsCsv);
}

int cmdReport(const Args& a) {
  if (a.words.size() < 2) return usage("report needs --key PREFIX.key and one or more FILEs.");
  std::vector<std::string> csvs;
  for (size_t i = 1; i < a.words.size(); ++i) {
    exporter::Payload payload;
    if (int status = openFile(a, a.words[i], &payload); status != ctl::kExitOk) return status;
    csvs.push_back(std::move(payload.checkinsCsv));
  }
  std::vector<std::string_view> views(csvs.begin(), csvs.end());
  auto report = exporter::reconcile(views);
  if (!report.ok()) return fail(report.error());
  std::fputs(report->text().c_str(), stdout);
  return ctl::kExitOk;
}

int cmdAck(const Args& a) {
  if (a.words.size() != 2) return usage("ack needs --key PREFIX.key and one batch FILE.");
  const std::string& path = a.words[1];
  // Acknowledge only what this organisation can really open, from a kiosk it trusts: the kiosk deletes
  // the data afterwards.
  exporter::Payload payload;
  exporter::VerifiedBatch batch;
  if (int status = openFile(a, path, &payload, &batch); status != ctl::kExitOk) return status;
  auto key = loadKey(a);
  if (!key.ok()) return fail(key.error());
  const auto& h = batch.header;
  const std::string code = exporter::makeAck(h.odsCode, h.deviceId, h.seq, batch.batchHash, key->signSecret);
  const std::string png = a.get("png").value_or(path + ".ack.png");
  auto img = exporter::renderQr(code, 6);
  if (!img.ok()) return fail(img.error());
  if (auto s = exporter::writePng(*img, png); !s.ok()) return fail(s.error());
  std::printf("%s\n", code.c_str());
  std::fprintf(
      stderr,
      "Acknowledgement for batch %s-%s %lld written to %s: show it to the kiosk's camera, or "
      "type the line above on its admin screen. The kiosk deletes this batch's personal data after its "
      "retention period.\n",
      h.odsCode.c_str(), h.deviceId.c_str(), static_cast<long long>(h.seq), png.c_str());
  return ctl::kExitOk;
}

}  // namespace longstop::batchtool
