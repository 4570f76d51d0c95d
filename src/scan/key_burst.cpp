#include "scan/key_burst.h"

#include <array>
#include <utility>

namespace longstop::scan {
namespace {

struct KeyChars {
  uint16_t code;
  char plain;
  char shifted;
};

// The US layout's printable keys (main block and keypad).
constexpr std::array<KeyChars, 62> kKeys = {{
    {KEY_1, '1', '!'},           {KEY_2, '2', '@'},          {KEY_3, '3', '#'},
    {KEY_4, '4', '$'},           {KEY_5, '5', '%'},          {KEY_6, '6', '^'},
    {KEY_7, '7', '&'},           {KEY_8, '8', '*'},          {KEY_9, '9', '('},
    {KEY_0, '0', ')'},           {KEY_MINUS, '-', '_'},      {KEY_EQUAL, '=', '+'},
    {KEY_LEFTBRACE, '[', '{'},   {KEY_RIGHTBRACE, ']', '}'}, {KEY_SEMICOLON, ';', ':'},
    {KEY_APOSTROPHE, '\'', '"'}, {KEY_GRAVE, '`', '~'},      {KEY_BACKSLASH, '\\', '|'},
    {KEY_COMMA, ',', '<'},       {KEY_DOT, '.', '>'},        {KEY_SLASH, '/', '?'},
    {KEY_SPACE, ' ', ' '},       {KEY_Q, 'q', 'Q'},          {KEY_W, 'w', 'W'},
    {KEY_E, 'e', 'E'},           {KEY_R, 'r', 'R'},          {KEY_T, 't', 'T'},
    {KEY_Y, 'y', 'Y'},           {KEY_U, 'u', 'U'},          {KEY_I, 'i', 'I'},
    {KEY_O, 'o', 'O'},           {KEY_P, 'p', 'P'},          {KEY_A, 'a', 'A'},
    {KEY_S, 's', 'S'},           {KEY_D, 'd', 'D'},          {KEY_F, 'f', 'F'},
    {KEY_G, 'g', 'G'},           {KEY_H, 'h', 'H'},          {KEY_J, 'j', 'J'},
    {KEY_K, 'k', 'K'},           {KEY_L, 'l', 'L'},          {KEY_Z, 'z', 'Z'},
    {KEY_X, 'x', 'X'},           {KEY_C, 'c', 'C'},          {KEY_V, 'v', 'V'},
    {KEY_B, 'b', 'B'},           {KEY_N, 'n', 'N'},          {KEY_M, 'm', 'M'},
    {KEY_KP0, '0', '0'},         {KEY_KP1, '1', '1'},        {KEY_KP2, '2', '2'},
    {KEY_KP3, '3', '3'},         {KEY_KP4, '4', '4'},        {KEY_KP5, '5', '5'},
    {KEY_KP6, '6', '6'},         {KEY_KP7, '7', '7'},        {KEY_KP8, '8', '8'},
    {KEY_KP9, '9', '9'},         {KEY_KPMINUS, '-', '-'},    {KEY_KPPLUS, '+', '+'},
    {KEY_KPDOT, '.', '.'},       {KEY_KPSLASH, '/', '/'},
}};

int64_t millis(const input_event& ev) {
  return static_cast<int64_t>(ev.input_event_sec) * 1000 + static_cast<int64_t>(ev.input_event_usec) / 1000;
}

}  // namespace

char KeyBurstAssembler::characterFor(uint16_t code, bool shift) {
  for (const KeyChars& k : kKeys)
    if (k.code == code) return shift ? k.shifted : k.plain;
  return 0;
}

void KeyBurstAssembler::reset() {
  text_.clear();
  overflow_ = false;
  leftShift_ = rightShift_ = false;
  lastKeyMs_ = -1;
}

std::optional<std::string> KeyBurstAssembler::feed(const input_event& ev) {
  if (ev.type != EV_KEY) return std::nullopt;
  const bool down = ev.value != 0;  // 1 press, 2 auto-repeat, 0 release
  if (ev.code == KEY_LEFTSHIFT) leftShift_ = down;
  if (ev.code == KEY_RIGHTSHIFT) rightShift_ = down;
  if (ev.value != 1) return std::nullopt;  // only presses type; repeats come from stuck keys
  const int64_t now = millis(ev);
  if (lastKeyMs_ >= 0 && now - lastKeyMs_ > gapMs_) {
    text_.clear();
    overflow_ = false;
  }
  lastKeyMs_ = now;
  if (ev.code == KEY_ENTER || ev.code == KEY_KPENTER) {
    std::string done = std::exchange(text_, {});
    const bool dropped = std::exchange(overflow_, false);
    if (done.empty() || dropped) return std::nullopt;
    return done;
  }
  const char c = characterFor(ev.code, leftShift_ || rightShift_);
  if (c == 0) return std::nullopt;
  if (text_.size() >= kMaxLength)
    overflow_ = true;
  else
    text_.push_back(c);
  return std::nullopt;
}

}  // namespace longstop::scan
