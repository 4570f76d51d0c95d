// "Hold your code up to the camera": waits for a scanned code (the scanner delivers it to the flow),
// showing what the camera sees with a square to aim the code at.
#pragma once

#include <imgui.h>

#include "ui/chrome.h"

namespace longstop::ui {

enum class ScanIntent { kNone, kBack, kStartAgain };

/// What the camera can show; the app fills it in, the screen only draws it.
struct CameraView {
  bool available = false;         // a camera is in use and has not been reported missing
  bool faulty = false;            // a camera is configured but reported missing: say so
  bool reader = false;            // a working camera or a hand scanner: a code can be read at all
  ImTextureID picture = nullptr;  // the newest frame, grayscale, as the camera sees it; null: none yet
  int width = 0, height = 0;      // the picture's size in pixels
};

/// Draws the screen; `pictureAt`, when given, is set to where the camera's picture was drawn (an
/// empty rectangle when none was).
ScanIntent drawScan(const CameraView& camera, Rect* pictureAt = nullptr);

}  // namespace longstop::ui
