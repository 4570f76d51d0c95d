// Fuzzes both messages of a join (docs/site.md, "Joining"): what arrives on an inviter's join subject
// (service::answerJoinRequest) and what a joining device gets back (service::joinSite's reading of
// the reply). The first byte picks the side: 'Q' a request, 'R' a reply; the rest is the message.
//
// So that seeds reach past the MAC and the seal, the harness makes a fresh invitation for each input
// and fills in what only its secret gives: in a request, "@INVITE@" becomes the invitation's id and
// "@MAC@" the request's true MAC; a reply that begins "BODY " is the rest sealed, MAC'd and signed
// exactly as the inviter would (for the joining device's own ID, read from its request), with
// "@SIGN_PK@" and "@DEVICE@" in it standing for the inviter's signing key and device ID.
//
// Invariants: a request gets a JSON reply with a boolean "ok"; a refusal has a sentence and changes
// nothing (events, roster, the invitation); an accepted one adds one device and uses the invitation.
// A reply either joins (the directory then holds a site that opens) or is refused with a sentence
// and leaves the directory empty.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/date.h"
#include "crypto/primitives.h"
#include "crypto/secret_bytes.h"
#include "service/site.h"
#include "service/site_join.h"
#include "service/staff.h"

using namespace longstop;
using nlohmann::json;

namespace {

struct Fixture {
  std::filesystem::path dir;
  core::ManualClock clock{{core::daysFromCivil({2026, 12, 3}) * 86400000 + 9 * 3600000, 0}};
  std::unique_ptr<service::Site> site;
  std::unique_ptr<service::StaffSession> admin;

  Fixture() {
    char tmpl[] = "/tmp/longstop-fuzz-join-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) std::abort();
    dir = tmpl;
    auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
    if (!init.ok()) std::abort();
    auto opened = service::Site::open(dir / "site", clock);
    if (!opened.ok()) std::abort();
    site = std::move(opened.value());
    auto session = service::recoverySession(*site, init->recoveryCode);
    if (!session.ok()) std::abort();
    admin = std::move(session.value());
  }
  ~Fixture() {
    admin.reset();
    site.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  int64_t scalar(const char* sql) {
    auto st = site->db().prepare(sql);
    if (!st.ok() || !st->step().ok()) std::abort();
    const int64_t v = st->columnInt(0);
    st->reset();
    return v;
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void replaceAll(std::string& s, std::string_view from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

std::string field(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

void fuzzRequest(Fixture& f, const service::Invitation& inv, std::string request) {
  const std::string inviteId = crypto::toHex(crypto::keyedHash(inv.code.secret, "LSJ1 invitation", 16));
  const std::string macKey = crypto::keyedHash(inv.code.secret, "LSJ1 mac", 32);
  replaceAll(request, "@INVITE@", inviteId);
  json parsed = json::parse(request, nullptr, false);
  if (request.find("@MAC@") != std::string::npos && parsed.is_object()) {
    const std::string macBytes = "LSJ1 request|" + field(parsed, "invite") + "|" + field(parsed, "device") +
                                 "|" + field(parsed, "sign_pk") + "|" + field(parsed, "address") + "|" +
                                 field(parsed, "role");
    replaceAll(request, "@MAC@", crypto::toHex(crypto::keyedHash(macKey, macBytes, 32)));
  }
  const int64_t events = f.scalar("SELECT count(*) FROM events");
  const int64_t peers = f.scalar("SELECT count(*) FROM peers");
  const json reply = json::parse(service::answerJoinRequest(*f.site, request), nullptr, false);
  if (!reply.is_object() || !reply.contains("ok") || !reply["ok"].is_boolean()) std::abort();
  if (reply["ok"].get<bool>()) {
    if (f.scalar("SELECT count(*) FROM peers") != peers + 1) std::abort();
    for (const char* key : {"body", "sig", "mac"})
      if (field(reply, key).empty()) std::abort();
    return;
  }
  if (field(reply, "reason").empty()) std::abort();
  if (f.scalar("SELECT count(*) FROM events") != events || f.scalar("SELECT count(*) FROM peers") != peers)
    std::abort();
}

void fuzzReply(Fixture& f, const service::Invitation& inv, const std::string& reply) {
  const std::filesystem::path joiner = f.dir / "joiner";
  std::error_code ec;
  std::filesystem::remove_all(joiner, ec);
  const service::JoinTransport send = [&](const std::string&, const std::string&,
                                          const std::string& request) -> core::Result<std::string> {
    if (reply.rfind("BODY ", 0) != 0) return reply;
    const json r = json::parse(request, nullptr, false);
    std::string body = reply.substr(5);
    replaceAll(body, "@SIGN_PK@", crypto::toHex(f.site->signPublicKey()));
    replaceAll(body, "@DEVICE@", f.site->info().deviceId);
    const std::string inviteId = crypto::toHex(crypto::keyedHash(inv.code.secret, "LSJ1 invitation", 16));
    const std::string sealed =
        crypto::wrap(crypto::SecretBytes::copyOf(crypto::keyedHash(inv.code.secret, "LSJ1 reply", 32)), body);
    const std::string signedBytes = "LSJ1 reply|" + inviteId + "|" + field(r, "device") + "|" + sealed;
    return json{{"ok", true},
                {"body", crypto::toHex(sealed)},
                {"sig", crypto::toHex(f.site->signWithDeviceKey(signedBytes))},
                {"mac", crypto::toHex(crypto::keyedHash(crypto::keyedHash(inv.code.secret, "LSJ1 mac", 32),
                                                        signedBytes, 32))}}
        .dump();
  };
  auto joined =
      service::joinSite(joiner, inv.text, {"board", "nats://127.0.0.1:1", "127.0.0.1:1"}, f.clock, send);
  if (joined.ok()) {
    if (!service::Site::open(joiner, f.clock).ok()) std::abort();
  } else {
    if (joined.error().message.empty()) std::abort();
    if (std::filesystem::exists(joiner) && !std::filesystem::is_empty(joiner)) std::abort();
  }
  std::filesystem::remove_all(joiner, ec);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || (data[0] != 'Q' && data[0] != 'R')) return 0;
  Fixture& f = fixture();
  auto inv = service::inviteDevice(*f.site, *f.admin, "127.0.0.1:4222", "");
  if (!inv.ok()) std::abort();
  const std::string message(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] == 'Q')
    fuzzRequest(f, inv.value(), message);
  else
    fuzzReply(f, inv.value(), message);
  return 0;
}
