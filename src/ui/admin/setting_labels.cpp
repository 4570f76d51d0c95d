// Plain words for the settings on the admin screen.
#include "ui/admin/setting_labels.h"

namespace longstop::ui::admin {
namespace {

struct Label {
  std::string_view key;
  std::string_view label;
  std::string_view unit;  // after the number; empty: the value is not a number
};

constexpr Label kLabels[] = {
    {"site.name", "Practice name", ""},
    {"site.ods", "Practice ODS code", ""},
    {"match.before_min", "Check-in opens before an appointment", "minutes"},
    {"match.after_min", "Check-in stays open after an appointment's time", "minutes"},
    {"kiosk.idle_timeout_s", "Patient screens start again after no touch for", "seconds"},
    {"staff.idle_timeout_s", "Staff are signed out after no touch for", "seconds"},
    {"screen.size", "Screen size", "pixels"},
    {"screen.rotation", "Screen turned by", "degrees"},
    {"walkin.queue", "Walk-ins join the queue", ""},
    {"retention.days", "Personal data deleted after a batch is received, after", "days"},
    {"camera.device", "Camera for codes", ""},
    {"camera.size", "Camera picture size", "pixels"},
    {"scanner.device", "USB barcode scanner", ""},
    {"printer.device", "Ticket printer", ""},
    {"printer.paper", "Ticket paper width", "mm"},
    {"site.listen", "Address for the site's other devices", ""},
    {"device.role", "This device is the site's", ""},
    {"kiosk.staff_screens", "Staff screens open on this kiosk", ""},
};

const Label* find(std::string_view key) {
  for (const Label& l : kLabels)
    if (l.key == key) return &l;
  return nullptr;
}

std::string trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string settingLabel(std::string_view key) {
  if (key.rfind("queue.", 0) == 0) return "Queue " + std::string(key.substr(6));
  const Label* l = find(key);
  return l ? std::string(l->label) : std::string(key);
}

std::string settingValueText(std::string_view key, std::string_view value) {
  if (value.empty()) return "Not set";
  if (key.rfind("queue.", 0) == 0) {
    // "A | GP appointments | Room 3" -> "A: GP appointments, Room 3"
    const size_t a = value.find('|');
    const size_t b = a == std::string_view::npos ? a : value.find('|', a + 1);
    if (b == std::string_view::npos) return std::string(value);
    return trim(value.substr(0, a)) + ": " + trim(value.substr(a + 1, b - a - 1)) + ", " +
           trim(value.substr(b + 1));
  }
  if (key.size() > 7 && key.substr(key.size() - 7) == ".device" && value == "none") return "Not used";
  const Label* l = find(key);
  if (!l || l->unit.empty()) return std::string(value);
  if (l->unit == "pixels") {
    const size_t x = value.find('x');
    if (x != std::string_view::npos)
      return std::string(value.substr(0, x)) + " \xC3\x97 " + std::string(value.substr(x + 1)) + " pixels";
  }
  const std::string unit(l->unit);
  // "1 day", not "1 days"
  if (value == "1") return "1 " + unit.substr(0, unit.size() - 1);
  return std::string(value) + " " + unit;
}

std::string settingRowText(std::string_view key, std::string_view value) {
  return settingLabel(key) + ": " + settingValueText(key, value);
}

}  // namespace longstop::ui::admin
