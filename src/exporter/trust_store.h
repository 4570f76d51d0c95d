// The receiving PC's trust store: the kiosks whose batches it accepts, each pinned to the signing key
// its trust code (device_code.h) gave at first contact. A batch's own `signer` line proves only that
// whoever made it held some key; the pin is what says the key is the kiosk's. The text, one kiosk a
// line, in the order they were added:
//   # comment lines and empty lines
//   LSD1:<ods>:<device>:<key>:<check> <added, UTC: YYYY-MM-DDTHH:MM:SSZ>
// Pure text in and out: the tool reads and writes the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "exporter/batch_file.h"
#include "exporter/device_code.h"

namespace longstop::exporter {

struct TrustedDevice {
  DeviceCode code;
  std::string addedUtc;  // 2026-12-02T20:54:06Z
};

struct TrustStore {
  std::vector<TrustedDevice> devices;
  /// The pin for a kiosk, or nullptr.
  const TrustedDevice* find(std::string_view odsCode, std::string_view deviceId) const;
};

/// Reads the store's text. A line that is not a comment, empty, or a valid code and time, and a kiosk
/// listed twice, are refused (kInvalidInput) with "line N: ..." so nothing is ever silently dropped.
core::Result<TrustStore> parseTrustStore(std::string_view text);
/// The text parseTrustStore reads back, with a comment saying what the file is.
std::string formatTrustStore(const TrustStore& store);

enum class AddOutcome { kAdded, kAlreadyTrusted, kReplaced };
/// Pins `code`'s key for its kiosk. A different key already pinned for it is refused (kConflict, with a
/// sentence) unless `replace`; the same key again changes nothing.
core::Result<AddOutcome> addTrusted(TrustStore& store, const DeviceCode& code, std::string addedUtc,
                                    bool replace);
/// Unpins a kiosk (kNotFound when it is not there).
core::Status removeTrusted(TrustStore& store, std::string_view odsCode, std::string_view deviceId);

/// Whether the key pinned for the batch's kiosk signed it (the signature itself is readBatchFile's
/// check). A kiosk not in the store, or another key, is kUnauthorised with a sentence for a person
/// saying what to compare on the kiosk's admin screen and what to run.
core::Status checkSigner(const TrustStore& store, const BatchHeader& header);

}  // namespace longstop::exporter
