#include "service/settings.h"

#include <cctype>
#include <charconv>
#include <functional>

#include "core/queue.h"
#include "core/settings_file.h"
#include "service/admin_sign.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace {

using Check = std::function<core::Status(Site&, const std::string&)>;

struct Key {
  SettingInfo info;
  std::string metaKey;
  Check check;
};

core::Status intIn(const std::string& v, int lo, int hi) {
  int n = 0;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < lo || n > hi)
    return core::invalidInput("'" + v + "' is not a whole number from " + std::to_string(lo) + " to " +
                              std::to_string(hi) + ".");
  return core::okStatus();
}

Check range(int lo, int hi) {
  return [=](Site&, const std::string& v) { return intIn(v, lo, hi); };
}

core::Status checkSize(Site&, const std::string& v) {
  const auto x = v.find('x');
  if (x == std::string::npos || !intIn(v.substr(0, x), 320, 7680).ok() ||
      !intIn(v.substr(x + 1), 240, 4320).ok())
    return core::invalidInput("'" + v + "' is not a screen size like 1280x800.");
  return core::okStatus();
}

core::Status checkDevice(Site&, const std::string& v) {
  if (v == "none" || (v.rfind("/dev/", 0) == 0 && v.find("..") == std::string::npos && v.size() < 200))
    return core::okStatus();
  return core::invalidInput("'" + v + "' is not a device: give a path under /dev/ or 'none'.");
}

// A device path, or a network printer's raw port: tcp:HOST:PORT (a name or an IPv4 address, and a
// port from 1 to 65535), as print::deliver reads it.
core::Status checkPrinter(Site& site, const std::string& v) {
  if (v.rfind("tcp:", 0) != 0) {
    if (checkDevice(site, v).ok()) return core::okStatus();
    return core::invalidInput("'" + v +
                              "' is not a printer: give a device such as /dev/usb/lp0, a network printer "
                              "as tcp:HOST:PORT (e.g. tcp:192.168.1.50:9100), or none.");
  }
  const std::string rest = v.substr(4);
  const auto colon = rest.rfind(':');
  bool ok = colon != std::string::npos && colon > 0 && colon < 254;
  for (size_t i = 0; ok && i < colon; ++i) {
    const unsigned char c = static_cast<unsigned char>(rest[i]);
    ok = std::isalnum(c) || c == '.' || c == '-';
  }
  if (ok && intIn(rest.substr(colon + 1), 1, 65535).ok()) return core::okStatus();
  return core::invalidInput("'" + v +
                            "' is not a network printer: write tcp:HOST:PORT, e.g. tcp:192.168.1.50:9100.");
}

// Read again by replica::parseListen when the kiosk starts its server; the two say the same.
core::Status checkListen(Site&, const std::string& v) {
  return v == "none" ? core::okStatus() : validateListen(v);
}
}  // namespace

core::Status validateListen(std::string_view v) {
  const auto colon = v.rfind(':');
  int dots = 0;
  bool ok = colon != std::string::npos && colon > 0;
  for (size_t i = 0; ok && i < colon; ++i) {
    dots += v[i] == '.';
    ok = std::isdigit(static_cast<unsigned char>(v[i])) || v[i] == '.';
  }
  if (ok && dots == 3 && intIn(std::string(v.substr(colon + 1)), 1, 65535).ok()) return core::okStatus();
  return core::invalidInput("'" + std::string(v) +
                            "' is not an address to listen on: give an IPv4 address and a port, "
                            "e.g. 10.0.0.2:4222, or none.");
}

namespace {

// A check that takes one of a few words, and says them when it refuses.
Check oneOf(std::vector<std::string> words) {
  return [words = std::move(words)](Site&, const std::string& v) -> core::Status {
    for (const auto& w : words)
      if (v == w) return core::okStatus();
    std::string list;
    for (size_t i = 0; i < words.size(); ++i)
      list += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    return core::invalidInput("'" + v + "' is not one of " + list + ".");
  };
}

core::Status checkName(Site&, const std::string& v) {
  if (v.empty() || v.size() > 80) return core::invalidInput("The site name must be 1 to 80 characters.");
  return core::okStatus();
}

core::Status checkQueueId(Site& site, const std::string& v) {
  auto queues = store::listQueues(site.db());  // not info(): a file may add the queue a line earlier
  if (!queues.ok()) return queues.error();
  for (const auto& q : queues.value())
    if (q.id == v) return core::okStatus();
  return core::invalidInput("There is no queue '" + v + "'.");
}

const std::vector<Key>& keys() {
  static const std::vector<Key> k = {
      {{"site.name", "The practice's name, shown on the Welcome screen", ""}, "site_name", checkName},
      {{"site.ods", "The practice's ODS code (e.g. B82005)", ""},
       "ods_code",
       [](Site&, const std::string& v) { return validateOds(v); }},
      {{"match.before_min", "Minutes before an appointment that it can be checked in", "120"},
       "match_before_min",
       range(0, 480)},
      {{"match.after_min", "Minutes after an appointment that it can still be checked in", "60"},
       "match_after_min",
       range(0, 240)},
      {{"kiosk.idle_timeout_s", "Seconds without a touch before the patient screens reset", "45"},
       "idle_timeout_s",
       range(15, 600)},
      {{"staff.idle_timeout_s", "Seconds without a touch before a member of staff is signed out", "180"},
       "staff_idle_timeout_s",
       range(30, 3600)},
      {{"screen.size", "Screen size in pixels, WIDTHxHEIGHT", "1280x800"}, "screen_size", checkSize},
      {{"screen.rotation", "Screen rotation in degrees: 0, 90, 180 or 270 (touch turns with it)", "0"},
       "screen_rotation",
       [](Site&, const std::string& v) {
         return (v == "0" || v == "90" || v == "180" || v == "270")
                    ? core::okStatus()
                    : core::Status(core::invalidInput("Rotation is 0, 90, 180 or 270."));
       }},
      {{"walkin.queue", "The queue walk-ins join unless they pick another", "walkin"},
       "walkin_queue",
       checkQueueId},
      {{"retention.days", "Days after a batch is acknowledged that its personal data is deleted", "30"},
       "retention_days",
       range(1, 365)},
      {{"camera.device", "The camera for QR codes (a V4L2 device) or none", "/dev/video0"},
       "camera_device",
       checkDevice},
      {{"camera.size", "The camera's capture size", "1280x720"}, "camera_size", checkSize},
      {{"scanner.device", "A USB barcode scanner (an evdev device) or none", "none"},
       "scanner_device",
       checkDevice},
      {{"printer.device",
        "The ESC/POS ticket printer: a device (/dev/usb/lp0), tcp:HOST:PORT for a network printer, or none "
        "(printing off)",
        "none"},
       "printer_device",
       checkPrinter},
      {{"printer.paper", "The ticket printer's paper width in millimetres: 58 or 80", "80"},
       "printer_paper",
       [](Site&, const std::string& v) {
         return v == "58" || v == "80"
                    ? core::okStatus()
                    : core::Status(core::invalidInput(
                          "'" + v + "' is not a paper width: give 58 or 80 (millimetres)."));
       }},
      {{"site.listen",
        "Where this device's nats-server listens for the site's other devices (IPv4:PORT) or none", "none"},
       "site_listen",
       checkListen},
      {{"device.role", "What this device is on the site: kiosk, desk (reception) or board (calling board)",
        "kiosk"},
       "device_role",
       oneOf({"kiosk", "desk", "board"})},
      {{"kiosk.staff_screens",
        "Whether the corner hold opens staff screens on a kiosk: auto (while the site has no desk), on or "
        "off",
        "auto"},
       "kiosk_staff_screens",
       oneOf({"auto", "on", "off"})},
  };
  return k;
}

const Key* findKey(const std::string& key) {
  for (const auto& k : keys())
    if (k.info.key == key) return &k;
  return nullptr;
}

// queue.<id> = PREFIX | Name | Room
core::Result<core::QueueDef> parseQueueValue(const std::string& id, const std::string& v) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t bar = v.find('|', start);
    std::string p = v.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    while (!p.empty() && p.front() == ' ') p.erase(p.begin());
    while (!p.empty() && p.back() == ' ') p.pop_back();
    parts.push_back(p);
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  if (parts.size() != 3 || parts[0].size() != 1)
    return core::invalidInput(
        "A queue is written `LETTER | Name | Room`, e.g. `A | GP appointments | Room 3`.");
  core::QueueDef q{id, parts[1], parts[0][0], parts[2]};
  if (auto s = core::validateQueue(q); !s.ok()) return s.error();
  return q;
}

core::Status storeQueue(Site& site, const core::QueueDef& q) {
  auto st = site.db().prepare(
      "INSERT INTO queues(id, name, prefix, room, position) VALUES (?1, ?2, ?3, ?4, "
      "(SELECT coalesce(max(position), -1) + 1 FROM queues)) "
      "ON CONFLICT(id) DO UPDATE SET name = ?2, prefix = ?3, room = ?4");
  if (!st.ok()) return st.error();
  st->bind(1, q.id).bind(2, q.name).bind(3, std::string(1, q.prefix)).bind(4, q.room);
  return st->run();
}

core::Status applyOne(Site& site, const StaffSession& admin, const std::string& key,
                      const std::string& value) {
  if (key.rfind("queue.", 0) == 0) {
    auto q = parseQueueValue(key.substr(6), value);
    if (!q.ok()) return q.error();
    if (auto s = storeQueue(site, q.value()); !s.ok()) return s;
  } else {
    const Key* k = findKey(key);
    if (k == nullptr)
      return core::invalidInput("'" + key + "' is not a setting; `longstopctl config list` shows them.");
    if (auto s = k->check(site, value); !s.ok()) return s;
    if (auto s = store::setMeta(site.db(), k->metaKey, value); !s.ok()) return s;
  }
  store::JsonObject data;
  data.add("key", key).add("value", value);
  auto e =
      appendAdminEvent(site, admin.secrets().adminSecretKey, "config-set", std::move(data), admin.who().id);
  return e.ok() ? core::okStatus() : core::Status(e.error());
}

}  // namespace

core::Status validateOds(std::string_view ods) {
  if (ods.size() < 3 || ods.size() > 10)
    return core::invalidInput("The ODS code must be 3 to 10 letters and digits, like B82005.");
  for (char c : ods)
    if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)))
      return core::invalidInput("The ODS code may hold only capital letters and digits, like B82005.");
  return core::okStatus();
}

const std::vector<SettingInfo>& settingCatalogue() {
  static const std::vector<SettingInfo> list = [] {
    std::vector<SettingInfo> out;
    for (const auto& k : keys()) out.push_back(k.info);
    out.push_back({"queue.<id>", "A queue: `LETTER | Name | Room`", ""});
    return out;
  }();
  return list;
}

core::Result<std::string> getSetting(Site& site, const std::string& key) {
  if (key.rfind("queue.", 0) == 0) {
    for (const auto& q : site.info().queues)
      if (q.id == key.substr(6)) return std::string(1, q.prefix) + " | " + q.name + " | " + q.room;
    return core::notFound("There is no queue '" + key.substr(6) + "'.");
  }
  const Key* k = findKey(key);
  if (k == nullptr)
    return core::invalidInput("'" + key + "' is not a setting; `longstopctl config list` shows them.");
  auto v = store::getMeta(site.db(), k->metaKey);
  if (!v.ok()) return v.error();
  return v.value().value_or(k->info.defaultValue);
}

core::Status setSetting(Site& site, const StaffSession& admin, const std::string& key,
                        const std::string& value) {
  if (auto s = requireAdmin(site, admin); !s.ok()) return s;
  auto s = site.db().transaction([&] { return applyOne(site, admin, key, value); });
  if (!s.ok()) return s;
  return site.reloadSettings();
}

core::Result<int> importSettings(Site& site, const StaffSession& admin, std::string_view fileText) {
  if (auto s = requireAdmin(site, admin); !s.ok()) return s.error();
  auto lines = core::parseSettingsFile(fileText);
  if (!lines.ok()) return lines.error();
  auto s = site.db().transaction([&]() -> core::Status {
    for (const auto& l : lines.value())
      if (auto r = applyOne(site, admin, l.key, l.value); !r.ok())
        return core::Error{r.error().code, "line " + std::to_string(l.line) + ": " + r.error().message};
    return core::okStatus();
  });
  if (!s.ok()) return s.error();
  if (auto r = site.reloadSettings(); !r.ok()) return r.error();
  return static_cast<int>(lines->size());
}

}  // namespace longstop::service
