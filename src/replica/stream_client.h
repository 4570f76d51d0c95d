// The narrow interface to JetStream that the outbox and the pullers use; the only file that includes
// libnats is stream_client.cpp. One client is one connection to one device's nats-server, used by one
// thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace longstop::replica {

struct StoredMessage {
  uint64_t streamSeq = 0;
  std::string data;
};

class StreamClient {
 public:
  virtual ~StreamClient() = default;
  /// Creates the stream on `subject` (file storage, one replica, messages up to `maxMessageBytes`) or
  /// leaves the one that is there.
  virtual core::Status ensureStream(std::string_view stream, std::string_view subject,
                                    int32_t maxMessageBytes) = 0;
  /// Publishes with a Nats-Msg-Id and waits for JetStream's acknowledgement; returns the stream
  /// sequence (a duplicate within the server's window returns the sequence first given).
  virtual core::Result<uint64_t> publish(std::string_view subject, std::string_view msgId,
                                         std::string_view data) = 0;
  /// Publishes without waiting for an acknowledgement and without a message ID (tests plant bytes).
  virtual core::Status publishRaw(std::string_view subject, std::string_view data) = 0;
  /// The message at `seq`, nullopt when the stream has none there (beyond its end).
  virtual core::Result<std::optional<StoredMessage>> get(std::string_view stream, uint64_t seq) = 0;
  /// Calls `ring` (on libnats's thread) whenever a message is published on `subject`: a doorbell, so a
  /// puller need not poll a quiet peer often. At most one watch per client.
  virtual core::Status watch(std::string_view subject, std::function<void()> ring) = 0;
  /// The stream's last sequence (0 when empty).
  virtual core::Result<uint64_t> lastSeq(std::string_view stream) = 0;
  /// Sends a plain NATS request (no stream) and waits up to `timeoutMs` for its one reply.
  /// kNotFound when nothing answers on `subject`, kStorage when the connection fails or time runs out.
  virtual core::Result<std::string> request(std::string_view subject, std::string_view data,
                                            int64_t timeoutMs) = 0;
  /// Replies to every request on `subject` with `answer(request)`, called on libnats's thread one
  /// request at a time, until this client goes. At most one per client.
  virtual core::Status answer(std::string_view subject,
                              std::function<std::string(std::string_view)> answer) = 0;
  /// False once the server has closed the connection (it stopped or restarted).
  virtual bool connected() = 0;
};

/// Connects to `url` (nats://host:port), giving up after `timeoutMs`; no automatic reconnection (the
/// replicator reconnects on its own schedule).
core::Result<std::unique_ptr<StreamClient>> connectNats(const std::string& url, int64_t timeoutMs);

}  // namespace longstop::replica
