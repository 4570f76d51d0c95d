#include "text/font_choice.h"

namespace longstop::text {
namespace {
constexpr const char* kNoto = "/usr/share/fonts/truetype/noto/";
constexpr const char* kCjk = "/usr/share/fonts/opentype/noto/";

FontFace noto(const std::string& family, bool bold) {
  return {std::string(kNoto) + family + (bold ? "-Bold.ttf" : "-Regular.ttf"), 0};
}
}  // namespace

FontFace fallbackFace(bool bold) {
  return {bold ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
               : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
          0};
}

std::string scriptOfLanguage(std::string_view lang) {
  if (lang == "ur" || lang == "ar" || lang == "fa" || lang == "pa_PK") return "Arab";
  if (lang == "bn") return "Beng";
  if (lang == "pa") return "Guru";
  if (lang == "gu") return "Gujr";
  if (lang == "ta") return "Taml";
  if (lang == "zh_CN") return "Hani";
  return "Latn";
}

FontFace faceFor(std::string_view script, std::string_view lang, bool bold) {
  if (script == "Arab") {
    // Nastaliq is how Urdu and Shahmukhi are written and read; Naskh for Arabic and Persian.
    if (lang == "ur" || lang == "pa_PK") return noto("NotoNastaliqUrdu", bold);
    return noto("NotoSansArabic", bold);
  }
  if (script == "Beng") return noto("NotoSansBengali", bold);
  if (script == "Guru") return noto("NotoSansGurmukhi", bold);
  if (script == "Gujr") return noto("NotoSansGujarati", bold);
  if (script == "Taml") return noto("NotoSansTamil", bold);
  if (script == "Deva") return noto("NotoSansDevanagari", bold);
  if (script == "Hani" || script == "Hira" || script == "Kana" || script == "Bopo")
    return {std::string(kCjk) + (bold ? "NotoSansCJK-Bold.ttc" : "NotoSansCJK-Regular.ttc"), 2};  // SC
  return fallbackFace(bold);
}

}  // namespace longstop::text
