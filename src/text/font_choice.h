// Which font file draws which script. Every file comes from a Debian package (fonts-dejavu-core,
// fonts-noto-core, fonts-noto-cjk), so the kiosk and its tests see the same glyphs.
#pragma once

#include <string>
#include <string_view>

namespace longstop::text {

/// A face inside a font file (a .ttc holds several; Noto Sans CJK SC is index 2 of its file).
struct FontFace {
  std::string path;
  unsigned index = 0;
  bool operator==(const FontFace&) const = default;
};

/// The face for text in `script` (ISO 15924: "Arab", "Beng", "Latn") for a reader of `lang` (a
/// catalogue code: Urdu and Shahmukhi Panjabi read Arabic script in Nastaliq, Arabic and Persian in
/// Naskh). Scripts without a font of their own, and Latin, get DejaVu Sans.
FontFace faceFor(std::string_view script, std::string_view lang, bool bold);

/// The script a catalogue's language is written in ("Arab" for ur, "Hani" for zh_CN; "Latn" otherwise).
std::string scriptOfLanguage(std::string_view lang);

/// DejaVu Sans, the face the atlas uses: for what another face lacks (Latin digits in a Nastaliq line).
FontFace fallbackFace(bool bold);

}  // namespace longstop::text
