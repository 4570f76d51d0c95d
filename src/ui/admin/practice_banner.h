// The drill's mark on every screen (patient and staff): a red frame round the whole display and a
// "PRACTICE — not real patients" tab at the top, so nobody mistakes a rehearsal for the real queue.
#pragma once

#include <string_view>

namespace longstop::ui {

/// Draws the practice frame and `label` in front of every window. Call once a frame, while a drill runs.
void drawPracticeBanner(std::string_view label);

}  // namespace longstop::ui
