#include "qr/encode.h"

#include <qrencode.h>

#include <memory>
#include <string>

namespace longstop::qr {

core::Result<Matrix> encode(std::string_view text, Segments segments) {
  const std::string s(text);
  const bool bytes = segments == Segments::kBytes || s.find('\0') != std::string::npos;
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      bytes ? QRcode_encodeData(static_cast<int>(s.size()), reinterpret_cast<const unsigned char*>(s.data()),
                                0, QR_ECLEVEL_M)
            : QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
      &QRcode_free);
  if (!code)
    return core::invalidInput("The text is too long for one QR code (" + std::to_string(s.size()) +
                              " characters).");
  Matrix m{code->width, code->version, std::vector<uint8_t>(static_cast<size_t>(code->width) * code->width)};
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
  return m;
}

}  // namespace longstop::qr
