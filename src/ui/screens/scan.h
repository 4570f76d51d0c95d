// "Hold your code up to the camera": waits for a scanned code (the scanner delivers it to the flow).
#pragma once

namespace longstop::ui {

enum class ScanIntent { kNone, kBack, kStartAgain };

ScanIntent drawScan();

}  // namespace longstop::ui
