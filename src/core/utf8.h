// UTF-8, decoded and encoded in one place. Decoding is strict (RFC 3629): overlong forms, UTF-16
// surrogates, code points above U+10FFFF and truncated sequences are invalid.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace longstop::core {

/// The code point at `pos`, advancing past it; -1 (advancing one byte) where the bytes are not UTF-8.
int32_t nextCodePoint(std::string_view s, size_t& pos);

/// Every code point; each invalid byte becomes U+FFFD.
std::vector<char32_t> codePoints(std::string_view s);

/// The 1-based line of the first byte that is not valid UTF-8, or 0 when all of it is valid.
int firstInvalidUtf8Line(std::string_view s);

/// Appends `c` encoded as UTF-8.
void appendUtf8(std::string& out, char32_t c);

}  // namespace longstop::core
