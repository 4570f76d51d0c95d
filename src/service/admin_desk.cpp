#include "service/admin_desk.h"

#include <fstream>
#include <set>
#include <sstream>

#include "exporter/device_code.h"
#include "service/drill.h"
#include "service/export.h"
#include "service/settings.h"
#include "service/staff.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace fs = std::filesystem;

AdminDesk::AdminDesk(fs::path dataDir, const core::Clock& clock)
    : dataDir_(std::move(dataDir)), clock_(clock) {}
AdminDesk::~AdminDesk() = default;

bool AdminDesk::hasSite() const {
  std::error_code ec;
  return fs::exists(Site::databasePath(dataDir_), ec);
}

core::Status AdminDesk::checkSiteName(const std::string& name) const {
  if (name.empty() || name.size() > 80)
    return core::invalidInput("The site name must be 1 to 80 characters.");
  return core::okStatus();
}

core::Status AdminDesk::checkOds(const std::string& ods) const {
  return validateOds(ods);
}

core::Status AdminDesk::checkQueues(const std::vector<core::QueueDef>& queues) const {
  if (queues.empty()) return core::invalidInput("There must be at least one queue.");
  std::set<std::string> ids;
  std::set<char> prefixes;
  for (const auto& q : queues) {
    if (auto s = core::validateQueue(q); !s.ok()) return s;
    if (!ids.insert(q.id).second) return core::invalidInput("Two queues have the same name: " + q.name + ".");
    if (!prefixes.insert(q.prefix).second)
      return core::invalidInput("Two queues use the ticket letter " + std::string(1, q.prefix) + ".");
  }
  return core::okStatus();
}

core::Result<SetupDone> AdminDesk::createSite(const SetupAnswers& a) {
  if (hasSite()) return core::invalidInput("This kiosk is already set up.");
  if (auto s = checkSiteName(a.siteName); !s.ok()) return s.error();
  if (auto s = checkOds(a.odsCode); !s.ok()) return s.error();
  if (auto s = checkQueues(a.queues); !s.ok()) return s.error();
  auto init = Site::create(dataDir_, SiteSetup{a.odsCode, a.siteName, a.queues}, clock_);
  if (!init.ok()) return init.error();
  auto fail = [](const core::Error& e) {
    return core::Error{e.code, "The site was created, but setup did not finish: " + e.message};
  };
  auto opened = site();
  if (!opened.ok()) return fail(opened.error());
  Site& s = *opened.value();
  auto recovery = recoverySession(s, init->recoveryCode);
  if (!recovery.ok()) return fail(recovery.error());
  setupSession_ = std::move(recovery.value());
  auto card = addStaff(s, *setupSession_, a.adminName, StaffRole::kAdmin, a.adminPin);
  if (!card.ok()) return fail(card.error());
  const std::vector<std::pair<std::string, std::string>> values = {
      {"walkin.queue", a.walkInQueueId.empty() ? a.queues.back().id : a.walkInQueueId},
      {"match.before_min", std::to_string(a.matchBeforeMin)},
      {"match.after_min", std::to_string(a.matchAfterMin)},
      {"kiosk.idle_timeout_s", std::to_string(a.idleTimeoutSeconds)},
      {"screen.size", a.screenSize},
      {"screen.rotation", std::to_string(a.rotation)},
  };
  for (const auto& [k, v] : values)
    if (auto r = service::setSetting(s, *setupSession_, k, v); !r.ok()) return fail(r.error());
  if (a.clockConfirmed)
    if (auto r = confirmClock(); !r.ok()) return fail(r.error());
  return SetupDone{init->deviceId, init->recoveryCode, card->staffId, card->cardText};
}

core::Result<Site*> AdminDesk::site() {
  if (drill_) return core::invalidInput("A drill is running: end it first.");
  if (!site_) {
    auto s = Site::open(dataDir_, clock_);
    if (!s.ok()) return s.error();
    site_ = std::move(s.value());
  }
  return site_.get();
}

StaffSession* AdminDesk::session() const {
  if (setupSession_) return setupSession_.get();
  if (testSession_) return testSession_.get();
  return sessionSource_ ? sessionSource_() : nullptr;
}

core::Result<std::pair<Site*, const StaffSession*>> AdminDesk::asAdmin() {
  const StaffSession* who = session();
  if (!who) return core::unauthorised("Nobody is signed in: sign in with an admin card first.");
  auto s = site();
  if (!s.ok()) return s.error();
  if (auto r = (*s)->reloadSettings(); !r.ok()) return r.error();  // the admin key may have been renewed
  if (auto r = requireAdmin(**s, *who); !r.ok()) return r.error();
  return std::make_pair(*s, who);
}

core::Result<std::vector<SettingRow>> AdminDesk::settings() {
  auto s = site();
  if (!s.ok()) return s.error();
  if (auto r = (*s)->reloadSettings(); !r.ok())
    return r.error();  // the kiosk's connection may have changed them
  std::vector<SettingRow> rows;
  for (const auto& info : settingCatalogue()) {
    if (info.key == "queue.<id>") {
      for (const auto& q : (*s)->info().queues) {
        auto v = getSetting(**s, "queue." + q.id);
        rows.push_back({"queue." + q.id, "A queue: LETTER | Name | Room", v.ok() ? v.value() : ""});
      }
      continue;
    }
    auto v = getSetting(**s, info.key);
    if (!v.ok()) return v.error();
    rows.push_back({info.key, info.description, v.value()});
  }
  return rows;
}

core::Status AdminDesk::setSetting(const std::string& key, const std::string& value) {
  auto admin = asAdmin();
  if (!admin.ok()) return admin.error();
  return service::setSetting(*admin->first, *admin->second, key, value);
}

// Any member of staff may confirm the clock: it is what reception does each morning.
core::Status AdminDesk::confirmClock() {
  const StaffSession* who = session();
  if (!who) return core::unauthorised("Nobody is signed in: sign in with a staff card first.");
  const std::string by = who->who().id;
  auto s = site();
  if (!s.ok()) return s.error();
  Site& site = **s;
  const int64_t day = clock_.now().localDay();
  return site.db().transaction([&]() -> core::Status {
    if (auto r = store::setMeta(site.db(), "clock_confirmed_day", std::to_string(day)); !r.ok()) return r;
    store::JsonObject data;
    data.add("day", day).add("local_minutes", clock_.now().localMinutes());
    auto e = site.appendEvent("clock-confirmed", "", data.str(), by);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
}

bool AdminDesk::clockConfirmedToday() {
  auto s = site();
  return s.ok() && (*s)->clockConfirmedToday();
}

core::Result<std::string> AdminDesk::recipientKeyId() {
  auto s = site();
  if (!s.ok()) return s.error();
  auto r = currentRecipient(**s);
  if (!r.ok()) return r.error();
  return r.value() ? r.value()->keyId() : std::string();
}

core::Result<std::string> AdminDesk::setRecipientText(const std::string& text) {
  auto admin = asAdmin();
  if (!admin.ok()) return admin.error();
  auto k = setRecipient(*admin->first, *admin->second, text);
  if (!k.ok()) return k.error();
  return k->keyId();
}

core::Result<std::string> AdminDesk::setRecipientFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return core::notFound("Cannot read " + file.string() + ". Is the USB stick in?");
  std::stringstream text;
  text << in.rdbuf();
  if (text.str().size() > 4096)
    return core::invalidInput(file.string() + " is too big to be a public key file.");
  return setRecipientText(text.str());
}

core::Result<std::string> AdminDesk::trustCode() {
  auto s = site();
  if (!s.ok()) return s.error();
  // The same site and device the batch header names, and the key export signs with.
  const Site& site = **s;
  return exporter::formatDeviceCode({site.info().odsCode, site.info().deviceId, site.signPublicKey()});
}

DeviceReport AdminDesk::checkDevice(const std::string& settingKey) {
  DeviceReport r{settingKey, "none", false, ""};
  auto s = site();
  if (s.ok()) {
    auto v = getSetting(**s, settingKey);
    if (v.ok()) r.path = v.value();
  }
  if (r.path == "none") {
    r.message = "none set — skip, or set " + settingKey + " later";
    return r;
  }
  std::error_code ec;
  r.found = fs::exists(r.path, ec);
  r.message = r.found ? "found at " + r.path : "not found at " + r.path + " — skip, or set it later";
  return r;
}

core::Result<std::vector<StaffCardRow>> AdminDesk::staffCards() {
  auto admin = asAdmin();
  if (!admin.ok()) return admin.error();
  auto staff = listStaff(*admin->first);
  if (!staff.ok()) return staff.error();
  std::vector<StaffCardRow> rows;
  for (const auto& m : staff.value())
    rows.push_back({m.id, m.name, std::string(toString(m.role)), m.revokedMs.has_value(),
                    m.id == admin->second->who().id});
  return rows;
}

core::Result<std::string> AdminDesk::revokeCard(const std::string& staffId) {
  auto admin = asAdmin();  // checked here and again by revokeStaff itself
  if (!admin.ok()) return admin.error();
  StaffSession* who = session();
  auto staff = listStaff(*admin->first);
  if (!staff.ok()) return staff.error();
  std::string name = staffId;
  for (const auto& m : staff.value())
    if (m.id == staffId) name = m.name + " (" + staffId + ")";
  auto done = revokeStaff(*admin->first, *who, staffId);
  if (!done.ok()) return done.error();
  std::string words = "The card of " + name +
                      " is revoked: it no longer signs in, and it opens nothing written "
                      "from now on. The site's keys were renewed for " +
                      std::to_string(done->renewed) +
                      (done->renewed == 1 ? " other credential, the recovery code."
                                          : " other credentials, the recovery code among them.");
  if (done->notRenewed > 0)
    words += " " + std::to_string(done->notRenewed) +
             " older cards could not be given the new keys: issue them "
             "new cards.";
  if (done->notRehashed > 0)
    words += " " + std::to_string(done->notRehashed) + " damaged records will no longer match.";
  return words;
}

core::Result<DrillSession> AdminDesk::startDrill() {
  if (drill_) return *drill_;
  auto admin = asAdmin();
  if (!admin.ok()) return admin.error();
  const std::string name = admin->first->info().name;
  site_.reset();  // the real site stays closed until the drill ends
  auto started = service::startDrill(dataDir_, name, clock_);
  if (!started.ok()) return started.error();
  auto opened = Site::open(started->dataDir, clock_);
  if (!opened.ok()) return opened.error();
  drillSite_ = std::move(opened.value());
  drill_ = DrillSession{started->dataDir, started->practiceCard, started->practicePin, clock_.now().unixMs};
  return *drill_;
}

core::Status AdminDesk::recordDrillStep(const std::string& step, int64_t durationMs, bool problem,
                                        const std::string& note) {
  if (!drillSite_) return core::okStatus();
  return service::recordDrillStep(*drillSite_, step, durationMs, problem, note);
}

core::Result<std::string> AdminDesk::drillReport() {
  if (!drillSite_) return core::invalidInput("No drill is running.");
  return service::drillReport(*drillSite_);
}

core::Result<fs::path> AdminDesk::exportDrillReport(const fs::path& folder) {
  if (!drillSite_) return core::invalidInput("No drill is running.");
  std::error_code ec;
  fs::create_directories(folder, ec);
  return service::exportDrillReport(*drillSite_, folder);
}

core::Status AdminDesk::endDrill() {
  drillSite_.reset();
  drill_.reset();
  return core::okStatus();
}

}  // namespace longstop::service
