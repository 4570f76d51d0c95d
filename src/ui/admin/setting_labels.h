// The admin screen's words for each setting: a plain label and the value with its unit
// ("Check-in opens before an appointment: 120 minutes"), instead of the settings file's key
// ("match.before_min = 120"). The key stays the setting's name in files and on the command line.
#pragma once

#include <string>
#include <string_view>

namespace longstop::ui::admin {

/// "Check-in opens before an appointment" for "match.before_min"; a queue.<id> is "Queue <id>".
/// An unknown key is returned as it is.
std::string settingLabel(std::string_view key);
/// The value in words with its unit: "120 minutes", "45 seconds", "Not used" for a device set to none,
/// "A: GP appointments, Room 3" for a queue. An empty value is "Not set".
std::string settingValueText(std::string_view key, std::string_view value);
/// Both, as one row of the list: "Check-in opens before an appointment: 120 minutes".
std::string settingRowText(std::string_view key, std::string_view value);

}  // namespace longstop::ui::admin
