// Both messages of a join as bad input, with no network: what arrives on an inviter's join subject
// (service::answerJoinRequest) and what a joining device gets back (service::joinSite through a
// transport that answers with the test's bytes). Each refusal is a sentence for a person and changes
// nothing: the inviter's events, roster and invitation stay, the joiner's directory stays empty.
// The same messages seed tests/fuzz/fuzz_join_messages.cpp; these say which sentence each gets.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "crypto/primitives.h"
#include "crypto/secret_bytes.h"
#include "service/site.h"
#include "service/site_join.h"
#include "service/staff.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kKey(64, 'a');  // a signing public key as hex (32 bytes)

struct Inviter {
  test::TempDir tmp;
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  std::unique_ptr<service::Site> site;
  std::unique_ptr<service::StaffSession> admin;
  service::Invitation invitation;

  Inviter() {
    auto init = service::Site::create(tmp / "inviter", {"B82005", "Riverside", {}}, clock);
    REQUIRE(init.ok());
    auto opened = service::Site::open(tmp / "inviter", clock);
    REQUIRE(opened.ok());
    site = std::move(opened.value());
    auto session = service::recoverySession(*site, init->recoveryCode);
    REQUIRE(session.ok());
    admin = std::move(session.value());
    auto inv = service::inviteDevice(*site, *admin, "127.0.0.1:4222", "desk");
    REQUIRE(inv.ok());
    invitation = inv.value();
  }
  std::string inviteId() const {
    return crypto::toHex(crypto::keyedHash(invitation.code.secret, "LSJ1 invitation", 16));
  }
  std::string macKey() const { return crypto::keyedHash(invitation.code.secret, "LSJ1 mac", 32); }
  /// A request as a joining device makes it, MAC'd with the code's secret over its fields as they are.
  json request(const std::string& role = "desk") const {
    return mac(json{{"v", 1},
                    {"invite", inviteId()},
                    {"device", "K7QX"},
                    {"sign_pk", kKey},
                    {"address", "nats://127.0.0.1:4223"},
                    {"role", role}});
  }
  json mac(json r) const {
    const std::string macBytes = "LSJ1 request|" + r.value("invite", "") + "|" + r.value("device", "") + "|" +
                                 r.value("sign_pk", "") + "|" + r.value("address", "") + "|" +
                                 r.value("role", "");
    r["mac"] = crypto::toHex(crypto::keyedHash(macKey(), macBytes, 32));
    return r;
  }
  int64_t scalar(const std::string& sql) {
    auto st = site->db().prepare(sql);
    REQUIRE(st.ok());
    REQUIRE(st->step().value_or(false));
    return st->columnInt(0);
  }
  /// events, peers and used invitations, to show a refusal changed nothing.
  std::string snapshot() {
    return std::to_string(scalar("SELECT count(*) FROM events")) + "/" +
           std::to_string(scalar("SELECT count(*) FROM peers")) + "/" +
           std::to_string(scalar("SELECT count(*) FROM meta WHERE key LIKE 'join_invite.%' AND "
                                 "json_extract(value, '$.used_ms') IS NOT NULL"));
  }
};

// The reason of a refusal; fails the test when the reply is not a refusal with a sentence.
std::string refusedWith(const std::string& reply) {
  const json r = json::parse(reply, nullptr, false);
  REQUIRE(r.is_object());
  REQUIRE(r.contains("ok"));
  REQUIRE(r["ok"] == false);
  REQUIRE(r.contains("reason"));
  REQUIRE(r["reason"].is_string());
  const std::string reason = r["reason"];
  CHECK(reason.size() > 20);
  CHECK((reason.back() == '.' || reason.back() == '?'));  // a whole sentence
  return reason;
}

}  // namespace

TEST_CASE("join requests that are bad input get a sentence and change nothing on the inviter") {
  Inviter in;
  const std::string before = in.snapshot();
  struct Case {
    std::string name, bytes, says;
  };
  json wrongMac = in.request();
  wrongMac["mac"] = std::string(64, '0');
  json shortKey = in.request();
  shortKey["sign_pk"] = "abcd";
  shortKey = in.mac(shortKey);
  json badDevice = in.request();
  badDevice["device"] = "not a device";
  badDevice = in.mac(badDevice);
  json deviceNumber = in.request();
  deviceNumber["device"] = 7;
  json inviteNumber = in.request();
  inviteNumber["invite"] = 7;
  json unknown = in.request();
  unknown["invite"] = "00112233445566778899aabbccddeeff";
  json notHex = in.request();
  notHex["invite"] = std::string(32, 'z');
  json v2 = in.request();
  v2["v"] = 2;
  const std::string full = in.request().dump();
  const std::vector<Case> cases = {
      {"empty", "", "does not understand: are both on the same version"},
      {"not JSON", "hello", "does not understand: are both on the same version"},
      {"truncated", full.substr(0, full.size() / 2), "does not understand: are both on the same version"},
      {"an array", "[1,2,3]", "does not understand: are both on the same version"},
      {"version 2", v2.dump(), "are both on the same version of Longstop?"},
      {"invite a number", inviteNumber.dump(), "does not understand"},
      {"invite not hex", notHex.dump(), "does not understand"},
      {"a device ID of the wrong type", deviceNumber.dump(), "does not understand"},
      {"an invitation never made", unknown.dump(), "made no such join code"},
      {"a MAC not made with the secret", wrongMac.dump(), "not made with the join code's secret"},
      {"another role than the code's", in.request("board").dump(), "This join code is for a desk"},
      {"a role that is none", in.request("printer").dump(), "A device's role is kiosk, desk or board."},
      {"a signing key too short", shortKey.dump(), "did not say who it is"},
      {"a device ID Longstop does not make", badDevice.dump(), "did not say who it is"},
      {"a megabyte of garbage", std::string(1 << 20, '{'), "does not understand"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK_THAT(refusedWith(service::answerJoinRequest(*in.site, c.bytes)), Catch::Contains(c.says));
    CHECK(in.snapshot() == before);
  }
  // The good request is still accepted afterwards: none of the refusals used the invitation.
  const json ok = json::parse(service::answerJoinRequest(*in.site, in.request().dump()), nullptr, false);
  REQUIRE(ok.is_object());
  CHECK(ok["ok"] == true);
  CHECK(in.snapshot() != before);
}

TEST_CASE("join replies that are bad input are refused with a sentence and leave the directory empty") {
  Inviter in;
  const fs::path joiner = in.tmp / "joiner";
  // A reply whose body is `body`, sealed, MAC'd and signed as the inviter would for this request.
  auto sealedReply = [&](const std::string& request, const std::string& body) {
    const json r = json::parse(request);
    const std::string sealed = crypto::wrap(
        crypto::SecretBytes::copyOf(crypto::keyedHash(in.invitation.code.secret, "LSJ1 reply", 32)), body);
    const std::string signedBytes =
        "LSJ1 reply|" + in.inviteId() + "|" + r["device"].get<std::string>() + "|" + sealed;
    return json{{"ok", true},
                {"body", crypto::toHex(sealed)},
                {"sig", crypto::toHex(in.site->signWithDeviceKey(signedBytes))},
                {"mac", crypto::toHex(crypto::keyedHash(in.macKey(), signedBytes, 32))}}
        .dump();
  };
  const std::string signPk = crypto::toHex(in.site->signPublicKey());
  const std::string device = in.site->info().deviceId;
  auto body = [&](const std::string& ods, const std::string& pk) {
    return json{{"ods", ods}, {"name", "Riverside"}, {"device", device}, {"sign_pk", pk}}.dump();
  };
  struct Case {
    std::string name;
    std::function<std::string(const std::string& request)> reply;
    std::string says;
  };
  const std::string forged = "did not come from the device that showed the join code";
  const std::vector<Case> cases = {
      {"not JSON", [](const std::string&) { return std::string("garbage"); }, "not a join reply"},
      {"ok a number", [](const std::string&) { return std::string(R"({"ok":1})"); }, "not a join reply"},
      {"a refusal with its sentence",
       [](const std::string&) {
         return std::string(R"({"ok":false,"reason":"This join code was already used."})");
       },
       "This join code was already used."},
      {"a refusal without one", [](const std::string&) { return std::string(R"({"ok":false})"); },
       "refused to let this device join"},
      {"ok without a body", [](const std::string&) { return std::string(R"({"ok":true})"); }, forged},
      {"bad hex",
       [](const std::string&) { return std::string(R"({"ok":true,"body":"zz","sig":"zz","mac":"zz"})"); },
       forged},
      {"a body that is not JSON", [&](const std::string& r) { return sealedReply(r, "not json"); }, forged},
      {"a body of another site", [&](const std::string& r) { return sealedReply(r, body("Y00001", signPk)); },
       forged},
      {"a body naming another key",
       [&](const std::string& r) { return sealedReply(r, body("B82005", kKey)); }, forged},
      {"a body missing its queues and keys",
       [&](const std::string& r) { return sealedReply(r, body("B82005", signPk)); }, "incomplete join reply"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const service::JoinTransport send = [&](const std::string&, const std::string&,
                                            const std::string& request) -> core::Result<std::string> {
      return c.reply(request);
    };
    auto joined = service::joinSite(joiner, in.invitation.text, {"desk", "nats://127.0.0.1:1", "127.0.0.1:1"},
                                    in.clock, send);
    REQUIRE_FALSE(joined.ok());
    CHECK_THAT(joined.error().message, Catch::Contains(c.says));
    CHECK(joined.error().message.back() == '.');
    CHECK((!fs::exists(joiner) || fs::is_empty(joiner)));
  }
}
