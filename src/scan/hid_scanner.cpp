#include "scan/hid_scanner.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include <libevdev/libevdev.h>

#include "scan/key_burst.h"

namespace longstop::scan {
namespace {

constexpr int kRetryMs = 2000;
constexpr size_t kMaxWaiting = 8;

int64_t monotonicMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// An open, grabbed device; closes and ungrabs when it goes.
struct OpenDevice {
  int fd = -1;
  libevdev* dev = nullptr;
  ~OpenDevice() {
    if (dev != nullptr) {
      libevdev_grab(dev, LIBEVDEV_UNGRAB);
      libevdev_free(dev);
    }
    if (fd >= 0) ::close(fd);
  }
};

std::string openDevice(const std::string& path, OpenDevice& d) {
  d.fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (d.fd < 0) return "The barcode scanner " + path + " is not connected (" + std::strerror(errno) + ").";
  if (libevdev_new_from_fd(d.fd, &d.dev) < 0) return "The device " + path + " is not an input device.";
  if (!libevdev_has_event_type(d.dev, EV_KEY)) return "The device " + path + " does not send keys.";
  if (libevdev_grab(d.dev, LIBEVDEV_GRAB) < 0)
    return "The barcode scanner " + path + " is in use by another program.";
  return {};
}

}  // namespace

HidScanner::HidScanner(std::string device, DeviceReporter reporter)
    : wakeFd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
      device_(std::move(device)),
      watch_(device_, std::move(reporter), kRetryMs),
      thread_([this] { run(); }) {}

HidScanner::~HidScanner() {
  const uint64_t one = 1;
  if (::write(wakeFd_, &one, sizeof one) < 0) { /* the thread still ends at its next timeout */
  }
  thread_.join();
  ::close(wakeFd_);
}

std::optional<std::string> HidScanner::poll() {
  std::lock_guard lock(mutex_);
  if (scans_.empty()) return std::nullopt;
  std::string s = std::move(scans_.front());
  scans_.pop_front();
  return s;
}

void HidScanner::run() {
  KeyBurstAssembler burst;
  for (;;) {
    OpenDevice d;
    if (watch_.shouldTry(monotonicMs())) {
      const std::string why = openDevice(device_, d);
      if (why.empty())
        watch_.opened(monotonicMs());
      else
        watch_.failed(monotonicMs(), why + " Scanning with it is off until it works.");
    }
    const bool open = watch_.available();
    burst.reset();
    while (true) {
      pollfd fds[2] = {{wakeFd_, POLLIN, 0}, {open ? d.fd : -1, POLLIN, 0}};
      const int n = ::poll(fds, 2, open ? -1 : kRetryMs);
      if (fds[0].revents) return;
      if (!open) break;  // time to retry opening
      if (n < 0 && errno == EINTR) continue;
      if (fds[1].revents & (POLLERR | POLLHUP | POLLNVAL)) {
        watch_.failed(monotonicMs(), "The barcode scanner " + device_ + " was unplugged.");
        break;
      }
      input_event ev{};
      int rc = 0;
      while ((rc = libevdev_next_event(d.dev, LIBEVDEV_READ_FLAG_NORMAL, &ev)) >= 0) {
        if (rc == LIBEVDEV_READ_STATUS_SYNC) continue;  // dropped events: the burst is unreliable
        if (auto text = burst.feed(ev)) {
          std::lock_guard lock(mutex_);
          if (scans_.size() >= kMaxWaiting) scans_.pop_front();
          scans_.push_back(std::move(*text));
        }
      }
      if (rc != -EAGAIN) {
        watch_.failed(monotonicMs(), "The barcode scanner " + device_ + " was unplugged.");
        break;
      }
    }
  }
}

}  // namespace longstop::scan
