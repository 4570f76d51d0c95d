// Joining a site (docs/site.md, "Joining"): an administrator on a device of the site makes a one-time
// join code (core/join_code.h); a fresh device reads it and asks the inviter, over the inviter's own
// nats-server, to let it in. The request carries the new device's ID, signing key and address with a
// MAC under a key derived from the code's secret; the inviter checks the invitation it recorded (a
// hash of the secret, an expiry, used or not), adds the device to its roster and answers with the
// site's keys, staff credentials, settings and queues, sealed under another key derived from the
// secret and signed with the key the code's fingerprint names. No transport here: the caller sends
// the bytes (replica::JoinResponder on the inviter, a StreamClient request on the joiner).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/join_code.h"
#include "core/result.h"
#include "service/key_store.h"
#include "service/site.h"
#include "service/staff.h"

namespace longstop::service {

/// How long a join code is valid.
inline constexpr int64_t kJoinCodeValidMs = 10 * 60 * 1000;

struct Invitation {
  core::JoinCode code;
  std::string text;  // the code as text: what the QR code holds and a person may type
  std::string role;  // kiosk, desk or board; empty: the joiner chooses
  int64_t expiresMs = 0;
};

/// Records a one-time invitation (the hash of a new secret, its expiry 10 minutes from now, unused,
/// and the site's keys sealed under a key only the secret gives) and an admin-signed `join-invited`
/// event; needs an administrator's session. `listen` is where this device's server is reached
/// (IPv4:PORT: the site's `site.listen`). `role` may be empty (the joiner chooses).
core::Result<Invitation> inviteDevice(Site& site, const StaffSession& admin, std::string_view listen,
                                      std::string_view role);

/// The inviter's answer to a join request: the reply's bytes. A refusal (unknown secret, used,
/// expired, wrong MAC, another role, a locked device) is a reply with a sentence and changes nothing;
/// an accepted request marks the invitation used, forgets its sealed keys, adds the device to the
/// roster (a `peer-joined` event) in one transaction. Never throws; any bytes are safe.
std::string answerJoinRequest(Site& site, std::string_view request);

/// Sends `request` to the inviter's server at `url` on `subject` and returns its reply.
using JoinTransport = std::function<core::Result<std::string>(
    const std::string& url, const std::string& subject, const std::string& request)>;

/// How a joining device reaches the network: the transport, and the IPv4 address this machine
/// would reach `host` from ("" when it has none), for the address it offers to listen on.
struct JoinNetwork {
  JoinTransport send;
  std::function<std::string(const std::string& host, int port)> ownAddress;
};

/// What the joining device must say about itself.
struct JoinRequestSetup {
  std::string role;     // kiosk, desk or board
  std::string address;  // where its own server will listen, nats://HOST:PORT (for the inviter's roster)
  std::string listen;   // the same as IPv4:PORT for its `site.listen`, or empty
};

struct JoinResult {
  std::string deviceId;  // this device's new ID
  std::string inviter;   // the device it joined through
  std::string siteName;
  std::string role;
  int credentials = 0;  // staff cards (and the recovery code) that open this device
};

/// Joins the site a code names (a code past its expiry on `clock`, or a `setup.listen` that is not
/// IPv4:PORT, is refused before anything is sent): `dataDir` must be empty or missing; it is left as it was
/// when the inviter refuses or cannot be reached (the inviter's sentence is the error), and holds the joined
/// site (unlocked for this boot, a board locked with no credentials) when this returns ok.
core::Result<JoinResult> joinSite(const std::filesystem::path& dataDir, std::string_view codeText,
                                  const JoinRequestSetup& setup, const core::Clock& clock,
                                  const JoinTransport& send, KeyStore* keys = nullptr);

/// The subject a device answers join requests on: `ls.<site>.<device>.join` (site: the ODS code).
std::string joinSubject(std::string_view site, std::string_view device);

/// The 16 base32 characters a join code carries for a signing public key (80 bits of its SHA-256).
std::string keyFingerprint(std::string_view signPublicKey);

}  // namespace longstop::service
