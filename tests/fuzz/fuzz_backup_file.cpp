// Fuzzes the sealed backup reader (what `longstopctl backup restore` reads): the header parser and the
// sealed stream, with a fixed records key so that the seed corpus (backups sealed to that key) reaches
// the chunks. Nothing may crash; a file that opens must have a header that parses and names the key,
// and the reader must say why it refuses anything else. No key derivation: the cost is the header's.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "crypto/primitives.h"
#include "service/backup_file.h"

using namespace longstop;

namespace {
const bool kReady = crypto::initialise();

/// The seed corpus's key: the 32 bytes 0x01..0x20 (the seeds were made with sealBackup to its public half).
const crypto::SecretBytes& fixedKey() {
  static const crypto::SecretBytes key = [] {
    std::string k(32, '\0');
    for (int i = 0; i < 32; ++i) k[static_cast<size_t>(i)] = static_cast<char>(i + 1);
    return crypto::SecretBytes::copyOf(k);
  }();
  return key;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!kReady) std::abort();
  const std::string_view file(reinterpret_cast<const char*>(data), size);
  auto header = service::readBackupHeader(file);
  if (!header.ok() && header.error().message.empty()) std::abort();
  auto image = service::openBackup(file, fixedKey());
  if (image.ok()) {
    if (!header.ok() || header->header.recordsPublicKey != crypto::boxPublicKeyOf(fixedKey())) std::abort();
  } else if (image.error().message.empty()) {
    std::abort();
  }
  return 0;
}
