#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

#include "ui/shaping/text_cache.h"

namespace longstop::ui {

Theme& theme() {
  static Theme t;
  return t;
}

float baseFontPx(int width, int height) {
  float scale = std::min(width / 1280.0f, height / 800.0f);
  return std::max(kMinimumFontPx, std::round(kReferenceFontPx * scale));
}

namespace {
// Latin with the extensions UK names and the shipped languages need (Łukasz, Zoë, Ó Briain; Welsh ŵ ŷ,
// Lithuanian ė ų, Romanian ș ț in Extended-B), plus punctuation and arrows. DejaVu Sans has them all;
// tests/ui/test_i18n_layout.cpp proves it for every character of every catalogue.
const ImWchar* glyphRanges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1
      0x0100, 0x017F,  // Latin Extended-A
      0x0180, 0x024F,  // Latin Extended-B (Romanian comma-below letters)
      0x2010, 0x2027,  // dashes, quotes, ellipsis
      0x2190, 0x2193,  // arrows
      0,
  };
  return kRanges;
}

ImFont* addFont(ImFontAtlas& atlas, const std::string& path, float px) {
  ImFontConfig cfg;
  cfg.OversampleH = 1;  // large sizes do not need oversampling; keeps the atlas small for the Pi
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  return atlas.AddFontFromFileTTF(path.c_str(), px, &cfg, glyphRanges());
}

ImFont* addDefault(ImFontAtlas& atlas, float px) {
  ImFontConfig cfg;
  cfg.SizePixels = px;
  return atlas.AddFontDefault(&cfg);
}
}  // namespace

core::Status loadFonts(ImFontAtlas& atlas, float basePx, const std::string& fontPath) {
  atlas.Clear();
  Fonts& f = theme().fonts;
  std::string bold = fontPath == kDefaultFontPath ? kDefaultBoldFontPath : fontPath;
  std::error_code ec;
  if (!std::filesystem::exists(fontPath, ec) || !std::filesystem::exists(bold, ec)) {
    f.body = addDefault(atlas, basePx);
    f.bodyLarger = addDefault(atlas, basePx * kLargerTextFactor);
    f.heading = addDefault(atlas, basePx * 1.3f);
    f.headingLarger = addDefault(atlas, basePx * 1.3f * kLargerTextFactor);
    f.huge = addDefault(atlas, basePx * 4.0f);
    return core::notFound("The font " + fontPath +
                          " is missing (install fonts-dejavu-core); using the built-in font instead.");
  }
  f.body = addFont(atlas, fontPath, basePx);
  f.bodyLarger = addFont(atlas, fontPath, basePx * kLargerTextFactor);
  f.heading = addFont(atlas, bold, basePx * 1.3f);
  f.headingLarger = addFont(atlas, bold, basePx * 1.3f * kLargerTextFactor);
  f.huge = addFont(atlas, bold, basePx * 4.0f);
  if (!f.body || !f.heading || !f.huge)
    return core::internalError("The font " + fontPath + " could not be read.");
  return core::okStatus();
}

ImU32 highContrastColour(ImU32 c) {
  using namespace colour;
  ImU32 alpha = c & IM_COL32_A_MASK;
  ImU32 opaque = c | IM_COL32_A_MASK;
  // Black 0, white 21:1 on black, yellow 19.6:1, cyan 16.7:1; black on yellow 19.6:1.
  constexpr ImU32 kBlack = rgb(0x000000), kWhite = rgb(0xFFFFFF), kHcYellow = rgb(0xFFFF00),
                  kCyan = rgb(0x00FFFF), kPink = rgb(0xFF9E9E), kDarkGrey = rgb(0x3A3A3A);
  ImU32 out;
  if (opaque == kBackground)
    out = kBlack;  // page, and text on dark fills
  else if (opaque == kText)
    out = kHcYellow;  // body text
  else if (opaque == kBlue)
    out = kHcYellow;  // primary fills, secondary text and edges
  else if (opaque == kDarkBlue)
    out = kWhite;  // top bar, selected fill
  else if (opaque == kPaleBlue)
    out = kBlack;  // key fills (their dark text turns yellow)
  else if (opaque == kRed || opaque == kDarkRed)
    out = kPink;
  else if (opaque == kGreyBorder)
    out = kWhite;
  else if (opaque == kDisabled)
    out = kDarkGrey;
  else if (opaque == kYellow)
    out = kCyan;  // the focus ring must differ from text
  else if (opaque == kQrDark || opaque == kQrLight)
    out = opaque;  // codes stay dark on light
  else {
    ImVec4 f = ImGui::ColorConvertU32ToFloat4(opaque);
    out = ImGui::ColorConvertFloat4ToU32(ImVec4(1 - f.x, 1 - f.y, 1 - f.z, 1));
  }
  return (out & ~IM_COL32_A_MASK) | alpha;
}

void applyHighContrast(ImDrawList* list) {
  if (!list) return;
  // Pictures (the camera's) keep their own colours: only what is drawn with the font atlas, or is a
  // shaped line of text (src/ui/shaping), is recoloured.
  const ImTextureID atlas = ImGui::GetIO().Fonts->TexID;
  std::vector<bool> picture;
  for (const ImDrawCmd& cmd : list->CmdBuffer) {
    if (cmd.TextureId == atlas || cmd.UserCallback || shaping::cache().isTextTexture(cmd.TextureId)) continue;
    picture.resize(static_cast<size_t>(list->VtxBuffer.Size), false);
    for (unsigned i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount; ++i)
      picture[cmd.VtxOffset + list->IdxBuffer[static_cast<int>(i)]] = true;
  }
  for (int i = 0; i < list->VtxBuffer.Size; ++i)
    if (picture.empty() || !picture[static_cast<size_t>(i)])
      list->VtxBuffer[i].col = highContrastColour(list->VtxBuffer[i].col);
}

void applyStyle(float basePx) {
  theme().basePx = basePx;
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.WindowRounding = 0;
  style.FramePadding = ImVec2(basePx * 0.3f, basePx * 0.2f);
  style.ItemSpacing = ImVec2(basePx * 0.3f, basePx * 0.3f);
  style.FrameRounding = basePx * 0.2f;
  style.ScrollbarSize = basePx * 0.8f;
  style.TouchExtraPadding = ImVec2(0, 0);
  style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colour::kBackground);
  style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colour::kText);
  ImGui::GetStyle() = style;
}

}  // namespace longstop::ui
