// The alternative to one texture per shaped line (docs/decisions.md, "Text in every script"): the
// same lines' glyphs placed in ImGui's font atlas beside the Latin glyphs it already holds. What that
// atlas would weigh and what building it would cost, measured on the lines the kiosk shaped in this
// run, against the line textures themselves.
#pragma once

#include <vector>

#include "stats.h"
#include "text/shaper.h"

namespace longstop::bench {

struct AtlasInput {
  std::vector<text::Line> lines;  // every shaped line the kiosk holds
  int atlasW = 0, atlasH = 0;     // ImGui's atlas as it is (the Latin fonts at their sizes)
  size_t lineTextureBytes = 0;    // what the line textures weigh
  double rebuildMs = 0;           // rebuilding ImGui's atlas as it is (what each new glyph would cost)
};

/// Adds the atlas_* figures: distinct glyphs, the atlas's bytes with them against without, their
/// bytes against the line textures', and the time to rasterize them against the time to draw the
/// lines whole (the work behind each approach's textures), both in this run.
void benchGlyphAtlas(const AtlasInput& in, Report& report);

}  // namespace longstop::bench
