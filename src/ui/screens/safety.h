// The safety question asked before every ticket.
#pragma once

namespace longstop::ui {

enum class SafetyIntent { kNone, kBack, kStartAgain, kNeedHelp, kNo };

SafetyIntent drawSafety();

}  // namespace longstop::ui
