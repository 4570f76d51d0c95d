// The one UTF-8 decoder: strict about what is not UTF-8, and the encoder its exact inverse.
#include <catch2/catch.hpp>

#include "core/utf8.h"

using namespace longstop::core;

TEST_CASE("code points decode and encode back to the same bytes") {
  const std::string text = "Zoë Ó Ceallaigh, Łódź, 李, 🙂";
  std::string back;
  for (char32_t c : codePoints(text)) appendUtf8(back, c);
  CHECK(back == text);
  CHECK(codePoints("ë") == std::vector<char32_t>{U'ë'});
  CHECK(codePoints("🙂") == std::vector<char32_t>{U'\U0001F642'});
}

TEST_CASE("what is not UTF-8 is refused, one byte at a time") {
  for (const char* bad : {"\xC0\xAF",          // overlong '/'
                          "\xE0\x80\xAF",      // overlong '/' in three bytes
                          "\xED\xA0\x80",      // a UTF-16 surrogate
                          "\xF4\x90\x80\x80",  // above U+10FFFF
                          "\xF8\x88\x80\x80\x80", "\xC3", "\x80", "\xFF"}) {
    const std::string s(bad);
    size_t pos = 0;
    CHECK(nextCodePoint(s, pos) == -1);
    CHECK(pos == 1);
    for (char32_t c : codePoints(s)) CHECK(c == U'\uFFFD');
  }
}

TEST_CASE("the first invalid line is named, counting from one") {
  CHECK(firstInvalidUtf8Line("a\nb\nc") == 0);
  CHECK(firstInvalidUtf8Line("\xFF") == 1);
  CHECK(firstInvalidUtf8Line("ok\nstill ok ë\nbad \xC3(\n") == 3);
}
