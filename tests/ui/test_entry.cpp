// Keypads and fields: date of birth boxes, NHS number grouping, names from the on-screen keyboard,
// wiping, translation placeholders, key names.
#include <catch2/catch.hpp>

#include "core/nhs_number.h"
#include "ui/dob_entry.h"
#include "ui/i18n.h"
#include "ui/input.h"
#include "ui/keypads.h"
#include "ui/screens/nhs_number.h"
#include "ui/wipe.h"

using namespace longstop;
using namespace longstop::ui;

namespace {
KeyPress ch(char32_t c) {
  return {KeyPress::Kind::kChar, c};
}
KeyPress del() {
  return {KeyPress::Kind::kDelete, 0};
}
}  // namespace

TEST_CASE("date of birth boxes fill in turn and step back on Delete") {
  DobEntry e;
  for (char c : std::string("07031984")) applyKey(e, ch(char32_t(c)));
  CHECK(e.day == "07");
  CHECK(e.month == "03");
  CHECK(e.year == "1984");
  applyKey(e, ch(U'5'));  // full: ignored
  CHECK(e.year == "1984");
  auto d = dateOfBirth(e, {2026, 11, 29});
  REQUIRE(d.ok());
  CHECK(d.value() == core::Date{1984, 3, 7});
  for (int i = 0; i < 5; ++i) applyKey(e, del());
  CHECK(e.year.empty());
  CHECK(e.month == "0");
  CHECK(e.focus == 1);
  applyKey(e, ch(U'x'));
  CHECK(e.month == "0");
}

TEST_CASE("impossible, future and incomplete dates of birth are refused with a message") {
  auto messageFor = [](const std::string& digits) {
    DobEntry e;
    for (char c : digits) applyKey(e, ch(char32_t(c)));
    auto r = dateOfBirth(e, {2026, 11, 29});
    return r.ok() ? std::string() : r.error().message;
  };
  CHECK(messageFor("31022000") == "That date does not exist. Please check the day and the month.");
  CHECK(messageFor("01012030") == "That date is in the future. Please check the year.");
  CHECK(messageFor("01011890") == "Please check the year: that date would make you over 120 years old.");
  // A two-digit year: the reason, not a greyed-out Next.
  CHECK(messageFor("010184") == "Please enter the day, the month and all four digits of the year.");
  CHECK(messageFor("0101") == "Please enter the day, the month and all four digits of the year.");
  CHECK(messageFor("07031984").empty());
}

TEST_CASE("date of birth messages are said in the patient's language, in no date format of their own") {
  setLanguage("cy");
  DobEntry future;
  for (char c : std::string("01012030")) applyKey(future, ch(char32_t(c)));
  auto r = dateOfBirth(future, {2026, 11, 29});
  setLanguage("en");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "Mae'r dyddiad hwnnw yn y dyfodol. Gwiriwch y flwyddyn.");
  CHECK(r.error().message.find("2030-01-01") == std::string::npos);
}

TEST_CASE("NHS number: ten digits at most, grouped 3-3-4, checked before submitting") {
  NhsNumberState s;
  core::NhsNumber out;
  for (char c : std::string("999000001899"))
    (void)applyNhsNumber(s, {NhsNumberIntent::Kind::kKey, ch(char32_t(c))}, &out);
  CHECK(s.digits == "9990000018");
  CHECK(core::groupNhsDigits(s.digits) == "999 000 0018");
  CHECK(core::groupNhsDigits("99900") == "999 00");
  CHECK(applyNhsNumber(s, {NhsNumberIntent::Kind::kNext}, &out) == NhsNumberOutcome::kSubmit);
  CHECK(out.digits == "9990000018");
  (void)applyNhsNumber(s, {NhsNumberIntent::Kind::kKey, del()}, &out);
  (void)applyNhsNumber(s, {NhsNumberIntent::Kind::kKey, ch(U'9')}, &out);
  CHECK(applyNhsNumber(s, {NhsNumberIntent::Kind::kNext}, &out) == NhsNumberOutcome::kStay);
  CHECK(s.message == nhsNumberWrongMessage());
  (void)applyNhsNumber(s, {NhsNumberIntent::Kind::kKey, del()}, &out);
  CHECK(s.message.empty());
  CHECK(applyNhsNumber(s, {NhsNumberIntent::Kind::kNext}, &out) == NhsNumberOutcome::kStay);
  CHECK_FALSE(s.message.empty());  // too short
}

TEST_CASE("names from the on-screen keyboard: capitals at word starts, Delete removes one character") {
  std::string name;
  for (char32_t c : std::u32string(U"O'BRIEN-SMITH")) applyToName(name, ch(c));
  CHECK(name == "O'Brien-Smith");
  std::string two;
  for (char32_t c : std::u32string(U" ANN  MARIE")) applyToName(two, ch(c));
  CHECK(two == "Ann Marie");
  std::string z = "Zoë";
  applyToName(z, del());
  CHECK(z == "Zo");
  std::string typed;
  appendTyped(typed, "Łukasz\x01\n");
  CHECK(typed == "Łukasz");
  std::string longName(99, 'a');
  applyToName(longName, ch(U'B'));
  applyToName(longName, ch(U'C'));
  CHECK(longName.size() == 100);
}

TEST_CASE("wipe zeroes the buffer before emptying it") {
  std::string s = "Margaret Bell, 1948-01-02";
  const char* data = s.data();
  size_t n = s.size();
  wipe(s);
  CHECK(s.empty());
  CHECK(s.data() == data);  // same buffer, now zeroed
  for (size_t i = 0; i < n; ++i) CHECK(data[i] == '\0');
}

TEST_CASE("translation: English passes through, placeholders are named") {
  CHECK(std::string(tr("Check in")) == "Check in");
  CHECK(fill("Your appointment at {time} with {clinician}", {{"time", "10:20"}, {"clinician", "Dr Patel"}}) ==
        "Your appointment at 10:20 with Dr Patel");
  CHECK(fill("{unknown} {time", {{"time", "x"}}) == "{unknown} {time");
  CHECK(setLanguage("xx") == "en");
}

TEST_CASE("key names and UTF-8") {
  CHECK(parseKeyName("Enter") == Key::kEnter);
  CHECK(parseKeyName("esc") == Key::kEscape);
  CHECK_FALSE(parseKeyName("Hyper"));
  std::u32string cps;
  forEachCodePoint("Zoë\xff\xc3", [&](char32_t c) { cps += c; });
  CHECK(cps == U"Zoë");
}
