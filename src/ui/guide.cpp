#include "ui/guide.h"

#include <cctype>
#include <utility>

namespace longstop::ui {
namespace {
Guide* gGuide = nullptr;
int gDrawingKeys = 0;

bool equalsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}
}  // namespace

KeysBeingDrawn::KeysBeingDrawn() {
  ++gDrawingKeys;
}

KeysBeingDrawn::~KeysBeingDrawn() {
  --gDrawingKeys;
}

bool KeysBeingDrawn::now() {
  return gDrawingKeys > 0;
}

std::optional<std::pair<KeypadKey, char>> parseKeypadName(std::string_view name) {
  if (name.size() == 4 && equalsNoCase(name.substr(0, 3), "KP_") && name[3] >= '0' && name[3] <= '9')
    return std::pair{KeypadKey::kDigit, name[3]};
  static constexpr std::pair<std::string_view, KeypadKey> kNamed[] = {
      {"KP_Enter", KeypadKey::kEnter},      {"KP_Minus", KeypadKey::kBack},
      {"KP_Backspace", KeypadKey::kDelete}, {"KP_Divide", KeypadKey::kLeft},
      {"KP_Multiply", KeypadKey::kRight},
  };
  for (const auto& [n, k] : kNamed)
    if (equalsNoCase(name, n)) return std::pair{k, '\0'};
  return std::nullopt;
}

void setGuide(Guide* guide) {
  gGuide = guide;
}

Guide* guide() {
  return gGuide;
}

void Guide::resetScreen() {
  drawing_.clear();
  drawingAnnounced_.clear();
  shown_.clear();
  shownAnnounced_.clear();
  focus_ = -1;
  activate_ = false;
  touchedLabel_.clear();
  spoken_.reset();
}

void Guide::beginFrame() {
  drawing_.clear();
  drawingAnnounced_.clear();
}

GuidedControl Guide::control(std::string_view label, bool touched, bool key) {
  key = key || KeysBeingDrawn::now();
  if (key && keysSecret_) return GuidedControl{touched, false};
  const bool announced = !key;
  const int index = static_cast<int>(drawing_.size());
  drawing_.emplace_back(label);
  drawingAnnounced_.push_back(announced);
  GuidedControl out;
  if (touched) {
    const int64_t now = clock_.now().unixMs;
    if (touchedLabel_ == label && now - touchedMs_ <= kSecondTouchMs) {
      out.act = true;
      touchedLabel_.clear();
    } else {
      touchedLabel_ = std::string(label);
      touchedMs_ = now;
      spoken_ = std::string(label);
    }
    focus_ = index;
  } else if (activate_ && index == focus_) {
    out.act = true;
    activate_ = false;
    touchedLabel_.clear();
  }
  out.focused = index == focus_;
  return out;
}

void Guide::endFrame() {
  shown_ = std::move(drawing_);
  shownAnnounced_ = std::move(drawingAnnounced_);
  drawing_.clear();
  drawingAnnounced_.clear();
  activate_ = false;
  if (focus_ >= static_cast<int>(shown_.size()))
    focus_ = shown_.empty() ? -1 : static_cast<int>(shown_.size()) - 1;
}

void Guide::move(Move m) {
  const int n = static_cast<int>(shown_.size());
  if (n == 0) return;
  if (focus_ < 0)
    focus_ = m == Move::kNext ? 0 : n - 1;
  else
    focus_ = (focus_ + (m == Move::kNext ? 1 : n - 1)) % n;
  touchedLabel_.clear();
  spoken_ = shown_[static_cast<size_t>(focus_)];
}

void Guide::activate() {
  if (focus_ >= 0) activate_ = true;
}

std::vector<std::string> Guide::announcedLabels() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < shown_.size(); ++i)
    if (shownAnnounced_[i]) out.push_back(shown_[i]);
  return out;
}

}  // namespace longstop::ui
