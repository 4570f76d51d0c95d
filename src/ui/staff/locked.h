// The kiosk after a boot, before a member of staff has unlocked its keys: nothing a patient can do
// yet, and one way in for staff (or scanning a staff card, as on Welcome).
#pragma once

#include <string>

namespace longstop::ui::staff {

struct LockedView {
  std::string siteName;
  std::string clock;  // "09:41"
};

enum class LockedIntent { kNone, kStaffStart };

LockedIntent drawLocked(const LockedView& v);

}  // namespace longstop::ui::staff
