#include "replica/server_process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>

namespace longstop::replica {
namespace fs = std::filesystem;
namespace {

bool accepts(const std::string& host, int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = ::inet_pton(AF_INET, host.c_str(), &addr.sin_addr) == 1 &&
                  ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

// The program's path, looked up on PATH here, before the fork: the child calls only what is safe
// between fork and exec in a process with threads.
std::string onPath(const std::string& program) {
  if (program.find('/') != std::string::npos) return program;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  for (;;) {
    const size_t colon = dirs.find(':', start);
    const std::string dir =
        dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string::npos) return "";
    start = colon + 1;
  }
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string serverConfigText(const ServerConfig& c) {
  std::string out;
  out += "server_name: " + quoted("longstop-" + c.deviceId) + "\n";
  out += "listen: " + quoted(c.host + ":" + std::to_string(c.port)) + "\n";
  out += "max_payload: 1048576\n";
  out += "log_file: " + quoted((c.dataDir / "nats" / "server.log").string()) + "\n";
  out += "jetstream {\n  store_dir: " + quoted((c.dataDir / "nats").string()) +
         "\n  max_memory_store: 67108864\n  max_file_store: 1073741824\n}\n";
  return out;
}

ServerProcess::~ServerProcess() {
  stop();
}

std::string ServerProcess::url() const {
  return "nats://" + config_.host + ":" + std::to_string(config_.port);
}

core::Status ServerProcess::start(int64_t timeoutMs) {
  if (running()) return core::okStatus();
  std::error_code ec;
  fs::create_directories(config_.dataDir / "nats", ec);
  if (ec)
    return core::storageError("Could not create " + (config_.dataDir / "nats").string() + ": " +
                              ec.message());
  const fs::path conf = config_.dataDir / "nats" / "server.conf";
  {
    std::ofstream out(conf, std::ios::trunc);
    out << serverConfigText(config_);
    if (!out) return core::storageError("Could not write " + conf.string());
  }
  std::string program = config_.program, flag = "-c", confText = conf.string();
  const std::string path = onPath(program);
  if (path.empty()) return core::storageError("Could not start " + program + ": it is not installed.");
  char* argv[] = {program.data(), flag.data(), confText.data(), nullptr};
  // The server goes when the thread that started it goes, however that happens (kill -9 of this
  // process above all): an orphaned server would hold the port and the store, and the next run of
  // this device could not start its own.
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) return core::storageError("Could not start " + program + ": " + std::strerror(errno));
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(127);  // the parent went before the line above
    ::execv(path.c_str(), argv);
    ::_exit(127);
  }
  pid_ = pid;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return core::storageError(program + " stopped as it started (see its output); is the port " +
                                std::to_string(config_.port) + " in use?");
    }
    if (accepts(config_.host, config_.port)) return core::okStatus();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill();
  return core::storageError(program + " did not answer on " + url() + " in time.");
}

void ServerProcess::signalAndWait(int sig) {
  if (pid_ <= 0) return;
  ::kill(pid_, sig);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

bool ServerProcess::alive() {
  if (pid_ <= 0) return false;
  int status = 0;
  const pid_t r = ::waitpid(pid_, &status, WNOHANG);
  if (r == pid_ || (r < 0 && errno == ECHILD)) pid_ = -1;
  return pid_ > 0;
}

void ServerProcess::stop() {
  signalAndWait(SIGTERM);
}
void ServerProcess::kill() {
  signalAndWait(SIGKILL);
}

core::Result<int> freePort(const std::string& host) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return core::storageError(std::string("socket: ") + std::strerror(errno));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1 ||
      ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    return core::storageError("Could not find a free port on " + host + ": " + why);
  }
  ::close(fd);
  return static_cast<int>(ntohs(addr.sin_port));
}

}  // namespace longstop::replica
