// forge-batch: forged batch files for the command-line tests of longstop-batch (tests only).
//   forge-batch fresh ORG.pub ODS DEVICE OUT   made from nothing but the organisation's public key
//   forge-batch resign IN OUT                  IN re-signed with a fresh key
//   forge-batch swap-signer IN FROM OUT        IN with FROM's signer line (IN's signature kept)
//   forge-batch frames IN DIR                  IN as the kiosk's QR stream, one PNG a frame
//   forge-batch code ODS DEVICE                a well-formed trust code for a fresh key (printed)
// Exit 0 when written, 2 on bad usage or input.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "crypto/primitives.h"
#include "exporter/device_code.h"
#include "exporter/qr_image.h"
#include "exporter/qr_stream.h"
#include "forgery.h"

using namespace longstop;

namespace {

bool readAll(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

bool writeAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out.flush());
}

int usage() {
  std::fputs(
      "usage: forge-batch fresh ORG.pub ODS DEVICE OUT | resign IN OUT | swap-signer IN FROM OUT | "
      "frames IN DIR | code ODS DEVICE\n",
      stderr);
  return 2;
}

int fresh(const std::string& pubPath, const std::string& ods, const std::string& device,
          const std::string& out) {
  std::string text;
  if (!readAll(pubPath, &text)) return usage();
  auto org = exporter::parseOrgPublicKey(text);
  if (!org.ok()) {
    std::fprintf(stderr, "forge-batch: %s\n", org.error().message.c_str());
    return 2;
  }
  return writeAll(out, test::forgeFreshBatch(ods, device, 1, *org, crypto::makeSignKeyPair())) ? 0 : 2;
}

int frames(const std::string& file, const std::string& dir) {
  int i = 0;
  for (const auto& frame : exporter::qrStreamFrames(file)) {
    auto img = exporter::renderQr(frame, 4);
    if (!img.ok() || !exporter::writePng(*img, dir + "/frame-" + std::to_string(++i) + ".png").ok()) return 2;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (!crypto::initialise() || argc < 2) return usage();
  const std::string cmd = argv[1];
  if (cmd == "fresh" && argc == 6) return fresh(argv[2], argv[3], argv[4], argv[5]);
  if (cmd == "code" && argc == 4) {
    std::printf("%s\n",
                exporter::formatDeviceCode({argv[2], argv[3], crypto::makeSignKeyPair().publicKey}).c_str());
    return 0;
  }
  std::string in, from;
  if (argc < 4 || !readAll(argv[2], &in)) return usage();
  if (cmd == "frames" && argc == 4) return frames(in, argv[3]);  // any file, damaged ones too
  if (!exporter::readBatchFile(in).ok()) return usage();
  if (cmd == "resign" && argc == 4)
    return writeAll(argv[3], test::resignBatch(in, crypto::makeSignKeyPair())) ? 0 : 2;
  if (cmd == "swap-signer" && argc == 5 && readAll(argv[3], &from)) {
    auto other = exporter::readBatchFile(from);
    if (!other.ok()) return usage();
    return writeAll(argv[4], test::swapSigner(in, other->header.signer)) ? 0 : 2;
  }
  return usage();
}
