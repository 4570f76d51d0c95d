// Opening many check-ins' sealed details at once, as an export does. Each sealed box is one X25519 key
// agreement (about 40-65 µs on a PC, several times that on a Pi 4): for a batch of 10,000 that was the
// largest part of making it, so the boxes are opened on up to four cores.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/patient.h"
#include "service/site.h"

namespace longstop::service {

/// One record's sealed details and, once opened, what they hold.
struct DetailsToOpen {
  const std::string* sealed = nullptr;          // borrowed; null when the record has no details
  std::optional<core::PatientDetails> details;  // set when they opened and read as details
  bool damaged = false;                         // sealed, but would not open or did not read
};

/// Opens every item's sealed details with `secrets` (the current records key, then older ones). Items
/// are shared out between the calling thread and up to three others, each writing only its own items;
/// a thread that cannot be started leaves its share to the calling thread. `site` is only read.
void openDetails(const Site& site, const SiteSecrets& secrets, std::vector<DetailsToOpen>& items);

}  // namespace longstop::service
