// The payload of a batch before it is sealed: the FHIR Bundle and the CSV, packed into one compressed
// blob. Layout before compression: "LSPAYLOAD1\n", then for each part "<name> <length>\n<bytes>".
// Stored as an 8-byte little-endian uncompressed length followed by the zlib stream.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace longstop::exporter {

struct Payload {
  std::string bundleJson;   // bundle.json
  std::string checkinsCsv;  // checkins.csv
};

std::string packPayload(const Payload& p);
/// Refuses anything malformed, and anything that would unpack to more than kMaxPayloadBytes.
core::Result<Payload> unpackPayload(std::string_view packed);

inline constexpr size_t kMaxPayloadBytes = size_t{1} << 30;

}  // namespace longstop::exporter
