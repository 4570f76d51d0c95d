#include "print/port.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace longstop::print {
namespace {

int64_t steadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string openError(const std::string& printer, int err) {
  switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
      return "There is no ticket printer at " + printer + ": is it plugged in and switched on?";
    case EACCES:
    case EPERM:
      return "The kiosk may not use the ticket printer " + printer + " (permission denied).";
    case EBUSY:
      return "The ticket printer " + printer + " is in use by another program.";
    default:
      return "The ticket printer " + printer + " cannot be opened (" + std::strerror(err) + ").";
  }
}

// "tcp:HOST:PORT" connected without blocking past the deadline.
core::Status connectTcp(const std::string& printer, Fd& out, int64_t deadline) {
  const std::string rest = printer.substr(4);
  const size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size())
    return core::invalidInput("A network printer is written tcp:HOST:PORT, e.g. tcp:192.168.1.50:9100.");
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(rest.substr(0, colon).c_str(), rest.substr(colon + 1).c_str(), &hints, &found) != 0 ||
      !found)
    return core::notFound("The network printer " + printer + " cannot be found.");
  out.fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  const int rc = out.fd < 0 ? -1 : ::connect(out.fd, found->ai_addr, found->ai_addrlen);
  const int err = errno;
  ::freeaddrinfo(found);
  if (out.fd < 0) return core::internalError("No socket for the network printer.");
  if (rc != 0 && err != EINPROGRESS) return core::notFound(openError(printer, ENXIO));
  pollfd p{out.fd, POLLOUT, 0};
  const int left = static_cast<int>(std::max<int64_t>(0, deadline - steadyMs()));
  int soErr = 0;
  socklen_t len = sizeof soErr;
  if (::poll(&p, 1, left) != 1 || ::getsockopt(out.fd, SOL_SOCKET, SO_ERROR, &soErr, &len) != 0 || soErr != 0)
    return core::notFound(openError(printer, ENXIO));
  return core::okStatus();
}

}  // namespace

core::Status sendJob(const std::string& printer, std::string_view bytes, int timeoutMs) {
  const int64_t deadline = steadyMs() + timeoutMs;
  Fd f;
  if (printer.rfind("tcp:", 0) == 0) {
    if (auto s = connectTcp(printer, f, deadline); !s.ok()) return s;
  } else {
    f.fd = ::open(printer.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (f.fd < 0) return core::notFound(openError(printer, errno));
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::write(f.fd, bytes.data() + sent, bytes.size() - sent);
    if (n > 0) {
      sent += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN) {
      return core::storageError("The ticket printer " + printer + " refused the ticket (" +
                                std::strerror(errno) + "): check its paper and cover.");
    }
    pollfd p{f.fd, POLLOUT, 0};
    const int64_t left = deadline - steadyMs();
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) != 1 || (p.revents & (POLLERR | POLLHUP)))
      return core::storageError("The ticket printer " + printer +
                                " stopped taking the ticket: check its paper and cover, and that it is on.");
  }
  return core::okStatus();
}

}  // namespace longstop::print
