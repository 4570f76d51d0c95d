// Events only an administrator may write (the recipient key, settings and queues, staff added or
// revoked, the site's keys renewed) carry a second signature beside the device's: the site admin key's
// (Ed25519), whose secret only admin cards and the recovery code unwrap. A reception card unwraps the
// device key, so the device's signature alone says nothing about who may change these things.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "crypto/secret_bytes.h"
#include "store/event_log.h"

namespace longstop::service {

class Site;

/// Appends `kind` with `data` and two more fields: `admin_n` (the site's count of admin events, so an
/// old signed event cannot be replayed as new) and, last, `admin_sig`. Call inside a transaction.
core::Result<int64_t> appendAdminEvent(Site& site, const crypto::SecretBytes& adminSecretKey,
                                       std::string_view kind, store::JsonObject data,
                                       std::string_view staffId);

/// The event data appendAdminEvent writes: `data` with `admin_n` = `n` and, last, `admin_sig`.
std::string adminSignedData(const crypto::SecretBytes& adminSecretKey, std::string_view deviceId,
                            std::string_view kind, store::JsonObject data, int64_t n);

/// True when `data` ends with an `admin_sig` that `adminPublicKey` made over this device, kind and the
/// rest of the data.
bool adminSignatureValid(std::string_view adminPublicKey, std::string_view deviceId, std::string_view kind,
                         std::string_view data);

}  // namespace longstop::service
