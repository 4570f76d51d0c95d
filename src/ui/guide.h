// Spoken guidance on the patient screens: the controls of a frame in focus order (the order they are
// drawn), the keypad's focus, and the touch-twice rule (the first touch on a control says it, a second
// touch on the same one within kSecondTouchMs acts). Pure logic on labels and the app's clock, tested
// without a display; button() reports to the current guide as it draws (setGuide()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"

namespace longstop::ui {

/// How long after a first touch a second touch on the same control activates it.
inline constexpr int64_t kSecondTouchMs = 1500;

/// What button() does with a control this frame.
struct GuidedControl {
  bool act = false;      // it acts (a second touch, or Enter on the focused one)
  bool focused = false;  // it has the keypad's focus: drawn with a thick outline
};

class Guide {
 public:
  /// The clock is borrowed and must outlive the guide.
  explicit Guide(const core::Clock& clock) : clock_(clock) {}

  /// Forgets the focus, the first touch and what is waiting to be said: a new screen, the idle reset.
  void resetScreen();

  /// Frames: beginFrame(), then control() for each control in drawing order, then endFrame().
  void beginFrame();
  /// A control as it is drawn. `touched`: the finger let go on it this frame. `key`: a key of an
  /// on-screen keypad or keyboard, which is not read out with the screen's question.
  GuidedControl control(std::string_view label, bool touched, bool key = false);
  /// While a screen asks for a personal detail's digits: its keys are left out of guidance altogether
  /// (never said, never focused, one touch types), and the keypad's own digit keys type instead.
  void setKeysSecret(bool secret) { keysSecret_ = secret; }
  bool keysSecret() const { return keysSecret_; }
  void endFrame();

  enum class Move { kNext, kPrevious };
  /// Moves the keypad's focus (the first move focuses the first control) and says where it is.
  void move(Move m);
  /// The focused control acts in the next frame (Enter on the keypad); nothing when none is focused.
  void activate();

  /// The label of the control that was touched once or reached by the keypad, once.
  std::optional<std::string> takeSpoken() { return std::exchange(spoken_, std::nullopt); }
  /// The last whole frame's announced labels, in focus order.
  std::vector<std::string> announcedLabels() const;
  /// The last whole frame's labels, in focus order.
  const std::vector<std::string>& labels() const { return shown_; }
  /// The focused control's place in labels(), or -1.
  int focus() const { return focus_; }

 private:
  const core::Clock& clock_;
  std::vector<std::string> drawing_;  // this frame's labels so far
  std::vector<bool> drawingAnnounced_;
  std::vector<std::string> shown_;  // the last whole frame's
  std::vector<bool> shownAnnounced_;
  int focus_ = -1;
  bool keysSecret_ = false;
  bool activate_ = false;
  std::string touchedLabel_;  // the first touch, waiting for a second
  int64_t touchedMs_ = 0;
  std::optional<std::string> spoken_;
};

/// The keys of a USB numeric keypad (SDL_SCANCODE_KP_*), and a keyboard's arrows and Backspace while
/// spoken guidance is on. kDelete (Backspace) deletes where something is typed, else goes back.
enum class KeypadKey { kUp, kDown, kLeft, kRight, kEnter, kBack, kDelete, kDigit };

/// "KP_8", "KP_Enter", "KP_Minus", ... as a key and its digit ('8'; 0 for the others); nullopt for
/// anything else. KP_8/4/2/6 are digits here: the flow decides whether a digit moves or types.
std::optional<std::pair<KeypadKey, char>> parseKeypadName(std::string_view name);

/// While drawing an on-screen keypad or keyboard (keypads.cpp): its buttons are keys to the guide.
class KeysBeingDrawn {
 public:
  KeysBeingDrawn();
  ~KeysBeingDrawn();
  KeysBeingDrawn(const KeysBeingDrawn&) = delete;
  KeysBeingDrawn& operator=(const KeysBeingDrawn&) = delete;
  static bool now();
};

/// The guide button() reports to; null (the default, and always while guidance is off) for none.
void setGuide(Guide* guide);
Guide* guide();

}  // namespace longstop::ui
