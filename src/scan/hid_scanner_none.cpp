// Built when the `hid_scanner` feature is off (no libevdev): a configured scanner is reported once as
// unusable, in words, and never yields a scan. No thread is started.
#include "scan/hid_scanner.h"

namespace longstop::scan {

HidScanner::HidScanner(std::string device, DeviceReporter reporter)
    : device_(std::move(device)), watch_(device_, std::move(reporter)) {
  watch_.failed(0, "The barcode scanner " + device_ +
                       " cannot be used: this kiosk was built without USB barcode-scanner support.");
}

HidScanner::~HidScanner() = default;

std::optional<std::string> HidScanner::poll() {
  return std::nullopt;
}

void HidScanner::run() {}

}  // namespace longstop::scan
