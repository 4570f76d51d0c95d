// A running device's side of joining (docs/site.md, "Joining"): whether it must answer join requests
// now (an invitation of its own still open), on which subject, and the answer itself made with a Site
// opened for the request. The kiosk program and `longstopctl site serve` both answer through this,
// each from a thread of their own transport (replica::JoinResponder).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace longstop::service {

struct JoinAnswering {
  bool invitationOpen = false;  // an invitation made here is unused and not past its expiry
  std::string subject;          // ls.<site>.<device>.join
};

/// Reads (only) what the data directory says about answering joins at `nowMs`. kCorrupt when the
/// database names no device.
core::Result<JoinAnswering> joinAnswering(const std::filesystem::path& dataDir, int64_t nowMs);

/// The reply to one join request: a Site of its own is opened on `dataDir` (its keys from the key
/// store, so a device locked since its restart refuses with the sentence that says so) and
/// service::answerJoinRequest answers. Any bytes are safe; a site that cannot be opened is a refusal.
std::string answerJoinOn(const std::filesystem::path& dataDir, const core::Clock& clock,
                         std::string_view request);

}  // namespace longstop::service
