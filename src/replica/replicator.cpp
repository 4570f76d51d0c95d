#include "replica/replicator.h"

#include <algorithm>
#include <chrono>

#include "replica/outbox.h"
#include "replica/puller.h"
#include "replica/stream_client.h"
#include "replica/wire.h"
#include "store/database.h"
#include "store/site_log.h"
#include "store/site_tables.h"

namespace longstop::replica {
namespace {

int64_t wallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

core::Result<std::unique_ptr<store::Database>> openDb(const std::filesystem::path& path) {
  return store::Database::open(path, {});
}

}  // namespace

Replicator::Replicator(ReplicatorConfig config) : config_(std::move(config)) {}

Replicator::~Replicator() {
  stop();
}

core::Status Replicator::start() {
  auto db = openDb(config_.databasePath);
  if (!db.ok()) return db.error();
  auto device = store::getMeta(**db, "device_id");
  auto site = store::getMeta(**db, "ods_code");
  if (!device.ok() || !device.value() || !site.ok() || !site.value())
    return core::corrupt("The database names no device or site.");
  deviceId_ = *device.value();
  siteId_ = *site.value();
  stopping_ = false;
  threads_.emplace_back([this] { runOutbox(); });
  threads_.emplace_back([this] { watchRoster(); });
  return core::okStatus();
}

void Replicator::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  // The roster thread may add puller threads until it sees stopping_; it is joined first.
  for (size_t i = 0; i < threads_.size(); ++i)
    if (threads_[i].joinable()) threads_[i].join();
  threads_.clear();
  std::lock_guard<std::mutex> lock(mutex_);
  pulling_.clear();
}

void Replicator::wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

bool Replicator::sleepFor(int64_t ms) {
  std::unique_lock<std::mutex> lock(mutex_);
  wake_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping_.load() || woken_; });
  woken_ = false;
  return !stopping_;
}

void Replicator::setStatus(const LinkStatus& s) {
  std::lock_guard<std::mutex> lock(mutex_);
  status_[s.peer] = s;
}

std::vector<LinkStatus> Replicator::status() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<LinkStatus> out;
  for (const auto& [k, v] : status_) out.push_back(v);
  return out;
}

void Replicator::runOutbox() {
  LinkStatus st;
  auto db = openDb(config_.databasePath);
  if (!db.ok()) {
    st.lastError = db.error().message;
    return setStatus(st);
  }
  std::unique_ptr<StreamClient> client;
  std::unique_ptr<Outbox> outbox;
  while (!stopping_) {
    if (!client) {
      auto c = connectNats(config_.ownUrl, 1000);
      if (c.ok()) {
        client = std::move(c.value());
        outbox = std::make_unique<Outbox>(**db, *client, siteId_, deviceId_);
        if (auto s = outbox->start(); !s.ok()) {
          st.lastError = s.error().message;
          outbox.reset();
          client.reset();
        }
      } else {
        st.lastError = c.error().message;
      }
      st.connected = client != nullptr;
      setStatus(st);
      if (!client) {
        if (!sleepFor(config_.retryMs)) break;
        continue;
      }
    }
    auto n = outbox->publishPending();
    if (!n.ok()) {
      st.lastError = n.error().message;
      st.connected = false;
      outbox.reset();
      client.reset();
      setStatus(st);
      continue;
    }
    if (n.value() > 0) {
      st.moved += n.value();
      setStatus(st);
      continue;  // more may be waiting
    }
    if (!sleepFor(config_.pollMs)) break;
  }
}

void Replicator::runPuller(std::string peerId) {
  LinkStatus st;
  st.peer = peerId;
  auto db = openDb(config_.databasePath);
  if (!db.ok()) {
    st.lastError = db.error().message;
    return setStatus(st);
  }
  // The peer's doorbell rings on libnats's thread; this one sleeps until it does, or a second passes.
  struct Bell {
    std::mutex m;
    std::condition_variable cv;
    bool rung = false;
  };
  auto bell = std::make_shared<Bell>();
  auto wait = [&](int64_t ms) {
    std::unique_lock<std::mutex> lock(bell->m);
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!stopping_ && !bell->rung && std::chrono::steady_clock::now() < until)
      bell->cv.wait_for(lock, std::chrono::milliseconds(std::min<int64_t>(ms, 50)));
    bell->rung = false;
    return !stopping_.load();
  };
  std::unique_ptr<StreamClient> client;
  std::unique_ptr<Puller> puller;
  while (!stopping_) {
    if (!client) {
      auto peers = store::listPeers(**db);
      const store::PeerRow* peer = nullptr;
      if (peers.ok())
        for (const auto& p : peers.value())
          if (p.deviceId == peerId) peer = &p;
      if (peer) {
        auto c = connectNats(peer->address, 1000);
        if (c.ok()) {
          client = std::move(c.value());
          puller = std::make_unique<Puller>(**db, *client, *peer);
          (void)client->watch(eventSubject(siteId_, peerId), [bell] {
            std::lock_guard<std::mutex> lock(bell->m);
            bell->rung = true;
            bell->cv.notify_one();
          });
        } else {
          st.lastError = c.error().message;
        }
      }
      st.connected = client != nullptr;
      setStatus(st);
      if (!client) {
        if (!wait(config_.retryMs)) break;
        continue;
      }
    }
    auto r = puller->pullOnce(wallMs());
    if (!r.ok()) {
      st.lastError = r.error().message;
      st.connected = false;
      puller.reset();
      client.reset();
      setStatus(st);
      continue;
    }
    if (r->applied && config_.afterApply) config_.afterApply(**db);
    if (r->applied || r->refused || r->duplicates) {
      st.moved += r->applied;
      st.refused += r->refused;
      setStatus(st);
      continue;
    }
    if (!wait(config_.idlePollMs)) break;
  }
}

void Replicator::watchRoster() {
  auto db = openDb(config_.databasePath);
  if (!db.ok()) return;
  std::vector<std::thread> mine;
  while (!stopping_) {
    auto peers = store::listPeers(**db);
    if (peers.ok())
      for (const auto& p : peers.value()) {
        // A removed peer is still pulled, so that what it goes on writing is refused and reported.
        std::lock_guard<std::mutex> lock(mutex_);
        if (std::find(pulling_.begin(), pulling_.end(), p.deviceId) != pulling_.end()) continue;
        pulling_.push_back(p.deviceId);
        mine.emplace_back([this, id = p.deviceId] { runPuller(id); });
      }
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, std::chrono::milliseconds(1000), [this] { return stopping_.load(); });
  }
  for (auto& t : mine) t.join();
}

}  // namespace longstop::replica
