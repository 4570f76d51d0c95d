// The burst assembler with synthetic input_event sequences. The grab itself (EVIOCGRAB) needs a real
// input device and is not tested here; see docs/scanning.md.
#include <catch2/catch.hpp>

#include <vector>

#include "scan/key_burst.h"

using longstop::scan::KeyBurstAssembler;

namespace {

input_event key(uint16_t code, int value, int64_t ms) {
  input_event ev{};
  ev.input_event_sec = static_cast<decltype(ev.input_event_sec)>(ms / 1000);
  ev.input_event_usec = static_cast<decltype(ev.input_event_usec)>((ms % 1000) * 1000);
  ev.type = EV_KEY;
  ev.code = code;
  ev.value = value;
  return ev;
}

// What a scanner sends for `text` (US layout), 2 ms a key, with SYN reports between keys.
std::vector<input_event> typed(const std::string& text, int64_t startMs, bool enter = true) {
  std::vector<input_event> evs;
  int64_t t = startMs;
  auto press = [&](uint16_t code, bool shift) {
    if (shift) evs.push_back(key(KEY_LEFTSHIFT, 1, t));
    evs.push_back(key(code, 1, t));
    input_event syn{};
    syn.type = EV_SYN;
    evs.push_back(syn);
    evs.push_back(key(code, 0, t + 1));
    if (shift) evs.push_back(key(KEY_LEFTSHIFT, 0, t + 1));
    t += 2;
  };
  for (char c : text) {
    bool found = false;
    for (uint16_t code = 1; code < 128 && !found; ++code)
      for (bool shift : {false, true})
        if (!found && KeyBurstAssembler::characterFor(code, shift) == c) {
          press(code, shift);
          found = true;
        }
    REQUIRE(found);
  }
  if (enter) press(KEY_ENTER, false);
  return evs;
}

std::vector<std::string> feedAll(KeyBurstAssembler& a, const std::vector<input_event>& evs) {
  std::vector<std::string> out;
  for (const auto& ev : evs)
    if (auto s = a.feed(ev)) out.push_back(*s);
  return out;
}

}  // namespace

TEST_CASE("key burst: a code typed by a scanner comes out whole at Enter") {
  KeyBurstAssembler a;
  const std::string ticket = "LST1:K7QX-000123:9C3B455C";
  auto out = feedAll(a, typed(ticket, 1000));
  REQUIRE(out.size() == 1);
  CHECK(out[0] == ticket);
  out = feedAll(a, typed("943 476 5919", 5000));
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "943 476 5919");
  const std::string all = "azAZ09!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~";
  out = feedAll(a, typed(all, 9000));
  REQUIRE(out.size() == 1);
  CHECK(out[0] == all);
}

TEST_CASE("key burst: keypad keys and keypad Enter") {
  KeyBurstAssembler a;
  std::vector<input_event> evs = {key(KEY_KP9, 1, 0), key(KEY_KP9, 0, 1), key(KEY_KP4, 1, 2),
                                  key(KEY_KPENTER, 1, 3)};
  auto out = feedAll(a, evs);
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "94");
}

TEST_CASE("key burst: a fragment before a long pause is dropped; an empty Enter gives nothing") {
  KeyBurstAssembler a(250);
  auto evs = typed("JUNK", 0, false);
  auto rest = typed("LST1:K7QX-000123:9C3B455C", 2000);
  evs.insert(evs.end(), rest.begin(), rest.end());
  auto out = feedAll(a, evs);
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "LST1:K7QX-000123:9C3B455C");
  CHECK(feedAll(a, {key(KEY_ENTER, 1, 9000)}).empty());
}

TEST_CASE("key burst: auto-repeat and keys without characters are ignored; overlong bursts are dropped") {
  KeyBurstAssembler a;
  std::vector<input_event> evs = {key(KEY_A, 1, 0),        key(KEY_A, 2, 1),  key(KEY_A, 2, 2),
                                  key(KEY_LEFTCTRL, 1, 3), key(KEY_F1, 1, 4), key(KEY_A, 0, 5),
                                  key(KEY_ENTER, 1, 6)};
  auto out = feedAll(a, evs);
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "a");
  std::vector<input_event> flood;
  for (size_t i = 0; i < KeyBurstAssembler::kMaxLength + 10; ++i) flood.push_back(key(KEY_B, 1, 100000));
  flood.push_back(key(KEY_ENTER, 1, 100000));
  CHECK(feedAll(a, flood).empty());
  CHECK(feedAll(a, typed("OK", 100100)) == std::vector<std::string>{"OK"});
}
