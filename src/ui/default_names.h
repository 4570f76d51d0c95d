// Queue, room and service names on the patient screens. Longstop's own defaults (what setup suggests
// and a practice kept) are said in the patient's language; a name a practice typed itself is shown as
// typed, because no catalogue knows it and a guess would send a patient to the wrong door.
#pragma once

#include <string>
#include <string_view>

namespace longstop::ui {

/// The name in the current language when it is exactly one of Longstop's default queue or room names
/// ("GP appointments", "Room 3", "Reception desk", ...); otherwise `name` itself.
std::string shownName(std::string_view name);
/// A room as shownName says it, with the English name after a translation ("Gabinet 3 (Room 3)"):
/// the door's sign, the calling board and the spoken call all use the name the practice set.
std::string shownRoom(std::string_view room);

}  // namespace longstop::ui
