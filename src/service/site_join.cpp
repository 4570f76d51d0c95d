#include "service/site_join.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/ids.h"
#include "crypto/primitives.h"
#include "service/admin_sign.h"
#include "service/key_bundle.h"
#include "service/settings.h"
#include "service/site_roster.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

constexpr std::string_view kInvitePrefix = "join_invite.";
// Settings that belong to the site, copied to a joining device; the rest (screen, camera, printer,
// site.listen, device.role) describe one device.
const char* const kSiteSettings[] = {"match.before_min",     "match.after_min", "kiosk.idle_timeout_s",
                                     "staff.idle_timeout_s", "walkin.queue",    "retention.days"};

// Everything the code's secret gives, each for one purpose.
struct SecretKeys {
  std::string inviteId;          // hex; names the invitation (the secret itself is never stored)
  std::string macKey;            // the request's and the reply's MAC
  std::string replyKey;          // seals the reply
  crypto::SecretBytes grantKey;  // opens the site's keys sealed at the invitation; never stored
};
SecretKeys keysOf(std::string_view secret) {
  return {crypto::toHex(crypto::keyedHash(secret, "LSJ1 invitation", 16)),
          crypto::keyedHash(secret, "LSJ1 mac", 32), crypto::keyedHash(secret, "LSJ1 reply", 32),
          crypto::SecretBytes::copyOf(crypto::keyedHash(secret, "LSJ1 grant", 32))};
}

std::string requestMacBytes(const json& r) {
  return "LSJ1 request|" + r.value("invite", "") + "|" + r.value("device", "") + "|" +
         r.value("sign_pk", "") + "|" + r.value("address", "") + "|" + r.value("role", "");
}

std::string refusal(std::string sentence) {
  return json{{"ok", false}, {"reason", std::move(sentence)}}.dump();
}

std::string hhmm(int64_t unixMs) {
  const int64_t minute = (unixMs / 60000) % 1440;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minute / 60), static_cast<int>(minute % 60));
  return buf;
}

bool validRole(std::string_view r) {
  return r == "kiosk" || r == "desk" || r == "board";
}

json credentialJson(const store::CredentialRow& c) {
  return {{"id", c.id},
          {"kind", c.kind},
          {"salt", crypto::toHex(c.kdfSalt)},
          {"ops", c.kdfOps},
          {"mem", c.kdfMem},
          {"wrapped", crypto::toHex(c.wrapped)},
          {"created_ms", c.createdMs},
          {"pk", crypto::toHex(c.publicKey)}};
}

std::string unhex(const json& j, const char* key) {
  auto v = crypto::fromHex(j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>()
                                                                                  : std::string("-"));
  return v ? *v : std::string();
}

// The reply's body: what a new device of this site starts from. Staff names are not patients' data,
// but the whole body is sealed anyway; the site's secret keys inside it are sealed a second time,
// under the key only the code's secret gives.
core::Result<json> replyBody(Site& site, const json& invite, const json& request) {
  json body;
  const SiteInfo& info = site.info();
  body["ods"] = info.odsCode;
  body["name"] = info.name;
  body["device"] = info.deviceId;
  body["sign_pk"] = crypto::toHex(site.signPublicKey());
  body["records_pk"] = crypto::toHex(site.recordsPublicKey());
  body["admin_pk"] = crypto::toHex(site.adminPublicKey());
  auto role = getSetting(site, "device.role");
  body["role"] = role.ok() ? role.value() : "kiosk";
  body["grant"] = invite["grant"];
  body["queues"] = json::array();
  for (const auto& q : info.queues)
    body["queues"].push_back(
        {{"id", q.id}, {"name", q.name}, {"prefix", std::string(1, q.prefix)}, {"room", q.room}});
  body["walkin"] = info.walkInQueueId;
  body["settings"] = json::object();
  for (const char* key : kSiteSettings) {
    auto v = getSetting(site, key);
    if (!v.ok()) return v.error();
    body["settings"][key] = v.value();
  }
  body["staff"] = json::array();
  body["credentials"] = json::array();
  if (request.value("role", "") == "board") return body;  // a board holds no credentials at all
  auto st =
      site.db().prepare("SELECT id, name, role, card_check, created_ms FROM staff WHERE revoked_ms IS NULL");
  if (!st.ok()) return st.error();
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    body["staff"].push_back({{"id", st->columnText(0)},
                             {"name", st->columnText(1)},
                             {"role", st->columnText(2)},
                             {"card_check", crypto::toHex(st->columnBlob(3))},
                             {"created_ms", st->columnInt(4)}});
  }
  auto creds = store::listCredentials(site.db());
  if (!creds.ok()) return creds.error();
  for (const auto& c : creds.value()) {
    if (c.publicKey.size() != 32) continue;  // a card from before schema 5: re-issue it to use it there
    bool current = c.kind == "recovery";
    for (const auto& s : body["staff"]) current = current || s["id"] == c.id;
    if (current) body["credentials"].push_back(credentialJson(c));
  }
  return body;
}

}  // namespace

std::string keyFingerprint(std::string_view signPublicKey) {
  const auto digest = crypto::sha256(signPublicKey);
  return crypto::toBase32(std::string_view(reinterpret_cast<const char*>(digest.data()), 10))
      .substr(0, core::kJoinFingerprintLength);
}

std::string joinSubject(std::string_view site, std::string_view device) {
  return "ls." + std::string(site) + "." + std::string(device) + ".join";
}

core::Result<Invitation> inviteDevice(Site& site, const StaffSession& admin, std::string_view listen,
                                      std::string_view role) {
  if (auto s = requireAdmin(site, admin); !s.ok()) return s.error();
  if (!role.empty() && !validRole(role))
    return core::invalidInput("A device's role is kiosk, desk or board.");
  if (auto s = site.requireUnlocked(); !s.ok()) return s.error();
  const auto colon = listen.rfind(':');
  core::JoinCode code;
  code.site = site.info().odsCode;
  code.deviceId = site.info().deviceId;
  code.host = std::string(listen.substr(0, colon == std::string_view::npos ? 0 : colon));
  code.port = colon == std::string_view::npos ? 0 : std::atoi(std::string(listen.substr(colon + 1)).c_str());
  code.fingerprint = keyFingerprint(site.signPublicKey());
  code.secret = crypto::toBase32(crypto::randomBytes(16));
  const int64_t now = site.clock().now().unixMs;
  const int64_t expiresMs = now + kJoinCodeValidMs;
  code.expiresMinute = (expiresMs + 59'999) / 60'000;
  const std::string text = core::formatJoinCode(code);
  if (auto check = core::parseJoinCode(text); !check.ok())
    return core::invalidInput("This device's site.listen (" + std::string(listen) +
                              ") is not an address a joining device can reach: set it to this device's "
                              "IPv4 address and port on the site's network, e.g. 10.0.0.2:4222.");
  const SecretKeys k = keysOf(code.secret);
  // The site's keys as the joiner will need them, sealed now (the session holds them) under a key
  // that only the secret gives; the signing key is the joiner's own, never this device's.
  SiteSecrets grant = admin.secrets().copy();
  grant.signSecretKey = crypto::SecretBytes::copyOf(std::string(64, '\0'));
  const CredentialKeys sealed = makeCredentialKeys(k.grantKey, grant, true);
  json invite{{"role", std::string(role)},
              {"created_ms", now},
              {"expires_ms", expiresMs},
              {"mac_key", crypto::toHex(k.macKey)},
              {"reply_key", crypto::toHex(k.replyKey)},
              {"grant",
               {{"wrapped", crypto::toHex(sealed.wrapped)},
                {"pk", crypto::toHex(sealed.publicKey)},
                {"bundle", crypto::toHex(sealed.bundle)}}},
              {"used_ms", nullptr},
              {"used_by", ""}};
  auto s = site.db().transaction([&]() -> core::Status {
    if (auto m = store::setMeta(site.db(), std::string(kInvitePrefix) + k.inviteId, invite.dump()); !m.ok())
      return m;
    store::JsonObject data;
    data.add("invite", k.inviteId).add("role", role).add("expires_ms", expiresMs);
    auto e = appendAdminEvent(site, admin.secrets().adminSecretKey, "join-invited", std::move(data),
                              admin.who().id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  if (!s.ok()) return s.error();
  return Invitation{code, text, std::string(role), expiresMs};
}

namespace {
std::string answerChecked(Site& site, std::string_view requestBytes);
}  // namespace

// nlohmann's value() throws on a field of another type than asked: any such request is refused.
std::string answerJoinRequest(Site& site, std::string_view requestBytes) {
  try {
    return answerChecked(site, requestBytes);
  } catch (const json::exception&) {
    return refusal("The other device sent a join request this device does not understand.");
  }
}

namespace {
std::string answerChecked(Site& site, std::string_view requestBytes) {
  const json r = json::parse(requestBytes, nullptr, false);
  if (!r.is_object() || r.value("v", 0) != 1 || !r.contains("invite") || !r["invite"].is_string())
    return refusal(
        "The other device sent a join request this device does not understand: are both on the same version "
        "of Longstop?");
  const std::string inviteId = r.value("invite", "");
  const std::string device = r.value("device", ""), role = r.value("role", ""),
                    address = r.value("address", "");
  const std::string signPk = unhex(r, "sign_pk"), mac = unhex(r, "mac");
  if (inviteId.size() != 32 || !crypto::fromHex(inviteId))
    return refusal("The other device sent a join request this device does not understand.");
  auto stored = store::getMeta(site.db(), std::string(kInvitePrefix) + inviteId);
  if (!stored.ok()) return refusal("This device could not read its invitations: " + stored.error().message);
  if (!stored.value())
    return refusal(
        "Device " + site.info().deviceId +
        " made no such join code: it is mistyped beyond what its check catches, or from another site. "
        "Ask for a new one.");
  json invite = json::parse(*stored.value(), nullptr, false);
  if (!invite.is_object())
    return refusal("This invitation is damaged on device " + site.info().deviceId + ": make a new one.");
  if (!invite["used_ms"].is_null())
    return refusal("This join code was already used (by device " + invite.value("used_by", "?") + " at " +
                   hhmm(invite.value("used_ms", int64_t{0})) +
                   " UTC). A join code works once: ask an administrator for a new one.");
  const int64_t now = site.clock().now().unixMs;
  if (now >= invite.value("expires_ms", int64_t{0}))
    return refusal("This join code expired at " + hhmm(invite.value("expires_ms", int64_t{0})) +
                   " UTC. A join code is valid for 10 minutes: ask an administrator for a new one.");
  const std::string macKey = unhex(invite, "mac_key");
  if (mac.size() != 32 || !crypto::equalConstantTime(crypto::keyedHash(macKey, requestMacBytes(r), 32), mac))
    return refusal(
        "This join request was not made with the join code's secret. Scan or type the code again.");
  const std::string wanted = invite.value("role", "");
  if (!validRole(role)) return refusal("A device's role is kiosk, desk or board.");
  if (!wanted.empty() && wanted != role)
    return refusal("This join code is for a " + wanted + (wanted == "desk" ? " (reception desk)" : "") +
                   ": choose that role, or ask for a code for a " + role + ".");
  if (!core::isValidDeviceId(device) || signPk.size() != 32)
    return refusal("The joining device did not say who it is in the way Longstop does.");
  if (auto s = site.requireUnlocked(); !s.ok())
    return refusal(
        "Device " + site.info().deviceId +
        " is locked after a restart: a member of staff must sign in there before it can let a device join.");
  auto body = replyBody(site, invite, r);
  if (!body.ok()) return refusal(body.error().message);
  const std::string sealedBody =
      crypto::wrap(crypto::SecretBytes::copyOf(unhex(invite, "reply_key")), body->dump());
  // One transaction: the invitation used (its sealed keys forgotten), the device in the roster.
  auto s = site.db().transaction([&]() -> core::Status {
    auto peers = store::listPeers(site.db());
    if (!peers.ok()) return peers.error();
    for (const auto& p : peers.value())
      if (p.deviceId == device)
        return core::conflict("A device " + device + " is already in the site: try joining again.");
    if (device == site.info().deviceId)
      return core::conflict("The joining device drew this device's ID: try joining again.");
    invite["used_ms"] = now;
    invite["used_by"] = device;
    invite.erase("grant");
    invite.erase("reply_key");
    if (auto m = store::setMeta(site.db(), std::string(kInvitePrefix) + inviteId, invite.dump()); !m.ok())
      return m;
    if (auto p = store::insertPeer(site.db(), {device, signPk, address, role, now, {}}); !p.ok()) return p;
    store::JsonObject data;
    data.add("device", device)
        .add("sign_pk", crypto::toHex(signPk))
        .add("address", address)
        .add("role", role);
    data.add("invite", inviteId);
    auto e = site.appendEvent("peer-joined", "", data.str());
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  if (!s.ok()) return refusal(s.error().message);
  const std::string signedBytes = "LSJ1 reply|" + inviteId + "|" + device + "|" + sealedBody;
  return json{{"ok", true},
              {"body", crypto::toHex(sealedBody)},
              {"sig", crypto::toHex(site.signWithDeviceKey(signedBytes))},
              {"mac", crypto::toHex(crypto::keyedHash(macKey, signedBytes, 32))}}
      .dump();
}
}  // namespace

}  // namespace longstop::service

namespace longstop::service {
namespace {

// Adds what the reply carries to the new site, inside createJoined's transaction: the staff and their
// credentials (each bundle sealed anew, with this device's own signing key) and their admin-signed
// `staff-added` events, as this site's administrator would have written them.
core::Status addStaffAndCredentialsChecked(Site& site, const json& body, const SiteSecrets& secrets,
                                           int& count) {
  const int64_t now = site.clock().now().unixMs;
  for (const auto& c : body["credentials"]) {
    store::CredentialRow row{c.value("id", ""),
                             c.value("kind", ""),
                             unhex(c, "salt"),
                             c.value("ops", int64_t{0}),
                             c.value("mem", int64_t{0}),
                             unhex(c, "wrapped"),
                             c.value("created_ms", now),
                             unhex(c, "pk"),
                             ""};
    if (row.publicKey.size() != 32 || (row.kind != "recovery" && row.kind != "staff"))
      return core::corrupt("The inviting device sent a credential Longstop cannot use.");
    bool admin = row.kind == "recovery";
    const json* staff = nullptr;
    for (const auto& s : body["staff"])
      if (s.value("id", "") == row.id) staff = &s;
    if (row.kind == "staff") {
      if (!staff) return core::corrupt("The inviting device sent a card without its member of staff.");
      admin = staff->value("role", "") == "admin";
      auto st =
          site.db().prepare("INSERT INTO staff(id, name, role, card_check, created_ms) VALUES (?,?,?,?,?)");
      if (!st.ok()) return st.error();
      st->bind(1, row.id).bind(2, staff->value("name", "")).bind(3, admin ? "admin" : "reception");
      st->bindBlob(4, unhex(*staff, "card_check")).bind(5, staff->value("created_ms", now));
      if (auto r = st->run(); !r.ok()) return r;
    }
    row.bundle = sealBundle(row.publicKey, secrets, admin);
    if (auto r = store::insertCredential(site.db(), row); !r.ok()) return r;
    if (row.kind == "staff") {
      store::JsonObject data;
      data.add("staff", row.id)
          .add("role", admin ? "admin" : "reception")
          .add("box_pk", crypto::toHex(row.publicKey));
      auto e = appendAdminEvent(site, secrets.adminSecretKey, "staff-added", std::move(data), "");
      if (!e.ok()) return e.error();
    }
    ++count;
  }
  return core::okStatus();
}

core::Status addStaffAndCredentials(Site& site, const json& body, const SiteSecrets& secrets, int& count) {
  try {
    return addStaffAndCredentialsChecked(site, body, secrets, count);
  } catch (const json::exception&) {
    return core::corrupt("The inviting device sent staff credentials Longstop cannot read.");
  }
}

void removeAll(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename() != "lost+found") fs::remove_all(it->path(), ec);
}

// The reply, checked: signed by the key the code's fingerprint names, MAC'd and sealed under keys
// only the secret gives. The body, or the inviter's sentence.
core::Result<json> openReply(const std::string& replyBytes, const core::JoinCode& code, const SecretKeys& k,
                             const std::string& deviceId) {
  const json reply = json::parse(replyBytes, nullptr, false);
  if (!reply.is_object() || !reply.contains("ok") || !reply["ok"].is_boolean())
    return core::corrupt("Device " + code.deviceId + " answered with something that is not a join reply.");
  if (!reply["ok"].get<bool>()) {
    const std::string reason = reply.value("reason", "");
    return core::unauthorised(reason.empty() ? "Device " + code.deviceId + " refused to let this device join."
                                             : reason);
  }
  const std::string sealed = unhex(reply, "body"), sig = unhex(reply, "sig"), mac = unhex(reply, "mac");
  const std::string signedBytes = "LSJ1 reply|" + k.inviteId + "|" + deviceId + "|" + sealed;
  const char* const forged =
      "The answer did not come from the device that showed the join code (its key or seal is wrong). Do not "
      "go on: tell the practice's IT support.";
  if (mac.size() != 32 || !crypto::equalConstantTime(crypto::keyedHash(k.macKey, signedBytes, 32), mac))
    return core::corrupt(forged);
  auto plain = crypto::unwrap(crypto::SecretBytes::copyOf(k.replyKey), sealed);
  if (!plain) return core::corrupt(forged);
  json body = json::parse(plain->view(), nullptr, false);
  if (!body.is_object()) return core::corrupt(forged);
  const std::string signPk = unhex(body, "sign_pk");
  if (signPk.size() != 32 || keyFingerprint(signPk) != code.fingerprint ||
      !crypto::verifySignature(signPk, signedBytes, sig) || body.value("device", "") != code.deviceId ||
      body.value("ods", "") != code.site)
    return core::corrupt(forged);
  for (const char* key : {"queues", "settings", "staff", "credentials", "grant"})
    if (!body.contains(key))
      return core::corrupt("Device " + code.deviceId + " sent an incomplete join reply.");
  return body;
}

core::Status finishJoinChecked(Site& site, const json& body, const SiteSecrets& secrets,
                               const JoinRequestSetup& setup, const core::JoinCode& code) {
  StaffSession admin(StaffMember{"", "joining", StaffRole::kAdmin, 0, {}, 0, 0}, secrets.copy(),
                     site.clock().now().unixMs);
  for (auto it = body["settings"].begin(); it != body["settings"].end(); ++it) {
    auto current = getSetting(site, it.key());
    if (current.ok() && it->is_string() && current.value() != it->get<std::string>())
      if (auto s = setSetting(site, admin, it.key(), it->get<std::string>()); !s.ok()) return s;
  }
  if (setup.role != "kiosk")
    if (auto s = setSetting(site, admin, "device.role", setup.role); !s.ok()) return s;
  if (!setup.listen.empty())
    if (auto s = setSetting(site, admin, "site.listen", setup.listen); !s.ok()) return s;
  const std::string address = "nats://" + code.host + ":" + std::to_string(code.port);
  return addPeer(site, admin,
                 {code.deviceId, unhex(body, "sign_pk"), address, body.value("role", "kiosk"), 0, {}});
}

core::Status finishJoin(Site& site, const json& body, const SiteSecrets& secrets,
                        const JoinRequestSetup& setup, const core::JoinCode& code) {
  try {
    return finishJoinChecked(site, body, secrets, setup, code);
  } catch (const json::exception&) {
    return core::corrupt("The inviting device sent settings Longstop cannot read.");
  }
}

core::Result<json> openReplyChecked(const std::string& replyBytes, const core::JoinCode& code,
                                    const SecretKeys& k, const std::string& deviceId) {
  try {
    auto body = openReply(replyBytes, code, k, deviceId);
    if (!body.ok()) return body;
    // Every field used below, of the type it must have, so nothing later can throw.
    const json& b = body.value();
    for (const char* key : {"ods", "name", "sign_pk", "records_pk", "admin_pk", "walkin", "role"})
      if (!b.contains(key) || !b[key].is_string())
        return core::corrupt("The join reply lacks its " + std::string(key) + ".");
    for (const char* key : {"queues", "staff", "credentials"})
      if (!b[key].is_array())
        return core::corrupt("The join reply's " + std::string(key) + " are not a list.");
    if (!b["settings"].is_object() || !b["grant"].is_object())
      return core::corrupt("The join reply's settings or keys are missing.");
    for (const auto& q : b["queues"])
      if (!q.is_object()) return core::corrupt("The join reply's queues are not readable.");
    for (const auto& q : b["queues"]) {
      (void)q.value("id", "");
      (void)q.value("name", "");
      (void)q.value("prefix", "");
      (void)q.value("room", "");
    }
    return body;
  } catch (const json::exception&) {
    return core::corrupt("Device " + code.deviceId + " sent a join reply Longstop cannot read.");
  }
}

}  // namespace

core::Result<JoinResult> joinSite(const fs::path& dataDir, std::string_view codeText,
                                  const JoinRequestSetup& setup, const core::Clock& clock,
                                  const JoinTransport& send, KeyStore* keys) {
  if (!crypto::initialise()) return core::internalError("libsodium could not start on this machine.");
  auto code = core::parseJoinCode(codeText);
  if (!code.ok()) return code.error();
  if (!validRole(setup.role)) return core::invalidInput("A device's role is kiosk, desk or board.");
  if (auto s = core::joinCodeExpiry(*code, clock.now().unixMs); !s.ok()) return s.error();
  if (!setup.listen.empty())
    if (auto s = validateListen(setup.listen); !s.ok()) return s.error();
  std::error_code ec;
  for (fs::directory_iterator it(dataDir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename() != "lost+found")
      return core::conflict("The data directory " + dataDir.string() +
                            " is not empty: a device joins a site only with a fresh one.");
  const SecretKeys k = keysOf(code->secret);
  const std::string random = crypto::randomBytes(4);
  std::array<uint8_t, 4> r{};
  std::copy(random.begin(), random.end(), r.begin());
  const std::string deviceId = core::deviceIdFromRandom(r);
  const crypto::SignKeyPair own = crypto::makeSignKeyPair();
  json request{{"v", 1},
               {"invite", k.inviteId},
               {"device", deviceId},
               {"sign_pk", crypto::toHex(own.publicKey)},
               {"address", setup.address},
               {"role", setup.role}};
  request["mac"] = crypto::toHex(crypto::keyedHash(k.macKey, requestMacBytes(request), 32));
  const std::string url = "nats://" + code->host + ":" + std::to_string(code->port);
  auto replyBytes = send(url, joinSubject(code->site, code->deviceId), request.dump());
  if (!replyBytes.ok())
    return core::storageError("Could not reach device " + code->deviceId + " at " + code->host + ":" +
                              std::to_string(code->port) + " (" + replyBytes.error().message +
                              "). Check that it is switched on, on the site's network, and serving.");
  auto body = openReplyChecked(replyBytes.value(), *code, k, deviceId);
  if (!body.ok()) return body.error();
  const json& grant = (*body)["grant"];
  store::CredentialRow grantRow{
      "grant", "grant", "", 0, 0, unhex(grant, "wrapped"), 0, unhex(grant, "pk"), unhex(grant, "bundle")};
  auto site_secrets = openCredentialKeys(grantRow, k.grantKey);
  if (!site_secrets.ok() || !site_secrets->admin())
    return core::corrupt("The site's keys from device " + code->deviceId +
                         " could not be opened. Ask for a new code.");
  SiteSecrets secrets = std::move(site_secrets.value());
  secrets.signSecretKey = crypto::SecretBytes::copyOf(own.secretKey.view());
  JoinedSetup joined;
  joined.setup.odsCode = body->value("ods", "");
  joined.setup.name = body->value("name", "");
  for (const auto& q : (*body)["queues"]) {
    const std::string prefix = q.value("prefix", "A");
    joined.setup.queues.push_back(
        {q.value("id", ""), q.value("name", ""), prefix.empty() ? 'A' : prefix[0], q.value("room", "")});
  }
  // The walk-in queue is the last one, as a new site's.
  const std::string walkin = body->value("walkin", "");
  for (size_t i = 0; i + 1 < joined.setup.queues.size(); ++i)
    if (joined.setup.queues[i].id == walkin)
      std::rotate(joined.setup.queues.begin() + static_cast<long>(i),
                  joined.setup.queues.begin() + static_cast<long>(i) + 1, joined.setup.queues.end());
  joined.deviceId = deviceId;
  joined.recordsPublicKey = unhex(*body, "records_pk");
  joined.adminPublicKey = unhex(*body, "admin_pk");
  joined.joinedFrom = code->deviceId;
  joined.secrets = secrets.copy();
  int credentials = 0;
  joined.fill = [&](Site& s) { return addStaffAndCredentials(s, *body, secrets, credentials); };
  auto site = Site::createJoined(dataDir, joined, clock, keys);
  if (!site.ok()) {
    if (site.error().code != core::ErrorCode::kConflict) removeAll(dataDir);
    return site.error();
  }
  if (auto s = finishJoin(**site, *body, secrets, setup, *code); !s.ok()) {
    (*site)->lock();
    site.value().reset();
    removeAll(dataDir);
    return s.error();
  }
  // A board holds no credentials: nothing can unlock it again, and it needs nothing unlocked.
  if (setup.role == "board") (*site)->lock();
  return JoinResult{deviceId, code->deviceId, body->value("name", ""), setup.role, credentials};
}

}  // namespace longstop::service
