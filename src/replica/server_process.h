// This device's own nats-server, run as a child process (for a person's run, `longstopctl site serve`
// and the tests; the appliance runs the same configuration from a systemd unit): JetStream with its file
// store inside the data directory, listening on one address only. The only file here that touches
// processes is server_process.cpp. The server is stopped by the kernel when the thread that started it
// ends, so a device killed with SIGKILL leaves no server behind to hold its port and store.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/result.h"

namespace longstop::replica {

struct ServerConfig {
  std::filesystem::path dataDir;  // the site's data directory; the store goes in <dataDir>/nats
  std::string host = "127.0.0.1";
  int port = 0;
  std::string deviceId;  // names the server
  std::string program = "nats-server";
};

/// The text of the server's configuration file.
std::string serverConfigText(const ServerConfig& config);

class ServerProcess {
 public:
  explicit ServerProcess(ServerConfig config) : config_(std::move(config)) {}
  ~ServerProcess();  // stops the server
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  /// Writes the configuration, starts the server (it gets SIGTERM when the calling thread ends) and waits (up
  /// to `timeoutMs`) until it accepts connections. kStorage when it cannot be started or does not answer.
  core::Status start(int64_t timeoutMs = 20000);
  /// SIGTERM and wait for it: JetStream closes its files.
  void stop();
  /// SIGKILL and wait for it: as a power cut would leave the store.
  void kill();
  bool running() const { return pid_ > 0; }
  /// Whether the child is still there: reaps it (and forgets it) when it has died, e.g. by SIGKILL from
  /// outside or a crash; running() is false from then on.
  bool alive();
  /// The child's process ID, -1 when none (tests kill it from outside, as a crash would).
  pid_t pid() const { return pid_; }
  std::string url() const;
  const ServerConfig& config() const { return config_; }

 private:
  void signalAndWait(int sig);
  ServerConfig config_;
  pid_t pid_ = -1;
};

/// A TCP port on `host` that nothing listens on at this moment (the kernel's choice).
core::Result<int> freePort(const std::string& host);

}  // namespace longstop::replica
