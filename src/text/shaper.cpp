#include "text/shaper.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include <fribidi.h>
#include <hb-ot.h>
#include <hb.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "core/utf8.h"

namespace longstop::text {
namespace {

// One open face: HarfBuzz's view of the file for shaping, FreeType's for drawing.
struct Face {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  FT_Face ft = nullptr;
  float upem = 1000;
  float ascender = 800, descender = -200;  // font units, from the OS/2 or hhea table
  ~Face() {
    if (ft) FT_Done_Face(ft);
    if (font) hb_font_destroy(font);
    if (face) hb_face_destroy(face);
    if (blob) hb_blob_destroy(blob);
  }
  /// The em in pixels that makes the line box (ascender to descender) `px` tall, as ImGui sizes fonts;
  /// a face whose box is far taller than its letters (Nastaliq's, 2.5 em) is given kMinEm instead, its
  /// baseline where DejaVu Sans has it, and its tall strokes reach past the box.
  float emFor(float px) const { return std::max(px * kMinEm, px * upem / boxUnits()); }
  float ascentFor(float px) const { return tall() ? px * kLatinAscent : px * ascender / boxUnits(); }
  float boxUnits() const { return std::max(1.0f, ascender - descender); }
  bool tall() const { return upem / boxUnits() < kMinEm; }
  static constexpr float kMinEm = 0.75f;
  static constexpr float kLatinAscent = 0.8f;  // DejaVu Sans: 1901 of 2384 units
};

// A decoded paragraph: code points with the byte offset each starts at.
struct Decoded {
  std::u32string cps;
  std::vector<uint32_t> at;  // at[i]: byte offset of cps[i]; at[n]: the text's length
};

Decoded decode(std::string_view s) {
  Decoded d;
  size_t pos = 0;
  while (pos < s.size()) {
    d.at.push_back(static_cast<uint32_t>(pos));
    int32_t c = core::nextCodePoint(s, pos);
    d.cps.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  d.at.push_back(static_cast<uint32_t>(s.size()));
  return d;
}

std::string scriptTag(hb_script_t s) {
  char tag[5] = {};
  hb_tag_to_string(hb_script_to_iso15924_tag(s), tag);
  return tag;
}

// Lines of Nastaliq need more room between them than the box: its words climb above it.
constexpr float kTallLineAdvance = 1.45f;

bool isCommon(hb_script_t s) {
  return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
}

// A script for every code point: common ones (spaces, digits, punctuation) and marks take the script of
// the letters before them (at the start, of the first letter after).
std::vector<hb_script_t> scriptsOf(const std::u32string& cps) {
  hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
  std::vector<hb_script_t> out(cps.size(), HB_SCRIPT_LATIN);
  hb_script_t last = HB_SCRIPT_INVALID;
  for (size_t i = 0; i < cps.size(); ++i) {
    hb_script_t s = hb_unicode_script(uf, cps[i]);
    if (!isCommon(s)) last = s;
    out[i] = isCommon(s) ? last : s;
  }
  hb_script_t next = HB_SCRIPT_LATIN;
  for (size_t i = cps.size(); i-- > 0;) {
    if (out[i] == HB_SCRIPT_INVALID)
      out[i] = next;
    else
      next = out[i];
  }
  return out;
}

hb_language_t hbLanguage(std::string_view lang) {
  std::string tag(lang);
  std::replace(tag.begin(), tag.end(), '_', '-');
  return hb_language_from_string(tag.c_str(), -1);
}

// Chinese text has no spaces: a line may break between two ideographs, but not before closing
// punctuation.
bool isCjk(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}
bool closesCjk(char32_t c) {
  return std::u32string_view(U"\uFF0C\u3002\uFF01\uFF1F\u3001\uFF1A\uFF1B\uFF09\u300D\u300F").find(c) !=
         std::u32string_view::npos;
}
}  // namespace

bool isRtlLanguage(std::string_view lang) {
  return lang == "ur" || lang == "ar" || lang == "fa" || lang == "pa_PK" || lang == "he";
}

struct Shaper::Impl {
  FT_Library ft = nullptr;
  hb_buffer_t* buf = nullptr;
  std::map<std::pair<std::string, unsigned>, std::unique_ptr<Face>> faces;

  Impl() {
    FT_Init_FreeType(&ft);
    buf = hb_buffer_create();
  }
  ~Impl() {
    faces.clear();
    hb_buffer_destroy(buf);
    if (ft) FT_Done_FreeType(ft);
  }

  // The face, opened on first use; null when the file is missing or unreadable.
  Face* open(const FontFace& f) {
    auto key = std::make_pair(f.path, f.index);
    auto it = faces.find(key);
    if (it != faces.end()) return it->second.get();
    auto face = std::make_unique<Face>();
    face->blob = hb_blob_create_from_file_or_fail(f.path.c_str());
    if (face->blob) {
      face->face = hb_face_create(face->blob, f.index);
      face->font = hb_font_create(face->face);
      face->upem = static_cast<float>(hb_face_get_upem(face->face));
      hb_position_t asc = 0, desc = 0;
      if (hb_ot_metrics_get_position(face->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc) &&
          hb_ot_metrics_get_position(face->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc) &&
          asc > desc) {
        face->ascender = static_cast<float>(asc);
        face->descender = static_cast<float>(desc);
      }
      if (ft && FT_New_Face(ft, f.path.c_str(), f.index, &face->ft) != 0) face->ft = nullptr;
    }
    Face* raw = face->blob && face->ft ? face.get() : nullptr;
    faces.emplace(key, raw ? std::move(face) : nullptr);
    return raw;
  }

  bool covers(Face* f, char32_t c) {
    hb_codepoint_t g = 0;
    return f && hb_font_get_nominal_glyph(f->font, c, &g);
  }

  // Shapes bytes [from, to) of `text` (clusters stay offsets into the whole text).
  Run shapeBytes(std::string_view text, uint32_t from, uint32_t to, hb_script_t script, bool rtl,
                 const FontFace& ff, Face* face, std::string_view lang, float emPx) {
    Run run;
    run.face = ff;
    run.script = scriptTag(script);
    run.rtl = rtl;
    run.emPx = emPx;
    if (!face) return run;
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), from, static_cast<int>(to - from));
    hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, script);
    hb_buffer_set_language(buf, hbLanguage(lang));
    const int scale = static_cast<int>(std::lround(emPx * 64));
    hb_font_set_scale(face->font, scale, scale);
    hb_shape(face->font, buf, nullptr, 0);
    unsigned n = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
    float pen = 0;
    for (unsigned i = 0; i < n; ++i) {
      run.glyphs.push_back(
          {info[i].codepoint, info[i].cluster, pen + pos[i].x_offset / 64.0f, -pos[i].y_offset / 64.0f});
      pen += pos[i].x_advance / 64.0f;
    }
    run.advance = pen;
    return run;
  }
};

Shaper::Shaper() : impl_(std::make_unique<Impl>()) {}
Shaper::~Shaper() = default;

bool Shaper::covers(const FontFace& face, char32_t c) {
  return impl_->covers(impl_->open(face), c);
}

Run Shaper::shapeRun(std::string_view utf8, const std::string& script, bool rtl, const FontFace& face,
                     std::string_view lang, float emPx) {
  hb_script_t s = hb_script_from_string(script.c_str(), -1);
  return impl_->shapeBytes(utf8, 0, static_cast<uint32_t>(utf8.size()), s, rtl, face, impl_->open(face), lang,
                           emPx);
}

Line Shaper::shape(std::string_view in, const Style& style) {
  std::string text(in);
  std::replace(text.begin(), text.end(), '\n', ' ');
  Line line;
  line.rtl = isRtlLanguage(style.lang);
  Face* fallback = impl_->open(fallbackFace(style.bold));
  line.ascent = fallback ? fallback->ascentFor(style.px) : style.px * 0.8f;
  line.advance = style.px;
  const Decoded d = decode(text);
  const size_t n = d.cps.size();
  if (n == 0) return line;

  // Paragraph levels: odd is right to left. A line reads in its reader's direction, not its first
  // letter's: for an Urdu reader "NHS نمبر" (NHS number) has NHS at the right, where reading starts.
  std::vector<FriBidiCharType> types(n);
  std::vector<FriBidiBracketType> brackets(n);
  std::vector<FriBidiLevel> levels(n);
  const auto* cps = reinterpret_cast<const FriBidiChar*>(d.cps.data());
  fribidi_get_bidi_types(cps, static_cast<FriBidiStrIndex>(n), types.data());
  fribidi_get_bracket_types(cps, static_cast<FriBidiStrIndex>(n), types.data(), brackets.data());
  // A date written with spaces ("07 03 1984") reads left to right as one number does, as the date
  // boxes do: a space between two digits counts as part of the number.
  for (size_t i = 1; i + 1 < n; ++i)
    if (types[i] == FRIBIDI_TYPE_WS && types[i - 1] == FRIBIDI_TYPE_EN && types[i + 1] == FRIBIDI_TYPE_EN)
      types[i] = FRIBIDI_TYPE_EN;
  FriBidiParType dir = !style.leftToRight && line.rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), static_cast<FriBidiStrIndex>(n),
                                           &dir, levels.data()))
    std::fill(levels.begin(), levels.end(), FriBidiLevel(line.rtl ? 1 : 0));
  line.rtl = FRIBIDI_IS_RTL(dir);

  // Each code point's script and face: the script's face when it has the glyph, else DejaVu Sans, else
  // the face of the reader's script (a Chinese full stop after a Latin name).
  std::vector<hb_script_t> scripts = scriptsOf(d.cps);
  const std::string readerScript = scriptOfLanguage(style.lang);
  const FontFace readerFace = faceFor(readerScript, style.lang, style.bold);
  std::vector<FontFace> faces(n);
  for (size_t i = 0; i < n; ++i) {
    faces[i] = faceFor(scriptTag(scripts[i]), style.lang, style.bold);
    if (impl_->covers(impl_->open(faces[i]), d.cps[i])) continue;
    if (impl_->covers(fallback, d.cps[i])) {
      faces[i] = fallbackFace(style.bold);
    } else if (impl_->covers(impl_->open(readerFace), d.cps[i])) {
      faces[i] = readerFace;
      scripts[i] = hb_script_from_string(readerScript.c_str(), -1);
    } else {
      for (const char* other : {"Hani", "Arab", "Beng", "Guru", "Gujr", "Taml", "Deva"}) {
        const FontFace f = faceFor(other, style.lang, style.bold);
        if (!impl_->covers(impl_->open(f), d.cps[i])) continue;
        faces[i] = f;
        scripts[i] = hb_script_from_string(other, -1);
        break;
      }
    }
  }

  // Runs in logical order, then reordered: from the highest level down to the lowest odd one, every
  // stretch at that level or above is reversed (Unicode's rule L2).
  struct Piece {
    Run run;
    FriBidiLevel level;
  };
  std::vector<Piece> pieces;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && levels[j] == levels[i] && scripts[j] == scripts[i] && faces[j] == faces[i]) ++j;
    Face* face = impl_->open(faces[i]);
    const float em = face ? face->emFor(style.px) : style.px;
    Run r =
        impl_->shapeBytes(text, d.at[i], d.at[j], scripts[i], levels[i] & 1, faces[i], face, style.lang, em);
    if (face) line.ascent = std::max(line.ascent, face->ascentFor(style.px));
    if (face && face->tall()) line.advance = std::max(line.advance, style.px * kTallLineAdvance);
    for (const Glyph& g : r.glyphs) line.missingGlyph |= g.id == 0;
    if (!face) line.missingGlyph = true;
    pieces.push_back({std::move(r), levels[i]});
    i = j;
  }
  int top = 0, lowestOdd = 127;
  for (const Piece& p : pieces) {
    top = std::max(top, int(p.level));
    if (p.level & 1) lowestOdd = std::min(lowestOdd, int(p.level));
  }
  for (int lvl = top; lvl >= lowestOdd && lvl > 0; --lvl) {
    for (size_t i = 0; i < pieces.size();) {
      if (pieces[i].level < lvl) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < pieces.size() && pieces[j].level >= lvl) ++j;
      std::reverse(pieces.begin() + static_cast<long>(i), pieces.begin() + static_cast<long>(j));
      i = j;
    }
  }
  float x = 0;
  for (Piece& p : pieces) {
    for (Glyph& g : p.run.glyphs) g.x += x;
    x += p.run.advance;
    line.runs.push_back(std::move(p.run));
  }
  line.width = x;
  return line;
}

std::vector<std::string> Shaper::breakLines(std::string_view utf8, const Style& style, float width) {
  std::vector<std::string> lines;
  const Decoded d = decode(utf8);
  const size_t n = d.cps.size();
  // Places a line may end (byte offsets), with whether a space there is dropped.
  struct Break {
    uint32_t end, next;
    bool forced;
  };
  std::vector<Break> breaks;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = d.cps[i];
    if (c == U' ' || c == U'\n')
      breaks.push_back({d.at[i], d.at[i + 1], c == U'\n'});
    else if (i + 1 < n && (isCjk(c) || isCjk(d.cps[i + 1])) && !closesCjk(d.cps[i + 1]) &&
             d.cps[i + 1] != U' ')
      breaks.push_back({d.at[i + 1], d.at[i + 1], false});
  }
  breaks.push_back({static_cast<uint32_t>(utf8.size()), static_cast<uint32_t>(utf8.size()), true});
  uint32_t start = 0;
  const Break* good = nullptr;
  for (size_t k = 0; k < breaks.size(); ++k) {
    const Break& b = breaks[k];
    if (b.end < start) continue;
    bool fits = shape(utf8.substr(start, b.end - start), style).width <= width + 0.01f;
    if (!fits && good) {
      lines.emplace_back(utf8.substr(start, good->end - start));
      start = good->next;
      good = nullptr;
      --k;  // this break again, on the new line
      continue;
    }
    if (fits) good = &b;
    if (b.forced || !fits) {
      lines.emplace_back(utf8.substr(start, b.end - start));
      start = b.next;
      good = nullptr;
    }
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

Bitmap Shaper::render(const Line& line, const Style& style) {
  struct Placed {
    int x, y, w, h, pitch;
    std::vector<uint8_t> pixels;
  };
  std::vector<Placed> placed;
  int x0 = 0, y0 = 0, x1 = static_cast<int>(std::ceil(line.width)),
      y1 = static_cast<int>(std::ceil(style.px));
  for (const Run& run : line.runs) {
    Face* face = impl_->open(run.face);
    if (!face) continue;
    FT_Set_Char_Size(face->ft, 0, static_cast<FT_F26Dot6>(std::lround(run.emPx * 64)), 72, 72);
    for (const Glyph& g : run.glyphs) {
      if (FT_Load_Glyph(face->ft, g.id, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT) != 0) continue;
      const FT_GlyphSlot slot = face->ft->glyph;
      const FT_Bitmap& bm = slot->bitmap;
      if (bm.width == 0 || bm.rows == 0 || bm.pixel_mode != FT_PIXEL_MODE_GRAY) continue;
      Placed p;
      p.x = static_cast<int>(std::lround(g.x)) + slot->bitmap_left;
      p.y = static_cast<int>(std::lround(line.ascent + g.y)) - slot->bitmap_top;
      p.w = static_cast<int>(bm.width);
      p.h = static_cast<int>(bm.rows);
      p.pitch = p.w;
      p.pixels.resize(size_t(p.w) * size_t(p.h));
      for (int r = 0; r < p.h; ++r) std::copy_n(bm.buffer + r * bm.pitch, p.w, p.pixels.begin() + r * p.w);
      x0 = std::min(x0, p.x);
      y0 = std::min(y0, p.y);
      x1 = std::max(x1, p.x + p.w);
      y1 = std::max(y1, p.y + p.h);
      placed.push_back(std::move(p));
    }
  }
  Bitmap out;
  out.left = x0;
  out.top = y0;
  out.w = std::max(1, x1 - x0);
  out.h = std::max(1, y1 - y0);
  out.alpha.assign(size_t(out.w) * size_t(out.h), 0);
  for (const Placed& p : placed)
    for (int r = 0; r < p.h; ++r)
      for (int c = 0; c < p.w; ++c) {
        uint8_t& dst = out.alpha[size_t(p.y - y0 + r) * size_t(out.w) + size_t(p.x - x0 + c)];
        dst = std::max(dst, p.pixels[size_t(r) * size_t(p.w) + size_t(c)]);
      }
  return out;
}

}  // namespace longstop::text
