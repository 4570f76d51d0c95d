// receive: a batch rebuilt from pictures of the kiosk's QR stream.
#include <cstdio>

#include "batch_tool.h"
#include "exporter/qr_stream.h"
#include "scan/decoder.h"
#include "scan/image_file.h"

namespace longstop::batchtool {

int cmdReceive(const Args& a) {
  auto out = a.get("out");
  if (!out || a.words.size() < 2) return usage("receive needs --out FILE and one or more IMAGE files.");
  auto storePath = trustStorePath(a);
  if (!storePath.ok()) return fail(storePath.error());
  auto store = loadTrustStore(*storePath);
  if (!store.ok()) return fail(store.error());
  exporter::QrStreamAssembler assembler;
  for (size_t i = 1; i < a.words.size(); ++i) {
    auto img = scan::loadGrayImage(a.words[i]);
    if (!img.ok()) {
      std::fprintf(stderr, "%s\n", img.error().message.c_str());
      continue;
    }
    const auto codes = scan::Decoder().decodeAll(*img);
    if (codes.empty()) {
      std::fprintf(stderr, "%s: no QR code found.\n", a.words[i].c_str());
    }
    for (const auto& c : codes)
      if (auto r = assembler.add(c.text); !r.ok())
        std::fprintf(stderr, "%s: %s\n", a.words[i].c_str(), r.error().message.c_str());
  }
  if (!assembler.started()) return fail(core::notFound("No batch frames (LSQ1) were found in the pictures."));
  std::printf("Batch %s: %d of %d frames read.\n", assembler.hash8().c_str(), assembler.received(),
              assembler.total());
  auto file = assembler.assemble();
  if (!file.ok()) {
    std::fprintf(stderr,
                 "longstop-batch: %s Take more pictures of the kiosk's screen and run receive again "
                 "with all of them.\n",
                 file.error().message.c_str());
    return ctl::kExitCheckFailed;
  }
  auto batch = exporter::readBatchFile(*file);
  if (!batch.ok()) return fail(batch.error());
  // A batch from a signer nobody vouched for is not kept: the pictures are, to receive it again once
  // the kiosk's key has been checked and trusted.
  if (auto s = exporter::checkSigner(*store, batch->header); !s.ok()) {
    std::fprintf(stderr, "longstop-batch: %s Nothing was written to %s.\n", s.error().message.c_str(),
                 out->c_str());
    return kExitUntrusted;
  }
  if (auto s = writePrivateFile(*out, *file); !s.ok()) return fail(s.error());
  std::printf(
      "Complete: wrote %s (batch %s-%s %lld, %lld check-ins, signed by the kiosk's trusted key). Verify "
      "it with the others next.\n",
      out->c_str(), batch->header.odsCode.c_str(), batch->header.deviceId.c_str(),
      static_cast<long long>(batch->header.seq), static_cast<long long>(batch->header.records));
  return ctl::kExitOk;
}

}  // namespace longstop::batchtool
