// export, batches, recipient, acknowledge, retention: getting the check-ins back into the clinical record.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "commands.h"
#include "common.h"
#include "crypto/primitives.h"
#include "secret_input.h"
#include "service/export.h"
#include "service/retention.h"
#include "service/staff.h"

namespace longstop::ctl {
namespace {

// The site's secrets from the recovery code, or from --card and its PIN (a member of staff signing in).
struct Unlocked {
  std::unique_ptr<service::StaffSession> session;
  std::optional<service::SiteSecrets> recovery;
  const service::SiteSecrets& secrets() const { return session ? session->secrets() : *recovery; }
  std::string staffId() const { return session ? session->who().id : std::string(); }
};

core::Result<Unlocked> unlock(service::Site& site, const Args& a) {
  Unlocked u;
  auto card = a.get("card");
  if (!card) {
    auto code = SecretInput::standard().read("recovery code");
    if (!code.ok()) return code.error();
    auto s = site.unlockWithRecoveryCode(*code);
    if (!s.ok()) return s.error();
    u.recovery = std::move(s.value());
    return u;
  }
  auto pin = SecretInput::standard().read("PIN");
  if (!pin.ok()) return pin.error();
  auto session = service::signIn(site, *card, *pin);
  if (!session.ok()) return session.error();
  u.session = std::move(session.value());
  return u;
}

void progressLine(int64_t done, int64_t total, std::string_view stage) {
  if (total <= 0) return;
  std::fprintf(stderr, "\r%.*s: %lld%%   ", static_cast<int>(stage.size()), stage.data(),
               static_cast<long long>(done * 100 / total));
  if (done == total) std::fputc('\n', stderr);
}

}  // namespace

int cmdExport(const Args& a) {
  auto to = a.get("to");
  if (!to) return usage("export needs --data DIR and --to FOLDER (a folder, or a USB stick's mount point).");
  std::error_code ec;
  if (!std::filesystem::is_directory(*to, ec))
    return usage("There is no folder " + *to + " to write the batch to.");
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  service::Site& s = **site;
  auto u = unlock(s, a);
  if (!u.ok()) return fail(u.error());
  auto batch = service::exportBatch(s, u->secrets(), u->staffId(),
                                    a.has("json") ? exporter::Progress{} : progressLine);
  if (u->session)
    if (auto out = service::signOut(s, u->session, "sign-out"); !out.ok())
      std::fprintf(stderr, "longstopctl: the sign-out could not be recorded: %s\n",
                   out.error().message.c_str());
  if (!batch.ok()) return fail(batch.error());
  auto copy = service::copyBatchTo(s, batch->seq, *to, a.has("json") ? exporter::Progress{} : progressLine);
  if (!copy.ok()) {
    std::fprintf(stderr, "longstopctl: batch %lld was made (kept in %s) but could not be copied: %s\n",
                 static_cast<long long>(batch->seq), batch->path.c_str(), copy.error().message.c_str());
    return exitCodeFor(copy.error());
  }
  if (a.has("json")) {
    store::JsonObject o;
    o.add("seq", batch->seq)
        .add("file", copy->string())
        .add("records", batch->records)
        .add("bytes", batch->bytes);
    o.add("batch_sha256", crypto::toHex(batch->batchHash));
    std::string damaged;
    for (const auto& id : batch->damaged) damaged += (damaged.empty() ? "" : ",") + id;
    o.add("damaged", damaged);
    std::printf("%s\n", o.str().c_str());
  } else {
    std::printf("Batch %lld with %lld check-ins written to %s and read back: safe to remove.\n",
                static_cast<long long>(batch->seq), static_cast<long long>(batch->records), copy->c_str());
  }
  if (!batch->damaged.empty()) {
    std::string ids;
    for (const auto& id : batch->damaged) ids += (ids.empty() ? "" : ", ") + id;
    std::fprintf(
        stderr,
        "longstopctl: %zu check-ins were left out because their sealed details are damaged: %s. They stay "
        "unexported; re-enter them from reception's paper list and call the practice's IT support.\n",
        batch->damaged.size(), ids.c_str());
    return kExitCheckFailed;
  }
  return kExitOk;
}

int cmdBatches(const Args& a) {
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  auto list = service::batches(**site);
  if (!list.ok()) return fail(list.error());
  for (const auto& b : *list) {
    if (a.has("json")) {
      store::JsonObject o;
      o.add("seq", b.seq).add("file", b.fileName).add("records", b.recordCount);
      o.addBool("acknowledged", b.acknowledgedMs.has_value()).addBool("purged", b.purgedMs.has_value());
      std::printf("%s\n", o.str().c_str());
    } else {
      std::printf("%4lld  %s  %lld check-ins  %s\n", static_cast<long long>(b.seq), b.fileName.c_str(),
                  static_cast<long long>(b.recordCount),
                  b.purgedMs         ? "received, personal data deleted"
                  : b.acknowledgedMs ? "received"
                                     : "not yet received");
    }
  }
  return kExitOk;
}

int cmdRecipient(const Args& a) {
  const std::string sub = a.words.size() > 1 ? a.words[1] : "";
  if (sub == "set" && a.words.size() == 3) {
    auto site = openSite(a);
    if (!site.ok()) return fail(site.error());
    auto text = readFile(a.words[2]);
    if (!text.ok()) return fail(text.error());
    SecretInput in = SecretInput::standard();
    auto admin = adminSession(**site, in);
    if (!admin.ok()) return fail(admin.error());
    auto key = service::setRecipient(**site, *admin.value(), *text);
    if (!key.ok()) return fail(key.error());
    std::printf("Batches will be sealed to the key %s from now on.\n", key->keyId().c_str());
    return kExitOk;
  }
  if (sub == "show" && a.words.size() == 2) {
    auto site = openSite(a);
    if (!site.ok()) return fail(site.error());
    auto key = service::currentRecipient(**site);
    if (!key.ok()) return fail(key.error());
    if (!key.value()) {
      std::printf("No recipient key is set; set one with `longstopctl recipient set --data DIR FILE.pub`.\n");
      return kExitCheckFailed;
    }
    std::printf("%s %s\n", key.value()->keyId().c_str(), key.value()->text().c_str());
    return kExitOk;
  }
  return usage("Use `recipient set --data DIR FILE.pub` or `recipient show --data DIR`.");
}

int cmdAcknowledge(const Args& a) {
  if (a.words.size() != 2) return usage("acknowledge needs --data DIR and the LSK1:... code.");
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  auto r = service::acknowledgeBatch(**site, a.words[1]);
  if (!r.ok()) return fail(r.error());
  std::printf(r->alreadyAcknowledged
                  ? "Batch %lld (%s) was already marked received.\n"
                  : "Batch %lld (%s) marked received; its personal data is deleted after the "
                    "retention period.\n",
              static_cast<long long>(r->seq), r->fileName.c_str());
  return kExitOk;
}

int cmdRetention(const Args& a) {
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  // A typo must not become 0 days, which would delete every received batch's personal data at once.
  auto d = wholeNumber(a, "days", 0, 36500);
  if (!d.ok()) return usage(d.error().message);
  std::optional<int> days;
  if (d.value()) days = static_cast<int>(**d);
  auto r = service::purgeReceived(**site, days);
  if (!r.ok()) return fail(r.error());
  std::printf(
      "Deleted the personal data of %lld check-ins in %lld received batches, and of %lld past "
      "appointments nobody checked in for.\n",
      static_cast<long long>(r->checkins), static_cast<long long>(r->batches),
      static_cast<long long>(r->appointments));
  return kExitOk;
}

}  // namespace longstop::ctl
