// Template part of input.h.
#pragma once

#include "core/utf8.h"

namespace longstop::ui {

template <typename F>
void forEachCodePoint(std::string_view s, F&& f) {
  for (size_t pos = 0; pos < s.size();)
    if (const int32_t cp = core::nextCodePoint(s, pos); cp >= 0) f(static_cast<char32_t>(cp));
}

}  // namespace longstop::ui
