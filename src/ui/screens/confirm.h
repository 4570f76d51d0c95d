// "Your appointment at 10:20 with Dr Patel. Is this you?" No name is shown, ever.
#pragma once

#include <string>

namespace longstop::ui {

struct ConfirmView {
  std::string time;
  std::string clinician;
};

enum class ConfirmIntent { kNone, kBack, kStartAgain, kConfirm, kNotMe };

ConfirmIntent drawConfirm(const ConfirmView& v);

}  // namespace longstop::ui
