#include "replica/wire.h"

#include <nlohmann/json.hpp>

#include "crypto/primitives.h"

namespace longstop::replica {

std::string encodeEvent(const store::SiteEvent& e) {
  nlohmann::json j = {{"v", 1},
                      {"origin", e.origin},
                      {"seq", e.originSeq},
                      {"hlc", e.event.hlc},
                      {"at_ms", e.event.atMs},
                      {"kind", e.event.kind},
                      {"record", e.event.recordId},
                      {"staff", e.event.staffId},
                      {"data", e.event.data},
                      {"prev", crypto::toHex(e.prevHash)},
                      {"hash", crypto::toHex(e.hash)},
                      {"sig", crypto::toHex(e.sig)}};
  if (e.sealed) j["sealed"] = crypto::toHex(*e.sealed);
  return j.dump();
}

core::Result<store::SiteEvent> decodeEvent(std::string_view bytes) {
  if (bytes.size() > kMaxEventBytes)
    return core::invalidInput("the message is " + std::to_string(bytes.size()) +
                              " bytes, over the limit of " + std::to_string(kMaxEventBytes));
  auto j = nlohmann::json::parse(bytes, nullptr, false);
  // Not j.value("v", 0): it throws when "v" is there but is not a number.
  const auto version = j.is_object() ? j.find("v") : j.end();
  if (!j.is_object() || version == j.end() || !version->is_number_integer() || *version != 1)
    return core::invalidInput("the message is not a Longstop event");
  auto text = [&](const char* k, std::string& out) {
    auto it = j.find(k);
    if (it == j.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
  };
  auto number = [&](const char* k, int64_t& out) {
    auto it = j.find(k);
    if (it == j.end() || !it->is_number_integer()) return false;
    out = it->get<int64_t>();
    return true;
  };
  auto hex = [&](const char* k, std::string& out, size_t size) {
    std::string h;
    if (!text(k, h)) return false;
    auto raw = crypto::fromHex(h);
    if (!raw || (size && raw->size() != size)) return false;
    out = std::move(*raw);
    return true;
  };
  store::SiteEvent e;
  std::string sealedHex;
  const bool ok = text("origin", e.origin) && number("seq", e.originSeq) && number("hlc", e.event.hlc) &&
                  number("at_ms", e.event.atMs) && text("kind", e.event.kind) &&
                  text("record", e.event.recordId) && text("staff", e.event.staffId) &&
                  text("data", e.event.data) && hex("prev", e.prevHash, 32) && hex("hash", e.hash, 32) &&
                  hex("sig", e.sig, 0);
  if (!ok || e.originSeq < 1 || e.event.hlc < 0 || e.origin.empty() || e.origin.size() > 16)
    return core::invalidInput("the message is not a well-formed event");
  if (j.contains("sealed")) {
    std::string sealed;
    if (!hex("sealed", sealed, 0)) return core::invalidInput("the message's sealed details are not hex");
    e.sealed = std::move(sealed);
  }
  return e;
}

std::string eventSubject(std::string_view siteId, std::string_view deviceId) {
  return "ls." + std::string(siteId) + "." + std::string(deviceId) + ".ev";
}
std::string streamName(std::string_view deviceId) {
  return "LS_" + std::string(deviceId);
}
std::string messageId(std::string_view deviceId, int64_t seq) {
  return std::string(deviceId) + "-" + std::to_string(seq);
}

}  // namespace longstop::replica
