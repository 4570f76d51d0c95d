// Keys the kiosk understands, whether from a physical keyboard, a HID scanner or a script.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/utf8.h"

namespace longstop::ui {

enum class Key {
  kEnter,
  kBackspace,
  kEscape,
  kTab,
  kDelete,
  kSpace,
  kLeft,
  kRight,
  kUp,
  kDown,
  kF2,
  kF3,
  kF4
};

/// "Enter", "Backspace", "Escape" (or "Esc"), "Tab", "Delete", "Space", "Left", "Right", "Up", "Down",
/// "F2", "F3", "F4" (the reception desk's shortcuts);
/// case-insensitive. Nullopt for anything else.
std::optional<Key> parseKeyName(std::string_view name);

/// Splits UTF-8 text into code points (core::nextCodePoint); invalid bytes are skipped.
template <typename F>
void forEachCodePoint(std::string_view s, F&& f);

/// One code point back to UTF-8.
using core::appendUtf8;

}  // namespace longstop::ui

#include "ui/input_inl.h"
