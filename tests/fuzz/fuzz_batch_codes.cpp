// Fuzzes the texts the batch loop reads from QR codes and files: LSQ1 frames (and the assembler),
// LSK1 acknowledgements, LSR1/LSRK1 keys. Accepted texts must round-trip; nothing may crash.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "crypto/primitives.h"
#include "exporter/ack.h"
#include "exporter/org_keys.h"
#include "exporter/qr_stream.h"

using namespace longstop;

namespace {
const bool kReady = crypto::initialise();
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!kReady) std::abort();
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto f = exporter::parseQrFrame(text); f.ok()) {
    if (f->index < 1 || f->index > f->total) std::abort();
    const std::string remade = "LSQ1:" + f->hash8 + ":" + std::to_string(f->index) + "/" +
                               std::to_string(f->total) + ":" + crypto::toBase32(f->data);
    auto back = exporter::parseQrFrame(remade);
    if (!back.ok() || back->data != f->data) std::abort();
  }
  exporter::QrStreamAssembler assembler;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      (void)assembler.add(text.substr(start, i - start));
      start = i + 1;
    }
  if (assembler.received() > assembler.total()) std::abort();
  (void)assembler.assemble();

  if (auto ack = exporter::parseAck(text); ack.ok()) {
    auto back = exporter::parseAck(ack->signedText() + ":" + crypto::toBase64(ack->signature));
    if (!back.ok() || back->signedText() != ack->signedText() || back->signature != ack->signature)
      std::abort();
  }
  if (auto key = exporter::parseOrgPublicKey(text); key.ok()) {
    auto back = exporter::parseOrgPublicKey(key->text());
    if (!back.ok() || back->keyId() != key->keyId()) std::abort();
  }
  (void)exporter::parseOrgKeyPair(text);
  return 0;
}
