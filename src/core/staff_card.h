// A staff card as a person types it from the printed card ("LSS1:S7K2QX:ABCD…", or "S7K2QX ABCD…"
// without the prefix, spaces and dashes ignored, any case): split into staff ID and secret, and, while
// it is still being typed, what is wrong with it so far. The sign-in screen and the service share this
// reading, so the screen refuses exactly what the service would refuse, before a PIN is asked.
#pragma once

#include <string>
#include <string_view>

namespace longstop::core {

inline constexpr size_t kStaffIdLength = 6;
inline constexpr size_t kStaffSecretLength = 26;  // 128 bits in base32

enum class CardProblem {
  kNone,           // complete and well formed
  kUnfinished,     // nothing wrong yet, more to type
  kBadStaffId,     // the staff ID has a character no staff ID has (or the wrong length)
  kBadSecretChar,  // a character base32 never uses (0, 1, 8, 9)
  kTooLong,        // more characters than a card has
  kNotACard,       // another kind of code (LST1:, LSA1:, ...)
};

struct TypedCard {
  std::string prefix;   // "LSS1:" (or the start of it) when typed
  std::string staffId;  // upper case, as far as typed
  std::string secret;   // upper case, as far as typed
  CardProblem problem = CardProblem::kUnfinished;
  char badChar = 0;  // for kBadStaffId and kBadSecretChar, when one character is the reason
};

/// Reads what has been typed so far. Never fails: the problem says what is wrong.
TypedCard readTypedCard(std::string_view typed);

}  // namespace longstop::core
