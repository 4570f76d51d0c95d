#include "service/backup_file.h"

#include <sodium.h>

#include "crypto/primitives.h"
#include "crypto/sealed_stream.h"
#include "service/key_bundle.h"
#include "service/site.h"

namespace longstop::service {
namespace {

constexpr size_t kMaxDeviceId = 16;
constexpr size_t kMaxWrapped = 1024;
// A schema-5 recovery credential's bundle: the site's keys and every older records key, sealed.
constexpr size_t kMaxBundle = 16384;
constexpr size_t kSaltBytes = 16;
// Far above what any credential is made with (4 passes, 128 MiB), low enough that a planted header
// cannot make the restore run for hours or take the machine's memory.
constexpr uint64_t kMaxOps = 16;
constexpr uint64_t kMaxMem = 1ull << 30;

void putNumber(std::string& out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

/// Reads the file front to back; any read past the end sets `short_`.
struct Reader {
  std::string_view in;
  size_t at = 0;
  bool short_ = false;
  std::string_view take(size_t n) {
    if (in.size() - at < n) {
      short_ = true;
      return {};
    }
    at += n;
    return in.substr(at - n, n);
  }
  uint64_t number(int bytes) {
    uint64_t v = 0;
    for (char c : take(static_cast<size_t>(bytes))) v = (v << 8) | static_cast<unsigned char>(c);
    return v;
  }
};

std::string headerBytes(const BackupHeader& h) {
  std::string out(kBackupMagic);
  out.push_back(static_cast<char>(kBackupVersion));
  out.push_back(static_cast<char>(h.deviceId.size()));
  out += h.deviceId;
  putNumber(out, static_cast<uint64_t>(h.createdMs), 8);
  out += h.recordsPublicKey;
  out += h.recovery.kdfSalt;
  putNumber(out, static_cast<uint64_t>(h.recovery.kdfOps), 4);
  putNumber(out, static_cast<uint64_t>(h.recovery.kdfMem), 8);
  putNumber(out, h.recovery.wrapped.size(), 2);
  out += h.recovery.wrapped;
  // Format 2: the credential's public key (none for a credential from before schema 5) and bundle.
  putNumber(out, h.recovery.publicKey.size(), 1);
  out += h.recovery.publicKey;
  putNumber(out, h.recovery.bundle.size(), 2);
  out += h.recovery.bundle;
  return out;
}

}  // namespace

core::Result<std::string> sealBackup(const BackupHeader& h, std::string_view image) {
  if (h.deviceId.empty() || h.deviceId.size() > kMaxDeviceId || h.recordsPublicKey.size() != 32 ||
      h.recovery.kdfSalt.size() != kSaltBytes || h.recovery.wrapped.empty() ||
      h.recovery.wrapped.size() > kMaxWrapped || h.recovery.kdfOps < 1 ||
      static_cast<uint64_t>(h.recovery.kdfOps) > kMaxOps || h.recovery.kdfMem < 1 ||
      static_cast<uint64_t>(h.recovery.kdfMem) > kMaxMem ||
      (h.recovery.publicKey.empty() ? !h.recovery.bundle.empty()
                                    : h.recovery.publicKey.size() != 32 || h.recovery.bundle.empty()) ||
      h.recovery.bundle.size() > kMaxBundle)
    return core::invalidInput("The site's keys or recovery credential do not fit in a backup's header.");
  std::string file = headerBytes(h);
  const std::string ad = file;
  file.reserve(file.size() + crypto::kStreamPrefix + image.size() +
               (image.size() / crypto::kStreamChunk + 1) * crypto::kStreamChunkOverhead);
  if (!crypto::sealStream(h.recordsPublicKey, ad, image, [&](std::string_view piece) {
        file += piece;
        return true;
      }))
    return core::internalError("The backup could not be sealed.");
  return file;
}

core::Result<ParsedHeader> readBackupHeader(std::string_view file) {
  Reader r{file};
  if (r.take(kBackupMagic.size()) != kBackupMagic || r.short_)
    return core::corrupt("This is not a Longstop backup (it does not start with LSBK).");
  const uint64_t version = r.number(1);
  if (r.short_) return core::corrupt("The backup is cut short: it ends inside its header.");
  if (version != kBackupVersion && version != 1)
    return core::corrupt("This backup is of format " + std::to_string(version) +
                         "; this version of Longstop reads "
                         "formats 1 to " +
                         std::to_string(kBackupVersion) + " only.");
  ParsedHeader p;
  BackupHeader& h = p.header;
  const size_t idLen = r.number(1);
  if (!r.short_ && (idLen == 0 || idLen > kMaxDeviceId))
    return core::corrupt("The backup's header is damaged.");
  h.deviceId = r.take(idLen);
  h.createdMs = static_cast<int64_t>(r.number(8));
  h.recordsPublicKey = r.take(32);
  h.recovery.id = h.recovery.kind = "recovery";
  h.recovery.kdfSalt = r.take(kSaltBytes);
  const uint64_t ops = r.number(4), mem = r.number(8);
  const size_t wrappedLen = r.number(2);
  h.recovery.wrapped = r.take(wrappedLen);
  size_t publicLen = 0, bundleLen = 0;
  if (version >= 2) {
    publicLen = r.number(1);
    h.recovery.publicKey = r.take(publicLen);
    bundleLen = r.number(2);
    h.recovery.bundle = r.take(bundleLen);
  }
  if (r.short_) return core::corrupt("The backup is cut short: it ends inside its header.");
  if ((publicLen != 0 && publicLen != 32) || (publicLen == 0) != (bundleLen == 0) || bundleLen > kMaxBundle ||
      idLen == 0 || idLen > kMaxDeviceId || wrappedLen == 0 || wrappedLen > kMaxWrapped || ops < 1 ||
      ops > kMaxOps || mem < 1 || mem > kMaxMem || h.createdMs < 0)
    return core::corrupt("The backup's header is damaged.");
  h.recovery.kdfOps = static_cast<int64_t>(ops);
  h.recovery.kdfMem = static_cast<int64_t>(mem);
  p.size = r.at;
  return p;
}

core::Result<BackupKeys> backupKeysFromCode(const BackupHeader& h, std::string_view code) {
  std::string typed = crypto::normaliseCode(code);
  auto kek = crypto::deriveKey(typed, {h.recovery.kdfSalt, static_cast<uint64_t>(h.recovery.kdfOps),
                                       static_cast<uint64_t>(h.recovery.kdfMem)});
  crypto::wipe(typed);
  if (!kek) return core::internalError("Not enough memory to check the recovery code.");
  // The way the site opens it: its own secret and bundle (schema 5), or the keys wrapped directly (before).
  auto opened = openCredentialKeys(h.recovery, *kek);
  if (!opened.ok() && opened.error().code == core::ErrorCode::kUnauthorised)
    return core::unauthorised(
        "That recovery code does not open this backup (it is not this site's code, or the "
        "code of the site when the backup was made).");
  if (!opened.ok())
    return core::corrupt("The backup's header has been changed: its recovery credential's keys do not open.");
  SiteSecrets& secrets = opened.value();
  BackupKeys keys{{}, crypto::signPublicKeyOf(secrets.signSecretKey)};
  // The image is sealed to the records key the header names: the bundle's newest, or (a header
  // written just as the keys were renewed) one of the older ones.
  if (crypto::boxPublicKeyOf(secrets.recordsSecretKey) == h.recordsPublicKey) {
    keys.recordsSecretKey = std::move(secrets.recordsSecretKey);
  } else {
    for (auto& older : secrets.olderRecordsKeys)
      if (crypto::boxPublicKeyOf(older) == h.recordsPublicKey) {
        keys.recordsSecretKey = std::move(older);
        break;
      }
  }
  if (keys.recordsSecretKey.size() != 32)
    return core::corrupt(
        "The backup's header has been changed: its key is not the one its recovery credential opens.");
  return keys;
}

core::Result<std::string> openBackup(std::string_view file, const crypto::SecretBytes& recordsSecretKey) {
  auto p = readBackupHeader(file);
  if (!p.ok()) return p.error();
  if (recordsSecretKey.size() != 32 || crypto::boxPublicKeyOf(recordsSecretKey) != p->header.recordsPublicKey)
    return core::unauthorised(
        "This backup is sealed to another key than the one given: it is not from this site, "
        "or from before the site's keys were changed.");
  const std::string_view body = file.substr(p->size);
  if (body.size() < crypto::kStreamPrefix + crypto::kStreamChunkOverhead)
    return core::corrupt("The backup is cut short: it ends before its sealed contents.");
  auto image =
      crypto::openStream(p->header.recordsPublicKey, recordsSecretKey, file.substr(0, p->size), body);
  if (!image)
    return core::corrupt(
        "The backup is damaged, cut short or has been changed (its seal does not check); nothing "
        "was restored from it.");
  return std::move(*image);
}

}  // namespace longstop::service
