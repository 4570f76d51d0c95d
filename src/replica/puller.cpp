#include "replica/puller.h"

#include "replica/wire.h"

namespace longstop::replica {

core::Result<ApplyReport> Puller::pullOnce(int64_t nowMs, int batch) {
  auto cursor = store::peerCursor(db_, peer_.deviceId);
  if (!cursor.ok()) return cursor.error();
  const std::string stream = streamName(peer_.deviceId);
  auto last = client_.lastSeq(stream);
  if (!last.ok()) return last.error();
  std::vector<StoredMessage> messages;
  for (uint64_t seq = static_cast<uint64_t>(cursor.value()) + 1;
       seq <= last.value() && messages.size() < static_cast<size_t>(batch); ++seq) {
    auto m = client_.get(stream, seq);
    if (!m.ok()) return m.error();
    if (m.value()) messages.push_back(std::move(*m.value()));
  }
  if (messages.empty()) return ApplyReport{0, 0, 0, static_cast<uint64_t>(cursor.value())};
  return applyMessages(db_, peer_, messages, nowMs);
}

}  // namespace longstop::replica
