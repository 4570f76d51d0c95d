#include "print/port.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
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

// The job's own limit (none when timeoutMs is -1) and the caller's cancel signal.
struct Limits {
  int64_t deadline = -1;
  const CancelSignal* cancel = nullptr;
  /// Milliseconds left, capped at `cap` (-1: no cap); -1 means wait without end.
  int left(int cap = -1) const {
    int64_t l = deadline < 0 ? -1 : std::max<int64_t>(0, deadline - steadyMs());
    if (cap >= 0) l = l < 0 ? cap : std::min<int64_t>(l, cap);
    return static_cast<int>(l);
  }
};

enum class Wait { kReady, kTimeout, kCancelled, kHangUp };

Wait waitFor(int fd, short events, const Limits& lim, int cap = -1) {
  for (;;) {
    pollfd p[2] = {{fd, events, 0}, {lim.cancel ? lim.cancel->fd() : -1, POLLIN, 0}};
    const int n = ::poll(p, lim.cancel ? 2 : 1, lim.left(cap));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Wait::kHangUp;
    if (lim.cancel && (p[1].revents & POLLIN)) return Wait::kCancelled;
    if (n == 0) return Wait::kTimeout;
    if (p[0].revents & events) return Wait::kReady;
    return Wait::kHangUp;
  }
}

JobOutcome openError(const std::string& printer, int err) {
  switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
    case ECONNREFUSED:
      return {Fault::kAbsent,
              "There is no ticket printer at " + printer + ": is it plugged in and switched on?"};
    case EACCES:
    case EPERM:
      return {Fault::kNotAllowed,
              "The kiosk may not use the ticket printer " + printer + " (permission denied)."};
    case EBUSY:
      return {Fault::kBusy, "The ticket printer " + printer + " is in use by another program."};
    default:
      return {Fault::kAbsent,
              "The ticket printer " + printer + " cannot be opened (" + std::strerror(err) + ")."};
  }
}

JobOutcome stopped(const std::string& printer) {
  return {Fault::kStopped, "The ticket printer " + printer +
                               " stopped taking the ticket: check its paper and cover, and that it is on."};
}

// "tcp:HOST:PORT" connected without blocking past the limits.
JobOutcome connectTcp(const std::string& printer, Fd& out, const Limits& lim) {
  const std::string rest = printer.substr(4);
  const size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size())
    return {Fault::kSetting, "A network printer is written tcp:HOST:PORT, e.g. tcp:192.168.1.50:9100."};
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(rest.substr(0, colon).c_str(), rest.substr(colon + 1).c_str(), &hints, &found) != 0 ||
      !found)
    return {Fault::kAbsent, "The network printer " + printer + " cannot be found."};
  out.fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  // A small send buffer (no autotuning): a printer that stops reading shows as one within a ticket,
  // instead of the kernel taking megabytes on its behalf and calling the job sent.
  const int sendBuffer = 16 * 1024;
  if (out.fd >= 0) (void)::setsockopt(out.fd, SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer);
  const int rc = out.fd < 0 ? -1 : ::connect(out.fd, found->ai_addr, found->ai_addrlen);
  const int err = errno;
  ::freeaddrinfo(found);
  if (out.fd < 0) return {Fault::kAbsent, "No socket for the network printer " + printer + "."};
  if (rc != 0 && err != EINPROGRESS) return openError(printer, ENXIO);
  const Wait w = waitFor(out.fd, POLLOUT, lim);
  if (w == Wait::kCancelled) return stopped(printer);
  int soErr = 0;
  socklen_t len = sizeof soErr;
  if (w != Wait::kReady || ::getsockopt(out.fd, SOL_SOCKET, SO_ERROR, &soErr, &len) != 0 || soErr != 0)
    return openError(printer, ENXIO);
  return {};
}

// A device path opened for writing; a character device (a USB printer) for reading too where it
// allows, so it can answer DLE EOT. FIFOs and files only take bytes.
JobOutcome openDevice(const std::string& printer, Fd& out, bool& canAnswer) {
  out.fd = ::open(printer.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (out.fd < 0) return openError(printer, errno);
  struct stat st {};
  if (::fstat(out.fd, &st) == 0 && S_ISCHR(st.st_mode)) {
    const int both = ::open(printer.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (both >= 0) {
      ::close(out.fd);
      out.fd = both;
      canAnswer = true;
    }
  }
  return {};
}

JobOutcome writeAll(int fd, bool socket, std::string_view bytes, const std::string& printer,
                    const Limits& lim) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    if (lim.cancel && lim.cancel->raised()) return stopped(printer);
    const ssize_t n = socket ? ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL)
                             : ::write(fd, bytes.data() + sent, bytes.size() - sent);
    if (n > 0) {
      sent += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN) {
      return {Fault::kRefused, "The ticket printer " + printer + " refused the ticket (" +
                                   std::strerror(errno) + "): check its paper and cover."};
    }
    if (waitFor(fd, POLLOUT, lim) != Wait::kReady) return stopped(printer);
  }
  return {};
}

// Asks for statuses `which` in turn. Unset when the printer does not answer the first, or answers
// something that is not an ESC/POS status byte (then it is not asked again).
std::optional<PrinterStatus> askStatus(int fd, bool socket, const std::string& printer,
                                       std::initializer_list<int> which, const Limits& lim,
                                       JobOutcome& failed) {
  char stale[64];
  for (int i = 0; i < 4 && ::read(fd, stale, sizeof stale) > 0; ++i) {
  }
  PrinterStatus status;
  bool any = false;
  for (int n : which) {
    if (JobOutcome w = writeAll(fd, socket, statusRequest(n), printer, lim); !w.ok()) {
      failed = w;
      return std::nullopt;
    }
    const Wait w = waitFor(fd, POLLIN, lim, kStatusAnswerMs);
    if (w == Wait::kCancelled) {
      failed = stopped(printer);
      return std::nullopt;
    }
    uint8_t b = 0;
    if (w != Wait::kReady || ::read(fd, &b, 1) != 1 || !readStatusByte(n, b, status).ok()) break;
    any = true;
  }
  if (!any) return std::nullopt;
  return status;
}

JobOutcome faultOutcome(const PrinterStatus& s, const std::string& printer) {
  const Fault f = faultOf(s);
  if (f == Fault::kNone) return {};
  return {f, describeFault(s).value_or("The ticket printer " + printer + " cannot print.")};
}

}  // namespace

CancelSignal::CancelSignal() : fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

CancelSignal::~CancelSignal() {
  if (fd_ >= 0) ::close(fd_);
}

void CancelSignal::raise() {
  const uint64_t one = 1;
  (void)!::write(fd_, &one, sizeof one);
}

void CancelSignal::clear() {
  uint64_t v = 0;
  (void)!::read(fd_, &v, sizeof v);
}

bool CancelSignal::raised() const {
  pollfd p{fd_, POLLIN, 0};
  return ::poll(&p, 1, 0) == 1;
}

JobOutcome deliver(const std::string& printer, std::string_view bytes, const SendOptions& o,
                   std::optional<PrinterStatus>* status) {
  Limits lim{o.timeoutMs < 0 ? -1 : steadyMs() + o.timeoutMs, o.cancel};
  if (status) status->reset();
  Fd f;
  const bool socket = printer.rfind("tcp:", 0) == 0;
  bool canAnswer = socket;
  if (JobOutcome opened = socket ? connectTcp(printer, f, lim) : openDevice(printer, f, canAnswer);
      !opened.ok())
    return opened;
  std::optional<PrinterStatus> before;
  if (o.askStatus && canAnswer) {
    JobOutcome failed;
    before = askStatus(f.fd, socket, printer, {1, 2, 3, 4}, lim, failed);
    if (!failed.ok()) return failed;
    if (status) *status = before;
    // Paper out or a cover open would lose the ticket: it is not sent, and the patient is told so.
    if (before)
      if (JobOutcome fault = faultOutcome(*before, printer); !fault.ok()) return fault;
  }
  if (JobOutcome sent = writeAll(f.fd, socket, bytes, printer, lim); !sent.ok()) return sent;
  if (before) {
    // Asked again once the ticket is in: paper that ran out or a cover opened during it.
    JobOutcome failed;
    auto after = askStatus(f.fd, socket, printer, {2, 4}, lim, failed);
    if (!failed.ok()) return failed;
    if (after) {
      if (status) *status = after;
      if (JobOutcome fault = faultOutcome(*after, printer); !fault.ok()) {
        fault.message = "The ticket may not have printed whole. " + fault.message;
        return fault;
      }
    }
  }
  return {};
}

core::Status sendJob(const std::string& printer, std::string_view bytes, int timeoutMs) {
  SendOptions o;
  o.timeoutMs = timeoutMs;
  o.askStatus = false;
  const JobOutcome out = deliver(printer, bytes, o);
  if (out.ok()) return core::okStatus();
  if (out.fault == Fault::kSetting) return core::invalidInput(out.message);
  if (out.fault == Fault::kAbsent || out.fault == Fault::kNotAllowed || out.fault == Fault::kBusy)
    return core::notFound(out.message);
  return core::storageError(out.message);
}

}  // namespace longstop::print
