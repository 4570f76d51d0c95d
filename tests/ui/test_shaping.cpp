// The text engine (src/text, drawn through src/ui/shaping) against HarfBuzz's own hb-shape: for every
// language the atlas cannot draw, each Welcome-screen label comes out as the same glyphs and clusters as
// hb-shape gives for the same font file, script, direction and language, and a wrong script, direction or
// font would not. Also: digits and ticket numbers stay left to right inside right-to-left text, lines break
// within their width, and the cache's textures (made by SDL's software renderer) are counted and freed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <SDL.h>

#include "text/shaper.h"
#include "ui/i18n.h"
#include "ui/shaping/sdl_textures.h"
#include "ui/shaping/text_cache.h"

using namespace longstop::ui;
using namespace longstop::text;
using namespace longstop::ui::shaping;

namespace {
struct Expected {
  const char* lang;
  const char* script;
  bool rtl;
  const char* font;
  unsigned index;
};
// Written out here, not taken from the engine: what each language must be shaped as.
constexpr const char* kNoto = "/usr/share/fonts/truetype/noto/";
const std::vector<Expected>& expectations() {
  static const std::vector<Expected> e = {
      {"ur", "Arab", true, "NotoNastaliqUrdu-Regular.ttf", 0},
      {"bn", "Beng", false, "NotoSansBengali-Regular.ttf", 0},
      {"pa", "Guru", false, "NotoSansGurmukhi-Regular.ttf", 0},
      {"pa_PK", "Arab", true, "NotoNastaliqUrdu-Regular.ttf", 0},
      {"ar", "Arab", true, "NotoSansArabic-Regular.ttf", 0},
      {"fa", "Arab", true, "NotoSansArabic-Regular.ttf", 0},
      {"gu", "Gujr", false, "NotoSansGujarati-Regular.ttf", 0},
      {"ta", "Taml", false, "NotoSansTamil-Regular.ttf", 0},
      {"zh_CN", "Hani", false, "", 2},
  };
  return e;
}

const char* const kWelcomeLabels[] = {
    "Welcome",
    "Check in for your appointment, or join the queue.",
    "Check in",
    "Larger text: on",
    "Larger text: off",
    "High contrast: on",
    "High contrast: off",
};

using Shaped = std::vector<std::pair<uint32_t, uint32_t>>;  // (glyph id, cluster) left to right

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf{};
  while (size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  pclose(p);
  return out;
}

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// hb-shape's "[12=0|34=2]" (glyph ids, UTF-8 byte clusters).
Shaped hbShape(const std::string& text, const std::string& font, unsigned index, const std::string& script,
               bool rtl, std::string lang) {
  for (char& c : lang)
    if (c == '_') c = '-';
  std::string out =
      run("hb-shape --no-glyph-names --no-positions --utf8-clusters --face-index=" + std::to_string(index) +
          " --script=" + script + " --direction=" + (rtl ? "rtl" : "ltr") + " --language=" + lang + " " +
          quoted(font) + " " + quoted(text) + " 2>&1");
  Shaped s;
  size_t pos = out.find('[');
  while (pos != std::string::npos && pos + 1 < out.size()) {
    unsigned g = 0, c = 0;
    if (std::sscanf(out.c_str() + pos + 1, "%u=%u", &g, &c) != 2) break;
    s.emplace_back(g, c);
    pos = out.find('|', pos + 1);
  }
  return s;
}

Shaped glyphsOf(const Line& line) {
  Shaped s;
  for (const Run& r : line.runs)
    for (const Glyph& g : r.glyphs) s.emplace_back(g.id, g.cluster);
  return s;
}
Shaped glyphsOf(const Run& r) {
  Shaped s;
  for (const Glyph& g : r.glyphs) s.emplace_back(g.id, g.cluster);
  return s;
}
}  // namespace

TEST_CASE("every Welcome label is shaped as hb-shape shapes it, in its script, direction and font") {
  REQUIRE(!run("command -v hb-shape").empty());  // libharfbuzz-bin
  Shaper shaper;
  for (const Expected& e : expectations()) {
    const std::string font = *e.font ? std::string(kNoto) + e.font
                                     : std::string("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    int wrongScriptDiffers = 0;
    for (const char* english : kWelcomeLabels) {
      const std::string label = trIn(e.lang, english);
      INFO(e.lang << ": " << label);
      REQUIRE(label != english);  // translated
      Style style;
      style.lang = e.lang;
      const Line line = shaper.shape(label, style);
      CHECK(line.rtl == e.rtl);
      CHECK_FALSE(line.missingGlyph);
      for (const Run& r : line.runs) {
        CHECK(r.face.path == font);
        CHECK(r.script == e.script);
      }
      const Shaped expected = hbShape(label, font, e.index, e.script, e.rtl, e.lang);
      REQUIRE(!expected.empty());
      CHECK(glyphsOf(line) == expected);

      // The comparison can fail: the wrong direction, font or script gives other glyphs.
      const float em = line.runs.front().emPx;
      if (expected.size() > 1)
        CHECK(glyphsOf(shaper.shapeRun(label, e.script, !e.rtl, {font, e.index}, e.lang, em)) != expected);
      const bool nastaliq = std::string(e.font).find("Nastaliq") != std::string::npos;
      const FontFace other{std::string(kNoto) + (!e.rtl     ? "NotoSansDevanagari-Regular.ttf"
                                                 : nastaliq ? "NotoSansArabic-Regular.ttf"
                                                            : "NotoNastaliqUrdu-Regular.ttf"),
                           0};
      CHECK(glyphsOf(shaper.shapeRun(label, e.script, e.rtl, other, e.lang, em)) != expected);
      // A word with no conjunct, joining or reordering may look the same in a wrong script; not all.
      if (glyphsOf(shaper.shapeRun(label, "Latn", e.rtl, {font, e.index}, e.lang, em)) != expected)
        ++wrongScriptDiffers;
    }
    INFO(e.lang);
    if (std::string(e.script) != "Hani")
      CHECK(wrongScriptDiffers > 0);  // Chinese: nothing to join or reorder
  }
}

TEST_CASE("digits, times and ticket numbers stay left to right inside right-to-left text") {
  Shaper shaper;
  Style style;
  style.lang = "ur";
  // "Please wait for: Room 12, ticket A-042 at 10:30" with the numbers in Latin digits, as printed.
  const std::string text =
      "\u0628\u0631\u0627\u06C1 \u06A9\u0631\u0645 12 A-042 10:30 \u0627\u0646\u062A\u0638\u0627\u0631";
  const Line line = shaper.shape(text, style);
  REQUIRE(line.rtl);
  // Left to right on screen: the last Urdu word, then the numbers in reading order, then the first word.
  std::vector<std::pair<float, uint32_t>> seen;  // (x, cluster)
  for (const Run& r : line.runs)
    for (const Glyph& g : r.glyphs) seen.emplace_back(g.x, g.cluster);
  std::string order;
  for (const auto& [x, cluster] : seen) {
    const char c = text[cluster];
    if ((c >= '0' && c <= '9') || c == ':' || c == '-' || c == 'A') order += c;
  }
  // Read from the right: "12", then "A-042 10:30" (the letter A joins the two into one left-to-right
  // stretch, Unicode's rule W7); each number itself reads left to right.
  CHECK(order == "A-04210:3012");
  // The first Urdu word is at the right end, the last at the left.
  CHECK(seen.front().second >= text.find("\u0627\u0646\u062A"));
  CHECK(seen.back().second == 0);
}

TEST_CASE("a date written with spaces reads left to right inside right-to-left text") {
  Shaper shaper;
  // "For example 07 03 1984" as the Arabic catalogue has it: three numbers, which Unicode's rules
  // alone would set right to left ("1984 03 07"); the date boxes above it read 07 03 1984.
  const std::string text = "\u0645\u062B\u0627\u0644: 07 03 1984";
  for (const char* lang : {"ar", "ur", "fa"}) {
    Style style;
    style.lang = lang;
    const Line line = shaper.shape(text, style);
    INFO(lang);
    REQUIRE(line.rtl);
    CHECK_FALSE(line.missingGlyph);
    std::vector<std::pair<float, uint32_t>> seen;  // (x, cluster)
    for (const Run& r : line.runs)
      for (const Glyph& g : r.glyphs) seen.emplace_back(g.x, g.cluster);
    std::sort(seen.begin(), seen.end());
    std::string digits;
    for (const auto& [x, cluster] : seen)
      if (text[cluster] >= '0' && text[cluster] <= '9') digits += text[cluster];
    CHECK(digits == "07031984");
  }
}

TEST_CASE("a line reads in its reader's direction even when it starts with a Latin word") {
  Shaper shaper;
  Style style;
  // "NHS number" in Urdu, as the catalogue has it: the Latin word comes first in reading order, so for
  // an Urdu reader it stands at the right; for an English reader the same text starts at the left.
  const std::string text = "NHS \u0646\u0645\u0628\u0631";
  const auto leftmostCluster = [&](const Line& line) {
    float x = 1e9f;
    uint32_t cluster = 0;
    for (const Run& r : line.runs)
      for (const Glyph& g : r.glyphs)
        if (g.x < x) x = g.x, cluster = g.cluster;
    return cluster;
  };
  style.lang = "ur";
  const Line urdu = shaper.shape(text, style);
  CHECK(urdu.rtl);
  CHECK(leftmostCluster(urdu) >= text.find("\u0646"));
  style.lang = "en";
  const Line english = shaper.shape(text, style);
  CHECK_FALSE(english.rtl);
  CHECK(leftmostCluster(english) == 0);
  // The language list's own entries keep reading left to right ("\u0627\u0631\u062F\u0648 - Urdu").
  style.lang = "ur";
  style.leftToRight = true;
  CHECK_FALSE(shaper.shape(text, style).rtl);
}

TEST_CASE("lines break at spaces (between Chinese characters too) within their width") {
  Shaper shaper;
  Style style;
  style.lang = "bn";
  const std::string text = trIn("bn", "Check in for your appointment, or join the queue.");
  const auto lines = shaper.breakLines(text, style, 300);
  REQUIRE(lines.size() >= 2);
  std::string joined;
  for (const auto& l : lines) {
    CHECK(shaper.shape(l, style).width <= 300.5f);
    joined += (joined.empty() ? "" : " ") + l;
  }
  CHECK(joined == text);
  style.lang = "zh_CN";
  const auto cjk = shaper.breakLines("\u6B22\u8FCE\u5149\u4E34\uFF0C\u8BF7\u7B7E\u5230", style, 100);
  REQUIRE(cjk.size() >= 2);
  for (const auto& l : cjk) CHECK(shaper.shape(l, style).width <= 100.5f);
  for (size_t i = 1; i < cjk.size(); ++i) CHECK(cjk[i].rfind("\uFF0C", 0) != 0);  // never starts a line
}

// SDL's real textures, with a record of each made and freed, in order: a freed texture's address can
// be handed out again by the next one made, so whether the cache freed a texture cannot be asked of
// the address alone.
struct RecordingMaker : TextureMaker {
  std::unique_ptr<TextureMaker> real;
  std::vector<std::pair<char, ImTextureID>>* log;  // 'm' made, 'f' freed
  ImTextureID make(const Bitmap& b) override {
    ImTextureID t = real->make(b);
    log->emplace_back('m', t);
    return t;
  }
  void destroy(ImTextureID t) override {
    log->emplace_back('f', t);
    real->destroy(t);
  }
};

TEST_CASE("the cache makes one texture per line with SDL's renderer, counts it and frees the oldest") {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
  REQUIRE(surface);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  REQUIRE(renderer);
  {
    TextCache cache(64 * 1024);
    std::vector<std::pair<char, ImTextureID>> log;
    auto maker = std::make_unique<RecordingMaker>();
    maker->real = sdlTextureMaker(renderer);
    maker->log = &log;
    cache.setTextureMaker(std::move(maker));
    Style style;
    style.lang = "ur";
    const CachedLine& a = cache.drawn(trIn("ur", "Welcome"), style, 1);
    REQUIRE(a.texture);
    CHECK(cache.isTextTexture(a.texture));
    CHECK(a.bytes == size_t(a.geometry.w) * size_t(a.geometry.h) * 4);
    CHECK(cache.textureBytes() == a.bytes);
    const ImTextureID first = a.texture;
    CHECK(cache.drawn(trIn("ur", "Welcome"), style, 2).texture == first);  // drawn once, kept
    CHECK(cache.textureBytes() == a.bytes);
    // Many lines over many frames: the budget holds, and what is still on screen keeps its texture.
    for (int i = 0; i < 200; ++i) cache.drawn(trIn("ur", "Welcome") + std::to_string(i), style, 10 + i);
    CHECK(cache.textureBytes() <= 64 * 1024);
    // The oldest line's texture was freed; the cache counts its address as text again only if a
    // later line's texture was given the same address and is still kept.
    REQUIRE(std::find(log.begin(), log.end(), std::make_pair('f', first)) != log.end());
    auto last = std::find_if(log.rbegin(), log.rend(), [&](const auto& e) { return e.second == first; });
    CHECK(cache.isTextTexture(first) == (last->first == 'm'));
    CHECK(cache.drawn(std::string(trIn("ur", "Welcome")) + "199", style, 210).texture);
  }
  SDL_DestroyRenderer(renderer);
  SDL_FreeSurface(surface);
}
