// The tuned decoder runs up to four passes, cheapest first, and stops at the first code found:
//   1. full resolution as captured, fixed threshold (mid-grey), QR plus the linear formats a letter's
//      NHS-number barcode uses (Code 128, Code 39): about 0.5 ms, and reads a well-lit code of any size,
//      which is most of what a kiosk camera sees;
//   2. half resolution (2x2 averaged, which also halves sensor noise), contrast stretched when the frame
//      is dull, QR only, local-average binarizer: uneven light, busy scenes, noise;
//   3. full resolution, local-average binarizer, QR and linear: small codes in poor light;
//   4. half resolution inverted: light-on-dark codes (phone screens in dark mode), which ZXing 1.4
//      does not look for by itself.
// ZXing's own rotation and downscaling are off (QR finding is rotation-invariant; we downscale better
// ourselves), and tryHarder is off. The measurements behind these choices are in docs/scanning.md.
#include "scan/decoder.h"

#include <algorithm>
#include <array>

#include <ZXing/ReadBarcode.h>

namespace longstop::scan {
namespace {

constexpr int kMinStretchRange = 64;  // stretch at most 4x: more turns paper grain into edges

ZXing::ImageView viewOf(const GrayFrame& f) {
  return ZXing::ImageView(f.pixels.data(), f.width, f.height, ZXing::ImageFormat::Lum, f.stride);
}

// One pass: the first code (decode) or every code (decodeAll) ZXing finds with these settings.
using Codes = std::vector<DecodedCode>;
Codes read(const ZXing::ImageView& view, const ZXing::DecodeHints& hints, bool all) {
  Codes out;
  if (!all) {
    ZXing::Result r = ZXing::ReadBarcode(view, hints);
    if (r.isValid()) out.push_back({r.text(), ZXing::ToString(r.format())});
    return out;
  }
  for (const ZXing::Result& r : ZXing::ReadBarcodes(view, hints))
    if (r.isValid()) out.push_back({r.text(), ZXing::ToString(r.format())});
  return out;
}

// A lookup table that stretches the 1st..99th percentile (sampled) to 0..255, at most 4x, optionally
// inverting.
std::array<uint8_t, 256> stretchTable(const GrayFrame& in, bool invert) {
  std::array<uint32_t, 256> hist{};
  uint32_t n = 0;
  for (int y = 0; y < in.height; y += 4)
    for (int x = 0; x < in.width; x += 4, ++n) ++hist[in.at(x, y)];
  int lo = 0, hi = 255;
  for (uint32_t acc = 0; lo < 255 && acc + hist[lo] <= n / 100; ++lo) acc += hist[lo];
  for (uint32_t acc = 0; hi > lo && acc + hist[hi] <= n / 100; --hi) acc += hist[hi];
  int range = hi - lo;
  if (range < kMinStretchRange) {
    lo = std::max(0, lo - (kMinStretchRange - range) / 2);
    range = kMinStretchRange;
  }
  std::array<uint8_t, 256> lut{};
  for (int v = 0; v < 256; ++v) {
    const int s = std::clamp((v - lo) * 255 / range, 0, 255);
    lut[v] = static_cast<uint8_t>(invert ? 255 - s : s);
  }
  return lut;
}

// Half size, each pixel the mean of a 2x2 block, through the table.
void halve(const GrayFrame& in, const std::array<uint8_t, 256>& lut, GrayFrame& out) {
  out.resize(in.width / 2, in.height / 2);
  for (int y = 0; y < out.height; ++y) {
    const uint8_t* a = &in.pixels[static_cast<size_t>(2 * y) * in.stride];
    const uint8_t* b = a + in.stride;
    uint8_t* dst = &out.pixels[static_cast<size_t>(y) * out.stride];
    for (int x = 0; x < out.width; ++x)
      dst[x] = lut[(a[2 * x] + a[2 * x + 1] + b[2 * x] + b[2 * x + 1] + 2) >> 2];
  }
}

ZXing::DecodeHints hintsFor(ZXing::BarcodeFormats formats, ZXing::Binarizer binarizer) {
  ZXing::DecodeHints h;
  h.setFormats(formats).setTryHarder(false).setTryRotate(false).setTryDownscale(false).setBinarizer(
      binarizer);
  return h;
}

Codes decodeTuned(const GrayFrame& frame, bool all) {
  using ZXing::BarcodeFormat, ZXing::Binarizer;
  constexpr auto kQrAndLinear = BarcodeFormat::QRCode | BarcodeFormat::Code128 | BarcodeFormat::Code39;
  static const ZXing::DecodeHints fixedQrAndLinear = hintsFor(kQrAndLinear, Binarizer::FixedThreshold);
  static const ZXing::DecodeHints localQr = hintsFor(BarcodeFormat::QRCode, Binarizer::LocalAverage);
  static const ZXing::DecodeHints localQrAndLinear = hintsFor(kQrAndLinear, Binarizer::LocalAverage);
  if (auto r = read(viewOf(frame), fixedQrAndLinear, all); !r.empty()) return r;
  GrayFrame half;
  halve(frame, stretchTable(frame, false), half);
  if (auto r = read(viewOf(half), localQr, all); !r.empty()) return r;
  if (auto r = read(viewOf(frame), localQrAndLinear, all); !r.empty()) return r;
  halve(frame, stretchTable(frame, true), half);
  return read(viewOf(half), localQr, all);
}

}  // namespace

namespace {

Codes decodeFrame(const GrayFrame& frame, DecoderProfile profile, bool all) {
  if (frame.width < 2 || frame.height < 2 || frame.stride < frame.width ||
      frame.pixels.size() < static_cast<size_t>(frame.stride) * frame.height)
    return {};
  try {
    if (profile == DecoderProfile::kZxingDefault) return read(viewOf(frame), ZXing::DecodeHints(), all);
    return decodeTuned(frame, all);
  } catch (...) {  // ZXing throws only on broken preconditions; a frame is never worth a crash
    return {};
  }
}

}  // namespace

std::optional<DecodedCode> Decoder::decode(const GrayFrame& frame) const {
  Codes found = decodeFrame(frame, profile_, false);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<DecodedCode> Decoder::decodeAll(const GrayFrame& frame) const {
  return decodeFrame(frame, profile_, true);
}

}  // namespace longstop::scan
