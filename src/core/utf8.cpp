#include "core/utf8.h"

#include <array>

namespace longstop::core {

int32_t nextCodePoint(std::string_view s, size_t& pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  const int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || pos + static_cast<size_t>(len) > s.size()) {
    ++pos;
    return -1;
  }
  int32_t cp = len == 1 ? b0 : b0 & (0x7F >> len);
  for (int i = 1; i < len; ++i) {
    const unsigned char b = byte(pos + static_cast<size_t>(i));
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return -1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr std::array<int32_t, 5> kMinForLength = {0, 0, 0x80, 0x800, 0x10000};
  const bool bad =
      cp < kMinForLength[static_cast<size_t>(len)] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF);
  pos += bad ? 1 : static_cast<size_t>(len);
  return bad ? -1 : cp;
}

std::vector<char32_t> codePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t pos = 0; pos < s.size();) {
    const int32_t cp = nextCodePoint(s, pos);
    out.push_back(cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp));
  }
  return out;
}

int firstInvalidUtf8Line(std::string_view s) {
  int line = 1;
  for (size_t pos = 0; pos < s.size();) {
    if (s[pos] == '\n') ++line;
    if (nextCodePoint(s, pos) < 0) return line;
  }
  return 0;
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

}  // namespace longstop::core
