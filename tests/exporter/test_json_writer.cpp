// The Bundle is written straight to text (exporter/json_writer.h), not through a JSON tree: its bytes
// must still be exactly what nlohmann's dump(1) makes of the same tree, for every string a patient,
// a practice's list or a queue's name can bring.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/nhs_number.h"
#include "exporter/fhir.h"
#include "exporter/json_writer.h"

using namespace longstop;
using namespace longstop::exporter;
using Json = nlohmann::ordered_json;

namespace {

// nlohmann's own layout of `text` read back as a tree (it refuses text that is not JSON).
std::string nlohmannLayout(const std::string& text) {
  return Json::parse(text).dump(1, ' ', false, Json::error_handler_t::replace);
}

// Strings with everything JSON escapes, non-Latin scripts, and empty ones.
const std::vector<std::string> kAwkward = {
    "Smith", "O'Brien \"Bob\"", "Łukasiewicz", "اردو", "back\\slash\ttab\nnl\r\b\f\x01\x1f\x7f",
    "",      "Zoë 李",          "🙂 emoji"};

std::vector<BatchRecord> varied(int n) {
  std::vector<BatchRecord> rs;
  const char* states[] = {"waiting", "seen", "no-show", "called", "left", "cancelled", "parked"};
  for (int i = 0; i < n; ++i) {
    BatchRecord r;
    r.recordId = "K7QX-" + std::to_string(100000 + i);
    r.queueId = i % 3 ? "walkin" : "gp";
    r.queueName = i % 4 ? kAwkward[static_cast<size_t>(i) % kAwkward.size()] : "";
    r.urgent = i % 5 == 0;
    r.state = states[i % 7];
    r.arrivedMs = 1'796'000'000'000 + i * 61'000;
    r.stateMs = r.arrivedMs + 120'000;
    if (i % 6 != 1) {
      core::PatientDetails p;
      p.surname = kAwkward[static_cast<size_t>(i) % kAwkward.size()];
      p.forenames = i % 3 == 0 ? "Ann  Marie " : i % 3 == 1 ? "" : " Jo";
      p.dateOfBirth = {1940 + i, 1 + i % 12, 1 + i % 28};
      p.sex = i % 3 == 0 ? core::Sex::kFemale : i % 3 == 1 ? core::Sex::kMale : core::Sex::kUnknown;
      if (i % 2) p.postcode = "LS1 4AP";
      if (i % 4 == 1) {
        p.nhsNumber = core::parseNhsNumber("9434765919").value();
        p.nhsNumberTraced = i % 8 == 1;
      }
      if (i % 10 == 7 && rs[static_cast<size_t>(i) - 2].patient) p = *rs[static_cast<size_t>(i) - 2].patient;
      r.patient = p;
    }
    if (i % 3 != 2)
      r.appointment = AppointmentInfo{"A" + std::to_string(i), 29'000'000 + i * 10, i % 2 ? "Dr Ünal" : "",
                                      kAwkward[static_cast<size_t>(i + 3) % kAwkward.size()]};
    rs.push_back(r);
  }
  return rs;
}

}  // namespace

TEST_CASE("the Bundle's bytes are nlohmann's dump(1) of the same tree, for every kind of record") {
  const BatchContext ctx{"B82005", "K7QX", 3, 1'796'000'000'000, 60};
  const std::string bundle = fhirBundle(ctx, varied(60));
  REQUIRE(bundle.ends_with("}\n"));
  CHECK(nlohmannLayout(bundle) + "\n" == bundle);
  // What the records hold is there: the tree has every kind of entry and the escaped strings read back.
  const Json tree = Json::parse(bundle);
  std::map<std::string, int> kinds;
  std::set<std::string> families;
  for (const auto& e : tree["entry"]) {
    ++kinds[e["resource"]["resourceType"].get<std::string>()];
    if (e["resource"]["resourceType"] == "Patient")
      families.insert(e["resource"]["name"][0]["family"].get<std::string>());
  }
  CHECK(kinds["Encounter"] == 60);
  CHECK(kinds["Appointment"] == 40);
  CHECK(kinds["Patient"] > 40);
  for (const auto& s : kAwkward) CHECK(families.count(s) == 1);

  const std::string empty = fhirBundle(ctx, {});
  CHECK(nlohmannLayout(empty) + "\n" == empty);
  CHECK(empty.find("\"entry\": []") != std::string::npos);
}

TEST_CASE("every byte of a string is written as nlohmann writes it; bytes that are not UTF-8 become U+FFFD") {
  for (int c = 0; c < 0x80; ++c) {
    const std::string s = "a" + std::string(1, static_cast<char>(c)) + "b";
    std::string ours;
    appendJsonString(ours, s);
    INFO("byte " << c);
    CHECK(ours == Json(s).dump());
  }
  for (const std::string& s : {std::string("Zoë 李 🙂"), std::string("\xE2\x82\xAC"), std::string("")}) {
    std::string ours;
    appendJsonString(ours, s);
    CHECK(ours == Json(s).dump());
  }
  // A lone continuation byte, a cut-short sequence, an overlong form, a surrogate: each byte is replaced.
  const std::pair<std::string, std::string> bad[] = {{"a\x80z", "a\uFFFDz"},
                                                     {"ab\xE2\x82", "ab\uFFFD\uFFFD"},
                                                     {"\xC0\xAFx", "\uFFFD\uFFFDx"},
                                                     {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},
                                                     {"\xFF", "\uFFFD"}};
  for (const auto& [in, want] : bad) {
    std::string ours;
    appendJsonString(ours, in);
    CHECK(Json::parse(ours).get<std::string>() == want);
  }
}

TEST_CASE("objects and arrays, empty and nested, are laid out as nlohmann lays them out") {
  std::string out;
  JsonWriter w(out);
  w.beginObject().key("empty object").beginObject().endObject();
  w.key("empty array").beginArray().endArray();
  w.key("list").beginArray().string("one").beginObject().field("k", "v").endObject().beginArray().endArray();
  w.beginArray().string("deep").endArray().endArray();
  w.field("last", "x").endObject();
  CHECK(out == nlohmannLayout(out));
  CHECK(Json::parse(out)["list"][1]["k"] == "v");
}
