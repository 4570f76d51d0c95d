#include "glyph_atlas_bench.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <tuple>

namespace longstop::bench {
namespace {

using Clock = std::chrono::steady_clock;

// A glyph as an atlas would hold it: one picture per face, size and glyph id (a line texture holds
// the same glyph again in every line it appears in).
using GlyphKey = std::tuple<std::string, unsigned, long, uint32_t>;  // path, face index, em in 1/64 px, id

// Shelf packing into rows `width` wide, one pixel apart as ImGui leaves them, under `startY`: the
// height used.
int packedHeight(std::vector<std::pair<int, int>> boxes, int width, int startY) {
  std::sort(boxes.begin(), boxes.end(), [](auto a, auto b) { return a.second > b.second; });
  int x = 0, y = startY, rowH = 0;
  for (const auto& [w, h] : boxes) {
    if (x + w + 1 > width) {
      y += rowH + 1;
      x = 0;
      rowH = 0;
    }
    x += w + 1;
    rowH = std::max(rowH, h);
  }
  return y + rowH;
}

// The height ImGui 1.86 gives its texture: the next power of two.
int powerOfTwo(int h) {
  int p = 1;
  while (p < h) p *= 2;
  return p;
}

}  // namespace

void benchGlyphAtlas(const AtlasInput& in, Report& report) {
  FT_Library ft = nullptr;
  if (FT_Init_FreeType(&ft) != 0) return;
  std::map<std::pair<std::string, unsigned>, FT_Face> faces;
  auto faceOf = [&](const text::FontFace& f) -> FT_Face {
    auto [it, added] = faces.try_emplace({f.path, f.index}, nullptr);
    if (added && FT_New_Face(ft, f.path.c_str(), static_cast<FT_Long>(f.index), &it->second) != 0)
      it->second = nullptr;
    return it->second;
  };
  std::map<GlyphKey, bool> glyphs;
  size_t placed = 0;  // glyph pictures in the line textures, counting repeats
  for (const text::Line& line : in.lines)
    for (const text::Run& run : line.runs)
      for (const text::Glyph& g : run.glyphs) {
        glyphs[{run.face.path, run.face.index, std::lround(run.emPx * 64), g.id}] = true;
        ++placed;
      }

  // The atlas's work: each distinct glyph rasterized once.
  std::vector<std::pair<int, int>> boxes;
  const auto t0 = Clock::now();
  for (const auto& [key, unused] : glyphs) {
    const auto& [path, index, em64, id] = key;
    FT_Face face = faceOf({path, index});
    if (!face) continue;
    FT_Set_Char_Size(face, 0, static_cast<FT_F26Dot6>(em64), 72, 72);
    if (FT_Load_Glyph(face, id, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT) != 0) continue;
    const FT_Bitmap& bm = face->glyph->bitmap;
    if (bm.width > 0 && bm.rows > 0) boxes.emplace_back(int(bm.width), int(bm.rows));
  }
  const double atlasMs = msSince(t0);

  // The line textures' work: every line drawn whole, glyph by glyph, as the cache does.
  text::Shaper shaper;
  const auto t1 = Clock::now();
  size_t lineBytes = 0;
  for (const text::Line& line : in.lines) {
    text::Style style;
    style.px = line.advance;
    lineBytes += shaper.render(line, style).alpha.size() * 4;  // RGBA, as SDL's renderer holds it
  }
  const double linesMs = msSince(t1);
  for (auto& [k, f] : faces)
    if (f) FT_Done_Face(f);
  FT_Done_FreeType(ft);

  // ImGui 1.86 uploads its atlas as RGBA, 4 bytes a pixel; the new glyphs go under the Latin ones
  // (packed as tightly as the rows allow, then rounded up as ImGui rounds its height).
  const int used = in.atlasW > 0 ? packedHeight(boxes, in.atlasW, in.atlasH) : 0;
  const double before = double(in.atlasW) * in.atlasH * 4, after = double(in.atlasW) * powerOfTwo(used) * 4;
  report.add("atlas_extra_kib_packed", double(in.atlasW) * (used - in.atlasH) * 4 / 1024);
  report.add("atlas_glyphs_distinct", double(glyphs.size()));
  report.add("atlas_glyphs_in_lines", double(placed));
  report.add("atlas_kib_latin_only", before / 1024);
  report.add("atlas_kib_with_shaped", after / 1024);
  report.add("atlas_extra_vs_line_textures",
             in.lineTextureBytes > 0 ? (after - before) / in.lineTextureBytes : 0);
  report.add("line_textures_kib_redrawn", lineBytes / 1024.0);
  report.add("atlas_raster_ms", atlasMs);
  report.add("line_raster_ms", linesMs);
  report.add("atlas_raster_vs_lines", linesMs > 0 ? atlasMs / linesMs : 0);
  // A new line costs one line's drawing; a new glyph in the atlas costs a rebuild of all of it.
  const double perLine = in.lines.empty() ? 0 : linesMs / double(in.lines.size());
  report.add("atlas_rebuild_ms", in.rebuildMs);
  report.add("atlas_rebuild_vs_one_line", perLine > 0 ? in.rebuildMs / perLine : 0);
}

}  // namespace longstop::bench
