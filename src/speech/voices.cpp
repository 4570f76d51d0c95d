#include <array>
#include <utility>

#include "speech/synth.h"

namespace longstop::speech {

std::string voiceFor(std::string_view language) {
  // espeak-ng 1.51 has a voice for every catalogue language but one: Panjabi in Shahmukhi. Its "pa"
  // voice reads Gurmukhi letters only, so Shahmukhi text goes to the Urdu voice, which reads the same
  // letters (docs/decisions.md).
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kRenamed{{
      {"en", "en-gb"},
      {"fr", "fr-fr"},
      {"zh_CN", "cmn"},
      {"pa_PK", "ur"},
  }};
  for (const auto& [code, voice] : kRenamed)
    if (code == language) return std::string(voice);
  if (language.empty()) return "en-gb";
  return std::string(language.substr(0, language.find('_')));
}

}  // namespace longstop::speech
