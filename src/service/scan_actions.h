// What a scanned text is and whether to trust it: the kind of code, its MAC checked against this site,
// and a sentence for the person holding it. The screens decide what to do with each kind; they call
// classifyScan() for every text a ScanDebouncer lets through.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/payload.h"

namespace longstop::service {

class Site;

/// Whether a code can be acted on here.
///  kValid: well-formed and, where it has one, its MAC was made with this site's key (tickets,
///    appointment codes) or its site and device are ours (batch acknowledgements; their signature is
///    checked when the batch is marked received). A staff card is valid when well-formed: its secret is
///    checked at sign-in with the PIN. An NHS number is valid when its check digit is right.
///  kInvalid: damaged, not ours, or forged: do nothing with it except say so.
///  kNotChecked: well-formed, but no site was given to check it against (longstopctl without --data).
enum class ScanValidity { kValid, kInvalid, kNotChecked };

std::string_view scanValidityName(ScanValidity v);  // "valid", "invalid", "not checked"

struct ScanOutcome {
  core::PayloadKind kind = core::PayloadKind::kUnknown;  // what it claims to be, even when invalid
  ScanValidity validity = ScanValidity::kInvalid;
  std::optional<core::Payload> payload;  // set when well-formed
  std::string message;                   // one sentence for the person at the kiosk
};

/// Classifies and checks a scanned text against `site`. Never throws; any bytes are safe.
ScanOutcome classifyScan(const Site& site, std::string_view text);
/// The same without a site: well-formed codes come back kNotChecked.
ScanOutcome classifyScanUnchecked(std::string_view text);

/// Ignores a repeated read of the same text: a code held in front of the camera is read many times a
/// second, and a patient may scan twice. A text is let through when it has not been seen in the last
/// `windowMs` (every sighting, let through or not, restarts its window).
class ScanDebouncer {
 public:
  explicit ScanDebouncer(const core::Clock& clock, int64_t windowMs = 3000)
      : clock_(clock), windowMs_(windowMs) {}
  /// True when the text should be acted on.
  bool accept(std::string_view text);
  /// Forgets everything seen (e.g. when the screen changes and a fresh scan should count).
  void clear() { lastSeen_.clear(); }

 private:
  const core::Clock& clock_;
  int64_t windowMs_;
  std::map<std::string, int64_t, std::less<>> lastSeen_;  // text -> last sighting (unix ms)
};

}  // namespace longstop::service
