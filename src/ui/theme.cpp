#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

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
// Latin with the extensions UK names need (Łukasz, Zoë, Ó Briain), plus punctuation and arrows.
const ImWchar* glyphRanges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1
      0x0100, 0x017F,  // Latin Extended-A
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
