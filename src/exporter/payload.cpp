#include "exporter/payload.h"

#include <zlib.h>

#include <charconv>

namespace longstop::exporter {
namespace {

constexpr std::string_view kMagic = "LSPAYLOAD1\n";

void addPart(std::string& out, std::string_view name, std::string_view bytes) {
  out += name;
  out += ' ';
  out += std::to_string(bytes.size());
  out += '\n';
  out += bytes;
}

// Reads "<name> <length>\n<bytes>" at `pos`; advances `pos`.
core::Result<std::string> takePart(std::string_view all, size_t& pos, std::string_view name) {
  const std::string_view rest = all.substr(pos);
  if (!rest.starts_with(name) || rest.size() <= name.size() || rest[name.size()] != ' ')
    return core::corrupt("The batch payload has no " + std::string(name) + " where one should be.");
  const size_t nl = rest.find('\n');
  if (nl == std::string_view::npos) return core::corrupt("The batch payload is cut short.");
  size_t len = 0;
  const char* b = rest.data() + name.size() + 1;
  auto [p, ec] = std::from_chars(b, rest.data() + nl, len);
  if (ec != std::errc() || p != rest.data() + nl || len > rest.size() - nl - 1)
    return core::corrupt("The batch payload's length for " + std::string(name) + " is wrong.");
  pos += nl + 1 + len;
  return std::string(rest.substr(nl + 1, len));
}

}  // namespace

std::string packPayload(const Payload& p) {
  std::string plain(kMagic);
  addPart(plain, "bundle.json", p.bundleJson);
  addPart(plain, "checkins.csv", p.checkinsCsv);
  uLongf bound = compressBound(static_cast<uLong>(plain.size()));
  std::string out(8 + bound, '\0');
  uint64_t n = plain.size();
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
  compress2(reinterpret_cast<Bytef*>(out.data() + 8), &bound, reinterpret_cast<const Bytef*>(plain.data()),
            static_cast<uLong>(plain.size()), 6);
  out.resize(8 + bound);
  return out;
}

core::Result<Payload> unpackPayload(std::string_view packed) {
  if (packed.size() < 8) return core::corrupt("The batch payload is too short to be one.");
  uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n |= static_cast<uint64_t>(static_cast<uint8_t>(packed[i])) << (8 * i);
  // zlib never compresses by more than about 1032:1, so a larger claim is a lie (and would be a large
  // allocation).
  const uint64_t maxForInput = (packed.size() - 8) * 1032 + 64;
  if (n > kMaxPayloadBytes || n > maxForInput || n < kMagic.size())
    return core::corrupt("The batch payload's size is not believable.");
  std::string plain(n, '\0');
  uLongf got = static_cast<uLongf>(n);
  if (uncompress(reinterpret_cast<Bytef*>(plain.data()), &got,
                 reinterpret_cast<const Bytef*>(packed.data() + 8),
                 static_cast<uLong>(packed.size() - 8)) != Z_OK ||
      got != n)
    return core::corrupt("The batch payload does not decompress; it is damaged.");
  if (!std::string_view(plain).starts_with(kMagic))
    return core::corrupt("The batch payload is not in a known format.");
  size_t pos = kMagic.size();
  Payload p;
  auto bundle = takePart(plain, pos, "bundle.json");
  if (!bundle.ok()) return bundle.error();
  auto csv = takePart(plain, pos, "checkins.csv");
  if (!csv.ok()) return csv.error();
  if (pos != plain.size()) return core::corrupt("The batch payload has bytes after its last part.");
  return Payload{std::move(bundle.value()), std::move(csv.value())};
}

}  // namespace longstop::exporter
