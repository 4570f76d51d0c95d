#include "ui/input.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace longstop::ui {

std::optional<Key> parseKeyName(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (n == "enter" || n == "return") return Key::kEnter;
  if (n == "backspace") return Key::kBackspace;
  if (n == "escape" || n == "esc") return Key::kEscape;
  if (n == "tab") return Key::kTab;
  if (n == "delete") return Key::kDelete;
  if (n == "space") return Key::kSpace;
  if (n == "left") return Key::kLeft;
  if (n == "right") return Key::kRight;
  if (n == "up") return Key::kUp;
  if (n == "down") return Key::kDown;
  if (n == "f2") return Key::kF2;
  if (n == "f3") return Key::kF3;
  if (n == "f4") return Key::kF4;
  return std::nullopt;
}

}  // namespace longstop::ui
