// longstop-batch: verify, open, convert, receive and acknowledge Longstop batches on the receiving PC.
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "batch_tool.h"
#include "crypto/primitives.h"

namespace {

constexpr const char* kUsage = R"(usage: longstop-batch COMMAND [options]

  Options come before, after or among the other words, as --name VALUE or --name=VALUE, written in
  full. An option the command does not take, or one without its value, is refused (exit status 2).

  keygen --out PREFIX
      Make the organisation's key pair: PREFIX.pub (give it to each kiosk, or show PREFIX.pub.png to
      its camera) and PREFIX.key (keep it secret; readable by you only).
  trust add CODE | trust add --image PHOTO [--replace]
      Trust a kiosk's batches: CODE is the LSD1 code on its admin screen (Admin, then "Code for the
      receiving PC"), typed with or without its spaces, or PHOTO a picture of the QR code beside it.
      A kiosk that already has a different key is refused unless --replace.
  trust list
  trust remove ODS-DEVICE
      The kiosks trusted on this PC, and taking one away (e.g. B82005-K7QX).
  verify [--from SEQ] FILE...
      Check signatures, payload hashes and the chain across the files of each kiosk: reports a missing
      batch, a duplicate, a replay or a changed byte, and exits 1 on any of them; exits 4 when a batch is
      not signed by the key trusted for its kiosk.
  decrypt --key PREFIX.key FILE --out DIR
      Write DIR/bundle.json (FHIR R4 transaction Bundle), DIR/checkins.csv and DIR/report.txt.
  to-fhir --key PREFIX.key FILE [--out OUT]
  to-csv --key PREFIX.key FILE [--out OUT]
      Just the Bundle, or just the CSV (to standard output without --out).
  report --key PREFIX.key FILE...
      The reconciliation report: possible duplicate people, NHS numbers given or not, check-ins made
      with an unconfirmed clock, urgent flags.
  receive --out FILE IMAGE...
      Rebuild a batch from photos or screenshots of the kiosk's QR stream, in any order; says which
      frames are still missing.
  ack --key PREFIX.key FILE [--png OUT.png]
      Print the LSK1 acknowledgement for a batch that opens with this key, and write it as a QR code
      (default FILE.ack.png) to show to the kiosk's camera.

Every command that reads a batch (verify, decrypt, to-fhir, to-csv, report, receive, ack) first checks
that the key trusted for its kiosk signed it, and refuses it otherwise (exit status 4). The trust store
is --trust-store FILE, or $LONGSTOP_TRUST_STORE, or $XDG_CONFIG_HOME/longstop/trusted-kiosks
(~/.config/longstop/trusted-kiosks).
Exit status: 0 fine, 1 a check failed, 2 bad usage or input, 3 trouble with files, 4 signer not trusted.
)";

}  // namespace

namespace {
using longstop::ctl::OptionKind;
using longstop::ctl::OptionSpec;
using namespace longstop::batchtool;

const std::vector<OptionSpec> kOptions = {
    {"help", OptionKind::kFlag},
    {"replace", OptionKind::kFlag},
    {"out"},
    {"from"},
    {"key"},
    {"png"},
    {"trust-store"},
    {"image"},
};

struct Command {
  const char* name;
  int (*run)(const Args&);
  std::set<std::string> options;  // which of kOptions it takes
};

int toFhir(const Args& a) {
  return cmdConvert(a, true);
}
int toCsv(const Args& a) {
  return cmdConvert(a, false);
}

const std::vector<Command> kCommands = {
    {"keygen", cmdKeygen, {"out"}},
    {"verify", cmdVerify, {"from", "trust-store"}},
    {"decrypt", cmdDecrypt, {"key", "out", "trust-store"}},
    {"to-fhir", toFhir, {"key", "out", "trust-store"}},
    {"to-csv", toCsv, {"key", "out", "trust-store"}},
    {"report", cmdReport, {"key", "trust-store"}},
    {"receive", cmdReceive, {"out", "trust-store"}},
    {"ack", cmdAck, {"key", "png", "trust-store"}},
    {"trust", cmdTrust, {"trust-store", "image", "replace"}},
};

// A usage error: the reason, then where to look; exit status 2.
int badUsage(const std::string& message) {
  std::fprintf(
      stderr,
      "longstop-batch: %s\nusage: longstop-batch COMMAND [options]; `longstop-batch --help` lists them.\n",
      message.c_str());
  return longstop::ctl::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  if (!longstop::crypto::initialise()) {
    std::fputs("longstop-batch: libsodium could not start on this machine.\n", stderr);
    return 3;
  }
  auto args = longstop::ctl::parseArgs(argc, argv, kOptions);
  if (!args.ok()) return badUsage(args.error().message);
  if (args->has("help") || args->words.empty()) {
    std::fputs(kUsage, args->has("help") ? stdout : stderr);
    return args->has("help") ? 0 : 2;
  }
  const std::string& cmd = args->words.front();
  for (const Command& c : kCommands) {
    if (cmd != c.name) continue;
    if (auto s = longstop::ctl::onlyOptions(*args, cmd, c.options); !s.ok())
      return badUsage(s.error().message);
    return c.run(*args);
  }
  return usage("Unknown command '" + cmd + "'; run `longstop-batch --help` for the list.");
}
