// QR codes on screen: the module matrix (qr::encode) is made once per ticket and drawn as filled
// rectangles at a whole number of pixels per module, so the code stays sharp for a phone's camera.
#pragma once

#include <imgui.h>

#include "qr/encode.h"

namespace longstop::ui {

using QrMatrix = qr::Matrix;  // made with qr::encode

/// The side in pixels the code takes (with its 4-module quiet zone) when fitted into `maxSide`.
float qrSide(const QrMatrix& m, float maxSide);
/// Draws the code with its white quiet zone, top-left at `topLeft`, as large as fits `maxSide`.
void drawQr(const QrMatrix& m, ImVec2 topLeft, float maxSide);

}  // namespace longstop::ui
