// The bytes of one event on the wire: a JSON object carrying everything the receiver needs to check it
// against its origin's chain and signature (store::SiteEvent), binary fields in hex. The transport is
// not trusted: decoding only parses and bounds; replica/apply.h decides what is accepted.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/site_log.h"

namespace longstop::replica {

/// The largest event message a device accepts (a check-in with its sealed details is under 2 KiB).
inline constexpr size_t kMaxEventBytes = 64 * 1024;

std::string encodeEvent(const store::SiteEvent& e);
/// kInvalidInput for anything that is not one well-formed event of at most kMaxEventBytes.
core::Result<store::SiteEvent> decodeEvent(std::string_view bytes);

/// `ls.<site>.<device>.ev`: the subject a device publishes its events on.
std::string eventSubject(std::string_view siteId, std::string_view deviceId);
/// `LS_<device>`: the device's own stream.
std::string streamName(std::string_view deviceId);
/// `<device>-<seq>`: the Nats-Msg-Id that makes a republished event a duplicate.
std::string messageId(std::string_view deviceId, int64_t seq);

}  // namespace longstop::replica
