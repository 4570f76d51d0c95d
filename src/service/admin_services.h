// What the first-boot wizard and the admin screen may ask of the rest of the kiosk. The UI sees only
// this interface; the real implementation is AdminDesk (admin_desk.h) over the site, settings, staff,
// export and drill services, and the UI tests use a fake.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/queue.h"
#include "core/result.h"

namespace longstop::service {

/// Everything the wizard asks before it creates the site.
struct SetupAnswers {
  std::string siteName;
  std::string odsCode;
  std::vector<core::QueueDef> queues;  // at least one
  std::string walkInQueueId;           // one of queues
  int matchBeforeMin = 120;
  int matchAfterMin = 60;
  int idleTimeoutSeconds = 45;
  std::string screenSize = "1280x800";
  int rotation = 0;  // 0, 90, 180, 270
  bool clockConfirmed = false;
  std::string adminName;
  std::string adminPin;  // wiped by the caller once createSite returns
};

/// What the wizard shows once, then forgets.
struct SetupDone {
  std::string deviceId;
  std::string recoveryCode;
  std::string adminStaffId;
  std::string adminCardText;  // LSS1:<staff-id>:<secret>, shown as a QR to photograph
};

struct SettingRow {
  std::string key;  // "kiosk.idle_timeout_s", or "queue.gp" for each queue
  std::string description;
  std::string value;
};

/// What the wizard asks before this device joins a site another device invited it to.
struct JoinAnswers {
  std::string code;    // the join code's text (LSJ1:...), as scanned or typed
  std::string role;    // kiosk, desk or board
  std::string listen;  // where this device's own server will listen on the site's network: IPv4:PORT
};

/// What the wizard says once the device has joined.
struct JoinDone {
  std::string deviceId;  // this device's new ID
  std::string inviter;   // the device it joined through
  std::string siteName;
  std::string role;
  int credentials = 0;  // staff cards (and the recovery code) that open it
};

/// A camera, scanner or printer looked for at its configured path.
struct DeviceReport {
  std::string settingKey;  // "camera.device"
  std::string path;        // "/dev/video0", or "none"
  bool found = false;
  std::string message;  // "found at /dev/video0" / "not found at /dev/video0 — skip, or set it later"
};

/// A drill under way: the kiosk runs on `dataDir` with the practice card shown to staff.
struct DrillSession {
  std::filesystem::path dataDir;
  std::string practiceCard;  // LSS1 text of the drill's admin card (synthetic data only)
  std::string practicePin;
  int64_t startedMs = 0;
};

/// A staff card as the admin screen lists it.
struct StaffCardRow {
  std::string staffId;  // "S7K2QX"
  std::string name;
  std::string role;  // "reception" | "admin"
  bool revoked = false;
  bool signedInNow = false;  // the card of the administrator acting: it cannot revoke itself
};

class AdminServices {
 public:
  virtual ~AdminServices() = default;

  // ---- First boot: no site yet ----
  virtual bool hasSite() const = 0;
  /// The service's own checks, so the wizard refuses what the site would refuse.
  virtual core::Status checkSiteName(const std::string& name) const = 0;
  virtual core::Status checkOds(const std::string& ods) const = 0;
  virtual core::Status checkQueues(const std::vector<core::QueueDef>& queues) const = 0;
  /// Creates the site, its first administrator (the card's secret and the recovery code are returned,
  /// never stored), applies every answer as a setting, and records the clock confirmation. Refuses
  /// when a site already exists; on a failure after the site was created the error says so.
  virtual core::Result<SetupDone> createSite(const SetupAnswers& answers) = 0;

  /// Reads a join code as scanned or typed, without asking anyone: a typing mistake, another kind of
  /// code or one past its expiry is refused with the sentence to show. Returns the address this
  /// device would listen on by default (its own address toward the inviter, the inviter's port).
  virtual core::Result<std::string> checkJoinCode(const std::string& code) const {
    return core::invalidInput("This device cannot join a site (" + code.substr(0, 5) + ").");
  }
  /// Joins the site the code names: asks the inviting device, which refuses (with its sentence) a
  /// code already used, expired or not its own; nothing is written here unless it accepts.
  virtual core::Result<JoinDone> joinSite(const JoinAnswers& answers) {
    return core::invalidInput("This device cannot join a site (" + answers.role + ").");
  }

  // ---- Settings: a site exists ----
  // What changes the site acts as the administrator signed in now (the implementation holds the session
  // and its keys; the UI never does) and is refused without one: with kUnauthorised and a sentence.
  /// Every catalogue key with the value in force, and one row per queue (`queue.<id>`).
  virtual core::Result<std::vector<SettingRow>> settings() = 0;
  /// Validated and evented by the settings service; the refusal's message is for a person.
  virtual core::Status setSetting(const std::string& key, const std::string& value) = 0;
  /// Records that a person has checked the wall clock today (meta clock_confirmed_day and an event).
  virtual core::Status confirmClock() = 0;
  virtual bool clockConfirmedToday() = 0;
  /// The receiving organisation's key in force: its key ID, or empty when none is set.
  virtual core::Result<std::string> recipientKeyId() = 0;
  /// Sets it from LSR1 text (a scanned QR, or pasted); returns the new key ID.
  virtual core::Result<std::string> setRecipientText(const std::string& text) = 0;
  /// Sets it from a .pub file (on a USB stick, say); returns the new key ID.
  virtual core::Result<std::string> setRecipientFile(const std::filesystem::path& file) = 0;
  /// This kiosk's trust code for the receiving PC (`LSD1:<ods>:<device>:<signing-key>:<check>`, see
  /// exporter/device_code.h): `longstop-batch trust add` pins the key that signs its batches with it.
  /// Nothing in it is secret; it only has to reach the PC through a person, not through a batch.
  virtual core::Result<std::string> trustCode() = 0;
  /// Looks for the device a setting names (camera.device, scanner.device, printer.device).
  virtual DeviceReport checkDevice(const std::string& settingKey) = 0;

  // ---- Staff cards ----
  /// Every staff card, oldest first; an administrator's (kUnauthorised otherwise).
  virtual core::Result<std::vector<StaffCardRow>> staffCards() {
    return core::unauthorised("Staff cards cannot be listed here.");
  }
  /// Revokes a card as the administrator signed in now (the service refuses anyone else), renewing the
  /// site's keys for every other card; the outcome in words for the person who pressed the button.
  virtual core::Result<std::string> revokeCard(const std::string& staffId) {
    return core::unauthorised("Cards cannot be revoked here (" + staffId + ").");
  }

  // ---- The continuity drill ----
  /// Starts a fresh drill beside the real site (which is closed until endDrill()); an administrator's.
  virtual core::Result<DrillSession> startDrill() = 0;
  virtual std::optional<DrillSession> drill() const = 0;
  /// Notes one rehearsed step in the drill's log (nothing when no drill runs).
  virtual core::Status recordDrillStep(const std::string& step, int64_t durationMs, bool problem = false,
                                       const std::string& note = {}) = 0;
  virtual core::Result<std::string> drillReport() = 0;
  virtual core::Result<std::filesystem::path> exportDrillReport(const std::filesystem::path& folder) = 0;
  /// Leaves the drill; the real site opens again exactly as it was.
  virtual core::Status endDrill() = 0;
};

}  // namespace longstop::service
