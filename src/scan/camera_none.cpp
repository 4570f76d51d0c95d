// Built when the `camera` feature is off (no libturbojpeg or no V4L2 headers): the camera "device"
// refuses to open with a sentence, so the kiosk reports it once like an unplugged camera and offers
// only the barcode scanner or typed details.
#include "scan/camera_source.h"

namespace longstop::scan {
namespace {

class NoCamera final : public RawCapture {
 public:
  core::Status open(const CameraConfig& config) override {
    return core::invalidInput("The camera " + config.device +
                              " cannot be used: this kiosk was built without camera support.");
  }
  void close() override {}
  core::Result<int> read(RawFrame&, int) override {
    return core::invalidInput("This kiosk was built without camera support.");
  }
};

}  // namespace

std::unique_ptr<RawCapture> makeV4l2Capture() {
  return std::make_unique<NoCamera>();
}

}  // namespace longstop::scan
