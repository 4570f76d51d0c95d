#include "replica/outbox.h"

#include <nlohmann/json.hpp>

#include "crypto/primitives.h"
#include "replica/wire.h"
#include "store/site_log.h"

namespace longstop::replica {
namespace {

// A check-in's or edit's sealed details travel with it while they are still the ones its data names
// (a later edit replaces them in the checkins table; that edit then carries them).
core::Status attachSealed(store::Database& db, store::SiteEvent& e) {
  if (e.event.kind != "checkin" && e.event.kind != "edit") return core::okStatus();
  auto j = nlohmann::json::parse(e.event.data, nullptr, false);
  if (!j.is_object() || !j.contains("sealed_sha256")) return core::okStatus();
  auto sealed = store::sealedOf(db, e.event.recordId);
  if (!sealed.ok()) return sealed.error();
  if (!sealed.value()) return core::okStatus();
  const auto h = crypto::sha256(*sealed.value());
  if (j.value("sealed_sha256", "") ==
      crypto::toHex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size())))
    e.sealed = *sealed.value();
  return core::okStatus();
}

}  // namespace

Outbox::Outbox(store::Database& db, StreamClient& client, std::string siteId, std::string deviceId)
    : db_(db),
      client_(client),
      siteId_(std::move(siteId)),
      deviceId_(std::move(deviceId)),
      subject_(eventSubject(siteId_, deviceId_)),
      stream_(streamName(deviceId_)) {}

core::Status Outbox::start() {
  if (auto s = client_.ensureStream(stream_, subject_, 1024 * 1024); !s.ok()) return s;
  auto last = client_.lastSeq(stream_);
  if (!last.ok()) return last.error();
  published_ = 0;
  // The newest message that is one of ours says how far we got (planted bytes say nothing).
  for (uint64_t seq = last.value(); seq > 0; --seq) {
    auto m = client_.get(stream_, seq);
    if (!m.ok()) return m.error();
    if (!m.value()) continue;
    auto e = decodeEvent(m.value()->data);
    if (e.ok() && e->origin == deviceId_) {
      published_ = e->originSeq;
      break;
    }
  }
  return core::okStatus();
}

core::Result<int> Outbox::publishPending(int limit) {
  auto events = store::ownEventsAfter(db_, deviceId_, published_, limit);
  if (!events.ok()) return events.error();
  int n = 0;
  for (auto& e : events.value()) {
    if (auto s = attachSealed(db_, e); !s.ok()) return s.error();
    auto seq = client_.publish(subject_, messageId(deviceId_, e.originSeq), encodeEvent(e));
    if (!seq.ok()) return seq.error();
    published_ = e.originSeq;
    ++n;
  }
  return n;
}

}  // namespace longstop::replica
