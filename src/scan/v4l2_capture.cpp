// The V4L2 camera: memory-mapped streaming, MJPEG or YUYV at the configured size. read() hands out the
// newest filled buffer and gives the older ones straight back to the driver, so nothing stale is decoded.
#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "scan/camera_source.h"

namespace longstop::scan {
namespace {

int xioctl(int fd, unsigned long request, void* arg) {
  int r;
  do r = ::ioctl(fd, request, arg);
  while (r == -1 && errno == EINTR);
  return r;
}

class V4l2Capture final : public RawCapture {
 public:
  ~V4l2Capture() override { close(); }

  core::Status open(const CameraConfig& config) override {
    close();
    device_ = config.device;
    fd_ = ::open(config.device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) return fail("is not connected (" + std::string(std::strerror(errno)) + ")");
    v4l2_capability cap{};
    if (xioctl(fd_, VIDIOC_QUERYCAP, &cap) != 0 || !(cap.device_caps & V4L2_CAP_VIDEO_CAPTURE) ||
        !(cap.device_caps & V4L2_CAP_STREAMING))
      return fail("is not a camera that can stream");
    if (!setFormat(config)) return fail("offers neither MJPEG nor YUYV frames");
    if (!mapBuffers()) return fail("would not share its frame buffers");
    v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(fd_, VIDIOC_STREAMON, &type) != 0) return fail("would not start streaming");
    return core::okStatus();
  }

  void close() override {
    if (fd_ < 0) return;
    v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    xioctl(fd_, VIDIOC_STREAMOFF, &type);
    for (auto& b : buffers_) ::munmap(b.first, b.second);
    buffers_.clear();
    ::close(fd_);
    fd_ = -1;
    held_ = -1;
  }

  core::Result<int> read(RawFrame& out, int timeoutMs) override {
    if (fd_ < 0) return core::notFound("The camera " + device_ + " is not open.");
    requeueHeld();
    pollfd p{fd_, POLLIN, 0};
    const int n = ::poll(&p, 1, timeoutMs);
    if (n == 0) return 0;
    if (n < 0 || (p.revents & (POLLERR | POLLHUP | POLLNVAL)))
      return core::notFound("The camera " + device_ + " was unplugged or stopped working.");
    // Take every filled buffer; keep the newest, give the rest back.
    v4l2_buffer buf{};
    bool any = false;
    for (;;) {
      v4l2_buffer b{};
      b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      b.memory = V4L2_MEMORY_MMAP;
      if (xioctl(fd_, VIDIOC_DQBUF, &b) != 0) {
        if (errno == EAGAIN) break;
        return core::notFound("The camera " + device_ + " was unplugged or stopped working.");
      }
      if (any) xioctl(fd_, VIDIOC_QBUF, &buf);
      buf = b;
      any = true;
    }
    if (!any) return 0;
    held_ = static_cast<int>(buf.index);
    out = RawFrame{
        pixelFormat_, width_, height_, bytesPerLine_, static_cast<const uint8_t*>(buffers_[buf.index].first),
        buf.bytesused};
    return 1;
  }

 private:
  core::Status fail(const std::string& what) {
    const std::string message =
        "The camera " + device_ + " " + what + "; scanning with it is off until it works.";
    close();
    return core::notFound(message);
  }

  bool setFormat(const CameraConfig& config) {
    const uint32_t order[2] = {
        config.preferMjpeg ? uint32_t{V4L2_PIX_FMT_MJPEG} : uint32_t{V4L2_PIX_FMT_YUYV},
        config.preferMjpeg ? uint32_t{V4L2_PIX_FMT_YUYV} : uint32_t{V4L2_PIX_FMT_MJPEG}};
    for (uint32_t format : order) {
      v4l2_format f{};
      f.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      f.fmt.pix.width = static_cast<uint32_t>(config.width);
      f.fmt.pix.height = static_cast<uint32_t>(config.height);
      f.fmt.pix.pixelformat = format;
      f.fmt.pix.field = V4L2_FIELD_NONE;
      if (xioctl(fd_, VIDIOC_S_FMT, &f) == 0 && f.fmt.pix.pixelformat == format) {
        pixelFormat_ = format;
        width_ = static_cast<int>(f.fmt.pix.width);  // the driver may pick the nearest size it has
        height_ = static_cast<int>(f.fmt.pix.height);
        bytesPerLine_ = static_cast<int>(f.fmt.pix.bytesperline);
        return true;
      }
    }
    return false;
  }

  bool mapBuffers() {
    v4l2_requestbuffers req{};
    req.count = 4;
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    if (xioctl(fd_, VIDIOC_REQBUFS, &req) != 0 || req.count < 2) return false;
    for (uint32_t i = 0; i < req.count; ++i) {
      v4l2_buffer b{};
      b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      b.memory = V4L2_MEMORY_MMAP;
      b.index = i;
      if (xioctl(fd_, VIDIOC_QUERYBUF, &b) != 0) return false;
      void* p = ::mmap(nullptr, b.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, b.m.offset);
      if (p == MAP_FAILED) return false;
      buffers_.emplace_back(p, b.length);
      if (xioctl(fd_, VIDIOC_QBUF, &b) != 0) return false;
    }
    return true;
  }

  void requeueHeld() {
    if (held_ < 0) return;
    v4l2_buffer b{};
    b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    b.memory = V4L2_MEMORY_MMAP;
    b.index = static_cast<uint32_t>(held_);
    xioctl(fd_, VIDIOC_QBUF, &b);
    held_ = -1;
  }

  std::string device_;
  int fd_ = -1;
  int held_ = -1;  // the buffer handed out by the last read(), given back on the next
  std::vector<std::pair<void*, size_t>> buffers_;
  uint32_t pixelFormat_ = 0;
  int width_ = 0, height_ = 0, bytesPerLine_ = 0;
};

}  // namespace

std::unique_ptr<RawCapture> makeV4l2Capture() {
  return std::make_unique<V4l2Capture>();
}

}  // namespace longstop::scan
