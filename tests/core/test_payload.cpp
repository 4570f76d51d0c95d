#include <catch2/catch.hpp>

#include <vector>

#include "core/payload.h"

using namespace longstop::core;

namespace {
const std::string kSig =
    "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-Pw";

std::string errorOf(std::string_view text) {
  Result<Payload> p = parsePayload(text);
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().code == ErrorCode::kInvalidInput);
  return p.error().message;
}
}  // namespace

TEST_CASE("payload: a ticket code gives its record ID and MAC") {
  auto p = parsePayload("LST1:K7QX-000123:9C3B455C");
  REQUIRE(p.ok());
  CHECK(p->kind == PayloadKind::kTicket);
  const auto& t = std::get<TicketCode>(p->fields);
  CHECK(t.recordId == "K7QX-000123");
  CHECK(t.mac == "9C3B455C");
  CHECK(formatPayload(*p) == "LST1:K7QX-000123:9C3B455C");
}

TEST_CASE("payload: damaged tickets are refused and called tickets") {
  for (const char* bad : {"LST1:K7QX-000123:9c3b455c", "LST1:K7QX-000123:9C3B455", "LST1:K7QX-0123:9C3B455C",
                          "LST1:K7QX-000123:9C3B455C:", "LST1:K0QX-000123:9C3B455C",
                          "LST1:", "LST1::", "LST1:K7QX-000123:9C3B455C\n", "LST1:K7QX-000123: 9C3B455C"}) {
    INFO(bad);
    CHECK(claimedPayloadKind(bad) == PayloadKind::kTicket);
    CHECK(errorOf(bad) == "This ticket code is damaged or incomplete.");
  }
}

TEST_CASE("payload: appointment codes") {
  auto p = parsePayload("LSA1:B82005:APT-1001:0A1B2C3D");
  REQUIRE(p.ok());
  const auto& a = std::get<AppointmentCode>(p->fields);
  CHECK(a.odsCode == "B82005");
  CHECK(a.appointmentId == "APT-1001");
  CHECK(a.mac == "0A1B2C3D");
  for (const char* bad : {"LSA1:B82005::0A1B2C3D", "LSA1:b82005:APT:0A1B2C3D", "LSA1:B8:APT:0A1B2C3D",
                          "LSA1:B82005:APT 1:0A1B2C3D", "LSA1:B82005:APT", "LSA1:B82005:A:B:0A1B2C3D"}) {
    INFO(bad);
    CHECK(errorOf(bad) == "This appointment code is damaged or incomplete.");
  }
  CHECK_FALSE(parsePayload("LSA1:B82005:" + std::string(65, 'X') + ":0A1B2C3D").ok());
  CHECK(parsePayload("LSA1:B82005:" + std::string(64, 'X') + ":0A1B2C3D").ok());
}

TEST_CASE("payload: staff cards") {
  auto p = parsePayload("LSS1:K7QX23:ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  REQUIRE(p.ok());
  const auto& s = std::get<StaffCardCode>(p->fields);
  CHECK(s.staffId == "K7QX23");
  CHECK(s.secret == "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  for (const char* bad :
       {"LSS1:K7QX2:ABCDEFGHIJKLMNOPQRSTUVWXYZ", "LSS1:K7QX21:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "LSS1:K7QXO3:ABCDEFGHIJKLMNOPQRSTUVWXYZ", "LSS1:K7QX23:ABCDEFGHIJKLMNOPQRSTUVWXY1",
        "LSS1:K7QX23:abcdefghijklmnopqrstuvwxyz", "LSS1:K7QX23:ABCDEFGHIJKLMNOPQRSTUVWXYZ2"}) {
    INFO(bad);
    CHECK(errorOf(bad) == "This staff card is damaged or incomplete.");
  }
}

TEST_CASE("payload: batch acknowledgements") {
  const std::string text = "LSK1:B82005:K7QX:12:0123456789ABCDEF:" + kSig;
  auto p = parsePayload(text);
  REQUIRE(p.ok());
  const auto& a = std::get<BatchAckCode>(p->fields);
  CHECK(a.odsCode == "B82005");
  CHECK(a.deviceId == "K7QX");
  CHECK(a.batchSeq == 12);
  CHECK(a.batchHash == "0123456789abcdef");
  CHECK(a.signature == kSig);
  CHECK(a.signedText == "LSK1:B82005:K7QX:12:0123456789ABCDEF");
  CHECK(batchAckSignedText(a) == "LSK1:B82005:K7QX:12:0123456789abcdef");
  for (const std::string& bad : std::vector<std::string>{
           "LSK1:B82005:K7QX:012:0123456789abcdef:" + kSig, "LSK1:B82005:K7QX:0:0123456789abcdef:" + kSig,
           "LSK1:B82005:K7QX:12:0123456789abcde:" + kSig, "LSK1:B82005:K7Q:12:0123456789abcdef:" + kSig,
           "LSK1:B82005:K7QX:12:0123456789abcdef:" + kSig.substr(1),
           "LSK1:B82005:K7QX:12:0123456789abcdef:" + kSig.substr(0, 85) + "x",
           std::string("LSK1:B82005:K7QX:12:0123456789abcdef")}) {
    INFO(bad);
    CHECK(errorOf(bad) == "This batch acknowledgement is damaged or incomplete.");
  }
}

TEST_CASE("payload: batch stream frames") {
  auto p = parsePayload("LSQ1:0123ABCD:3/10:JBSWY3DP");
  REQUIRE(p.ok());
  const auto& f = std::get<BatchFrameCode>(p->fields);
  CHECK(f.batchHash == "0123ABCD");
  CHECK(f.index == 3);
  CHECK(f.count == 10);
  CHECK(f.data == "JBSWY3DP");
  CHECK(parsePayload("LSQ1:0123ABCD:1/1:").ok());  // an empty slice, as the exporter writes for an empty file
  for (const char* bad :
       {"LSQ1:0123ABCD:11/10:AA", "LSQ1:0123ABCD:0/10:AA", "LSQ1:0123ABCD:1/0:AA", "LSQ1:0123abcd:1/10:AA",
        "LSQ1:0123ABCD:1-10:AA", "LSQ1:0123ABC:1/10:AA", "LSQ1:0123ABCD:1/10:AA=", "LSQ1:0123ABCD:1/10:ab",
        "LSQ1:0123ABCD:1/70000:AA", "LSQ1:0123ABCD:01/10:AA"}) {
    INFO(bad);
    CHECK(errorOf(bad) == "This batch transfer code is damaged or incomplete.");
  }
}

TEST_CASE("payload: a bare NHS number, with or without spaces") {
  for (const char* good : {"9434765919", "943 476 5919", " 943 476 5919 "}) {
    auto p = parsePayload(good);
    REQUIRE(p.ok());
    CHECK(p->kind == PayloadKind::kNhsNumber);
    CHECK(std::get<NhsNumber>(p->fields).digits == "9434765919");
  }
  CHECK(claimedPayloadKind("9434765918") == PayloadKind::kNhsNumber);
  CHECK_FALSE(parsePayload("9434765918").ok());
  // Thirteen digits (a product barcode) is not claimed to be an NHS number.
  CHECK(claimedPayloadKind("5012345678900") == PayloadKind::kUnknown);
}

TEST_CASE("payload: anything else is not recognised, whatever the bytes") {
  for (const std::string& bad :
       {std::string(), std::string("https://example.com/"), std::string("lst1:K7QX-000123:9C3B455C"),
        std::string("LST2:K7QX-000123:9C3B455C"), std::string("\0\xff\x80", 3), std::string("LST1"),
        std::string(10000, 'L')}) {
    CHECK(errorOf(bad) == "This code isn't one we recognise.");
  }
  CHECK_FALSE(parsePayload("LSQ1:0123ABCD:1/1:" + std::string(5000, 'A')).ok());
}

TEST_CASE("payload: kind names") {
  CHECK(payloadKindName(PayloadKind::kStaffCard) == "staff-card");
  CHECK(payloadKindName(PayloadKind::kUnknown) == "unknown");
}
