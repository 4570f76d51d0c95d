// Patient details: sex codes, name checks, the sealed text form, and the arrival-screen initial.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/patient.h"

using namespace longstop::core;

namespace {

PatientDetails sample() {
  PatientDetails d;
  d.surname = "Smith";
  d.forenames = "Ann Marie";
  d.dateOfBirth = {1984, 3, 7};
  d.sex = Sex::kFemale;
  d.nhsNumber = *parseNhsNumber("9434765919");
  d.nhsNumberTraced = false;
  d.postcode = "LS1 4AP";
  return d;
}

}  // namespace

TEST_CASE("sex codes") {
  CHECK(sexCode(Sex::kFemale) == 'F');
  CHECK(sexCode(Sex::kMale) == 'M');
  CHECK(sexCode(Sex::kUnknown) == 'U');
  CHECK(*parseSex("F") == Sex::kFemale);
  CHECK(*parseSex("f") == Sex::kFemale);
  CHECK(*parseSex("M") == Sex::kMale);
  CHECK(*parseSex("m") == Sex::kMale);
  CHECK(*parseSex("U") == Sex::kUnknown);
  CHECK(*parseSex("u") == Sex::kUnknown);
  for (const char* text : {"", "X", "FM", "Female", " F", "0", "9"}) {
    INFO(text);
    Result<Sex> s = parseSex(text);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.error().message, Catch::Contains("F, M or U"));
  }
}

TEST_CASE("validateNames accepts real names in any script") {
  CHECK(validateNames("O'Brien", "Siobhán").ok());
  CHECK(validateNames("Łukasz-Nowak", "Zoë").ok());
  CHECK(validateNames("'t Hooft", "Gerard").ok());
  CHECK(validateNames("王", "").ok());
  CHECK(validateNames(std::string(100, 'a'), std::string(100, 'b')).ok());
}

TEST_CASE("validateNames refuses what cannot be a name") {
  CHECK_THAT(validateNames("", "Ann").error().message, Catch::Contains("surname is empty"));
  CHECK_THAT(validateNames("   ", "Ann").error().message, Catch::Contains("surname is empty"));
  CHECK_THAT(validateNames(std::string(101, 'a'), "Ann").error().message, Catch::Contains("too long"));
  CHECK_THAT(validateNames("Smith", std::string(101, 'b')).error().message, Catch::Contains("forenames"));
  CHECK_THAT(validateNames("Smi\nth", "Ann").error().message, Catch::Contains("control character"));
  CHECK_FALSE(validateNames("Smith", "An\tn").ok());
  CHECK_FALSE(validateNames(std::string("Smi\0th", 6), "Ann").ok());
  CHECK_FALSE(validateNames("Smith\x7f", "Ann").ok());
  CHECK_FALSE(validateNames("Smith\xC2\x85", "Ann").ok());  // U+0085, a C1 control (next line)
  for (const char* bad :
       {"Sm\xFFith", "\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE0\x80\xAF"}) {
    INFO(bad);
    Result<Ok> s = validateNames(bad, "Ann");
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.error().message, Catch::Contains("not valid text"));
  }
}

TEST_CASE("details round-trip through the sealed text form") {
  PatientDetails d = sample();
  Result<PatientDetails> back = parseDetails(serializeDetails(d));
  REQUIRE(back.ok());
  CHECK(*back == d);

  d.nhsNumber.reset();
  d.nhsNumberTraced = true;
  d.sex = Sex::kUnknown;
  d.surname = "Ó Briain";
  d.forenames = "Zoë Łucja";
  d.postcode = "";
  back = parseDetails(serializeDetails(d));
  REQUIRE(back.ok());
  CHECK(*back == d);
}

TEST_CASE("the text form is safe for any bytes in a name") {
  PatientDetails d = sample();
  d.surname = "a=b%c\nd\re\n%0A=";
  d.forenames = std::string("x\0y\x7f\xff", 5);
  d.postcode = "surname=Evil\nsex=M";
  const std::string text = serializeDetails(d);
  Result<PatientDetails> back = parseDetails(text);
  REQUIRE(back.ok());
  CHECK(*back == d);
  CHECK(back->sex == Sex::kFemale);
  // Eight lines: the version and seven fields, however many newlines the values held.
  CHECK(std::count(text.begin(), text.end(), '\n') == 8);
}

TEST_CASE("the text form starts with its version") {
  const std::string text = serializeDetails(sample());
  CHECK(text.rfind("LSD1\n", 0) == 0);
}

TEST_CASE("parseDetails refuses anything malformed") {
  const std::string good = serializeDetails(sample());
  REQUIRE(parseDetails(good).ok());
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string t = good;
    const size_t at = t.find(from);
    REQUIRE(at != std::string::npos);
    return t.replace(at, from.size(), to);
  };
  const std::vector<std::string> bad = {
      "",
      "LSD1\n",
      replaced("LSD1", "LSD2"),
      replaced("LSD1\n", ""),
      good.substr(0, good.size() - 1),        // last newline missing
      good + "extra=1\n",                     // a field too many
      replaced("forenames=Ann Marie\n", ""),  // a field missing
      replaced("surname=Smith\nforenames=Ann Marie\n", "forenames=Ann Marie\nsurname=Smith\n"),  // order
      replaced("dob=1984-03-07", "dob=2023-02-29"),
      replaced("dob=1984-03-07", "dob=07/03/1984"),
      replaced("dob=1984-03-07", "dob="),
      replaced("sex=F", "sex=X"),
      replaced("sex=F", "sex=f"),
      replaced("nhs=9434765919", "nhs=9434765918"),
      replaced("nhs=9434765919", "nhs=943 476 5919"),
      replaced("traced=0", "traced=2"),
      replaced("traced=0", "traced="),
      replaced("surname=Smith", "surname=Sm%4"),
      replaced("surname=Smith", "surname=Sm%zzith"),
      replaced("surname=Smith", "surname=Sm%0aith"),  // lower-case hex
      replaced("surname=Smith", "surname=Sm%41ith"),  // escape of a byte that is never escaped
      replaced("surname=Smith", "surname=Sm=ith"),
      replaced("surname=Smith", "surname=Sm\tith"),
      replaced("surname=Smith", "surname Smith"),
      replaced("surname=Smith", "Surname=Smith"),
      replaced("\n", "\r\n"),
  };
  for (const std::string& text : bad) {
    INFO(text);
    Result<PatientDetails> d = parseDetails(text);
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().code == ErrorCode::kCorrupt);
  }
}

TEST_CASE("surnameInitial folds Latin letters with diacritics to A-Z") {
  const std::vector<std::pair<const char*, char>> cases = {
      {"Smith", 'S'},   {"smith", 'S'},   {"Łukasz", 'L'},   {"łukasz", 'L'},   {"Ó Briain", 'O'},
      {"o'Brien", 'O'}, {"O'Brien", 'O'}, {"'t Hooft", 'T'}, {"’t Hooft", 'T'}, {"  -Smith", 'S'},
      {"Ángel", 'A'},   {"Ærø", 'A'},     {"Çelik", 'C'},    {"Élise", 'E'},    {"Ìñigo", 'I'},
      {"Ñúñez", 'N'},   {"Øster", 'O'},   {"Ütz", 'U'},      {"Ýmir", 'Y'},     {"ÿ", 'Y'},
      {"Þór", 'T'},     {"Śliwa", 'S'},   {"Żak", 'Z'},      {"Źdź", 'Z'},      {"Ćwik", 'C'},
      {"Ńa", 'N'},      {"Ęa", 'E'},      {"Ąb", 'A'},       {"Čapek", 'C'},    {"Šimek", 'S'},
      {"Žižek", 'Z'},   {"Őry", 'O'},     {"Ďurica", 'D'},   {"Ğül", 'G'},      {"İnan", 'I'},
      {"Ħaġar", 'H'},   {"Ĵ", 'J'},       {"Ķ", 'K'},        {"Ŕ", 'R'},        {"Ţ", 'T'},
      {"Ŵ", 'W'},       {"Ÿ", 'Y'},       {"Œuvre", 'O'},    {"Ű", 'U'},        {"Ĳssel", 'I'},
      {"Ġ", 'G'},       {"Ŀ", 'L'},       {"Ŋ", 'N'},        {"Ř", 'R'},        {"Ū", 'U'},
      {"Ĕ", 'E'},       {"Ĭ", 'I'},       {"Đ", 'D'},        {"ş", 'S'},        {"ŧ", 'T'},
  };
  for (const auto& [name, expected] : cases) {
    INFO(name);
    std::optional<char> got = surnameInitial(name);
    REQUIRE(got.has_value());
    CHECK(*got == expected);
  }
}

TEST_CASE("every code point from U+00C0 to U+017F folds to A-Z or nothing") {
  for (int cp = 0xC0; cp < 0x180; ++cp) {
    std::string s;
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
    std::optional<char> got = surnameInitial(s);
    INFO(cp);
    if (cp == 0xD7 || cp == 0xF7) {
      CHECK_FALSE(got.has_value());  // × and ÷ are not letters
    } else {
      REQUIRE(got.has_value());
      CHECK((*got >= 'A' && *got <= 'Z'));
    }
  }
}

TEST_CASE("surnameInitial gives nothing without a Latin first letter") {
  for (const char* name : {"", "'", " - '", "王", "Σμιθ", "Иванов", "1st", "\xFF", "\xC5", "#Smith"}) {
    INFO(name);
    CHECK_FALSE(surnameInitial(name).has_value());
  }
}
