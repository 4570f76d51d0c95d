// The one way Longstop makes a QR code: libqrencode's symbol as a module matrix, at error correction M.
// The screens draw it (ui/qr_code.h), the batch tools render it as a picture (exporter/qr_image.h) and the
// synthetic camera scenes print it (scan/synthetic_scene.h); none of them calls libqrencode itself.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace longstop::qr {

struct Matrix {
  int size = 0;               // modules per side
  int version = 0;            // 1-40
  std::vector<uint8_t> dark;  // size*size, row-major, 1 = dark
  bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

/// kBytes: everything in 8-bit mode (a ticket, whatever bytes it holds). kSmallest: the smallest mix of
/// numeric, alphanumeric and 8-bit segments, so that upper-case letters, digits and `:/` take far fewer
/// modules (the batch frames and trust codes); a text holding a NUL byte falls back to kBytes.
enum class Segments { kBytes, kSmallest };

/// Fails (kInvalidInput) when the text does not fit one QR code.
core::Result<Matrix> encode(std::string_view text, Segments segments);

}  // namespace longstop::qr
