#include "replica/site_runner.h"

#include <charconv>

#include "store/database.h"
#include "store/site_log.h"
#include "store/site_tables.h"

namespace longstop::replica {

core::Result<std::pair<std::string, int>> parseListen(const std::string& text) {
  const auto colon = text.rfind(':');
  const std::string host = colon == std::string::npos ? "" : text.substr(0, colon);
  const std::string portText = colon == std::string::npos ? "" : text.substr(colon + 1);
  int port = 0;
  auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
  int dots = 0;
  bool digitsAndDots = !host.empty();
  for (char c : host) {
    dots += c == '.';
    digitsAndDots = digitsAndDots && ((c >= '0' && c <= '9') || c == '.');
  }
  if (colon == std::string::npos || !digitsAndDots || dots != 3 || ec != std::errc() ||
      end != portText.data() + portText.size() || port < 1 || port > 65535)
    return core::invalidInput("'" + text +
                              "' is not an address to listen on: give an IPv4 address and a port, "
                              "e.g. 10.0.0.2:4222, or none.");
  return std::make_pair(host, port);
}

core::Result<std::optional<SiteRunnerConfig>> siteRunnerConfig(const std::filesystem::path& dataDir,
                                                               const std::filesystem::path& databasePath,
                                                               bool evenAlone) {
  auto db = store::Database::open(databasePath, {.readOnly = true});
  if (!db.ok()) return db.error();
  auto device = store::getMeta(**db, "device_id");
  if (!device.ok()) return device.error();
  if (!device.value()) return core::corrupt("The database names no device.");
  auto listen = store::getMeta(**db, "site_listen");
  if (!listen.ok()) return listen.error();
  auto peers = store::listPeers(**db);
  if (!peers.ok()) return peers.error();
  bool anyPeer = evenAlone;
  for (const auto& p : peers.value()) anyPeer = anyPeer || !p.removedMs;
  const std::string where = listen.value().value_or("none");
  if (!anyPeer || where == "none") return std::optional<SiteRunnerConfig>();
  auto hostPort = parseListen(where);
  if (!hostPort.ok()) return hostPort.error();
  SiteRunnerConfig c;
  c.server = {dataDir, hostPort->first, hostPort->second, *device.value(), "nats-server"};
  c.databasePath = databasePath;
  return std::optional<SiteRunnerConfig>(std::move(c));
}

namespace {
ReplicatorConfig replicatorConfig(const SiteRunnerConfig& c) {
  ReplicatorConfig r;
  r.databasePath = c.databasePath;
  r.ownUrl = "nats://" + c.server.host + ":" + std::to_string(c.server.port);
  r.afterApply = c.afterApply;
  return r;
}
}  // namespace

SiteRunner::SiteRunner(SiteRunnerConfig config)
    : config_(std::move(config)), server_(config_.server), replicator_(replicatorConfig(config_)) {}

SiteRunner::~SiteRunner() {
  stop();
}

core::Status SiteRunner::start() {
  if (thread_.joinable()) return core::okStatus();
  if (auto s = replicator_.start(); !s.ok()) return s;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { run(); });
  return core::okStatus();
}

void SiteRunner::step(int64_t nowMs) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pendingStepMs_ = nowMs;
  }
  stepped_.notify_one();
}

void SiteRunner::wake() {
  replicator_.wake();
}

void SiteRunner::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  stepped_.notify_one();
  if (thread_.joinable()) thread_.join();
}

SiteRunner::Status SiteRunner::status() const {
  Status s;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    s = shown_;
  }
  s.links = replicator_.status();
  return s;
}

void SiteRunner::run() {
  ServerSupervisor supervisor(server_, config_.backoff);
  for (;;) {
    int64_t now = 0;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      stepped_.wait(lock, [this] { return stopping_ || pendingStepMs_.has_value(); });
      if (stopping_) break;
      now = *pendingStepMs_;
      pendingStepMs_.reset();
    }
    const auto step = supervisor.tick(now);
    std::lock_guard<std::mutex> lock(mutex_);
    shown_.serverRunning =
        step == ServerSupervisor::Step::kRunning || step == ServerSupervisor::Step::kRestarted;
    shown_.restarts = supervisor.restarts();
    shown_.lastError = supervisor.lastError();
  }
  // The server was started on this thread and is stopped here, after the replicator that uses it.
  replicator_.stop();
  server_.stop();
}

}  // namespace longstop::replica
