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
  return std::nullopt;
}

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace longstop::ui
