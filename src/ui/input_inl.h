// Template part of input.h.
#pragma once

namespace longstop::ui {

template <typename F>
void forEachCodePoint(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      ++i;
      continue;
    }
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      auto n = static_cast<unsigned char>(s[i + k]);
      if ((n >> 6) != 0x2) ok = false;
      c = (c << 6) | (n & 0x3F);
    }
    i += ok ? len : 1;
    if (ok) f(c);
  }
}

}  // namespace longstop::ui
