// QR codes drawn with libqrencode: the module matrix is made once per ticket and drawn as filled
// rectangles at a whole number of pixels per module, so the code stays sharp for a phone's camera.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/result.h"

namespace longstop::ui {

struct QrMatrix {
  int size = 0;               // modules per side
  std::vector<uint8_t> dark;  // size*size, row-major, 1 = dark
  bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

/// Encodes `text` (8-bit mode, error correction level M). Fails only if libqrencode does.
core::Result<QrMatrix> encodeQr(const std::string& text);

/// Encodes `text` in the smallest mix of numeric, alphanumeric and 8-bit segments (level M): a text of
/// upper-case letters, digits and `:/` takes far fewer modules than in 8-bit mode.
core::Result<QrMatrix> encodeQrText(const std::string& text);

/// The side in pixels the code takes (with its 4-module quiet zone) when fitted into `maxSide`.
float qrSide(const QrMatrix& m, float maxSide);
/// Draws the code with its white quiet zone, top-left at `topLeft`, as large as fits `maxSide`.
void drawQr(const QrMatrix& m, ImVec2 topLeft, float maxSide);

}  // namespace longstop::ui
