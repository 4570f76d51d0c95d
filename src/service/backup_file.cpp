#include "service/backup_file.h"

#include <sodium.h>

#include "crypto/primitives.h"
#include "crypto/sealed_stream.h"
#include "service/site.h"

namespace longstop::service {
namespace {

constexpr size_t kMaxDeviceId = 16;
constexpr size_t kMaxWrapped = 1024;
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
  return out;
}

}  // namespace

core::Result<std::string> sealBackup(const BackupHeader& h, std::string_view image) {
  if (h.deviceId.empty() || h.deviceId.size() > kMaxDeviceId || h.recordsPublicKey.size() != 32 ||
      h.recovery.kdfSalt.size() != kSaltBytes || h.recovery.wrapped.empty() || h.recovery.wrapped.size() > kMaxWrapped ||
      h.recovery.kdfOps < 1 || static_cast<uint64_t>(h.recovery.kdfOps) > kMaxOps || h.recovery.kdfMem < 1 ||
      static_cast<uint64_t>(h.recovery.kdfMem) > kMaxMem)
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
  if (version != kBackupVersion)
    return core::corrupt("This backup is of format " + std::to_string(version) + "; this version of Longstop reads format " +
                         std::to_string(kBackupVersion) + " only.");
  ParsedHeader p;
  BackupHeader& h = p.header;
  const size_t idLen = r.number(1);
  h.deviceId = r.take(idLen);
  h.createdMs = static_cast<int64_t>(r.number(8));
  h.recordsPublicKey = r.take(32);
  h.recovery.id = h.recovery.kind = "recovery";
  h.recovery.kdfSalt = r.take(kSaltBytes);
  const uint64_t ops = r.number(4), mem = r.number(8);
  const size_t wrappedLen = r.number(2);
  h.recovery.wrapped = r.take(wrappedLen);
  if (r.short_) return core::corrupt("The backup is cut short: it ends inside its header.");
  if (idLen == 0 || idLen > kMaxDeviceId || wrappedLen == 0 || wrappedLen > kMaxWrapped || ops < 1 || ops > kMaxOps ||
      mem < 1 || mem > kMaxMem || h.createdMs < 0)
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
  auto plain = crypto::unwrap(*kek, h.recovery.wrapped);
  if (!plain || (plain->size() != kWrappedKeysSize && plain->size() != kLegacyWrappedKeysSize))
    return core::unauthorised("That recovery code does not open this backup (it is not this site's code, or the "
                              "code of the site when the backup was made).");
  BackupKeys keys{crypto::SecretBytes::copyOf(plain->view().substr(0, 32)), {}};
  keys.signPublicKey = crypto::signPublicKeyOf(crypto::SecretBytes::copyOf(plain->view().substr(32, 64)));
  if (crypto::boxPublicKeyOf(keys.recordsSecretKey) != h.recordsPublicKey)
    return core::corrupt("The backup's header has been changed: its key is not the one its recovery credential opens.");
  return keys;
}

core::Result<std::string> openBackup(std::string_view file, const crypto::SecretBytes& recordsSecretKey) {
  auto p = readBackupHeader(file);
  if (!p.ok()) return p.error();
  if (recordsSecretKey.size() != 32 || crypto::boxPublicKeyOf(recordsSecretKey) != p->header.recordsPublicKey)
    return core::unauthorised("This backup is sealed to another key than the one given: it is not from this site, "
                              "or from before the site's keys were changed.");
  const std::string_view body = file.substr(p->size);
  if (body.size() < crypto::kStreamPrefix + crypto::kStreamChunkOverhead)
    return core::corrupt("The backup is cut short: it ends before its sealed contents.");
  auto image = crypto::openStream(p->header.recordsPublicKey, recordsSecretKey, file.substr(0, p->size), body);
  if (!image)
    return core::corrupt("The backup is damaged, cut short or has been changed (its seal does not check); nothing "
                         "was restored from it.");
  return std::move(*image);
}

}  // namespace longstop::service
