#include "ui/admin/admin_screen.h"

#include <algorithm>
#include <variant>

#include "ui/setup/form.h"
#include "ui/wipe.h"

namespace longstop::ui::admin {

AdminScreen::AdminScreen(service::AdminServices& services, const core::Clock& clock)
    : services_(services), clock_(clock) {}

void AdminScreen::open(std::string staffId, std::string staffName) {
  s_ = {};
  s_.staffId = std::move(staffId);
  s_.staffName = std::move(staffName);
  s_.page = AdminPage::kHome;
  reload();
}

void AdminScreen::close() {
  wipe(s_.editValue);
  s_ = {};
}

void AdminScreen::reload() {
  if (services_.drill()) {
    s_.rows.clear();
    return;
  }
  auto rows = services_.settings();
  if (rows.ok())
    s_.rows = rows.value();
  else
    s_.message = rows.error().message;
  s_.clockConfirmed = services_.clockConfirmedToday();
  auto key = services_.recipientKeyId();
  s_.recipientKeyId = key.ok() ? key.value() : "";
}

void AdminScreen::loadCards() {
  auto cards = services_.staffCards();
  if (cards.ok())
    s_.cards = std::move(cards.value());
  else
    s_.message = cards.error().message;
}

const service::StaffCardRow* AdminScreen::card(const std::string& id) const {
  for (const auto& c : s_.cards)
    if (c.staffId == id) return &c;
  return nullptr;
}

std::string cardText(const service::StaffCardRow& c) {
  return c.name + ", " + c.role + " card " + c.staffId;
}

AdminOutcome AdminScreen::takeOutcome() {
  AdminOutcome o = outcome_;
  outcome_ = AdminOutcome::kNone;
  return o;
}

std::string* AdminScreen::focusedField() {
  switch (s_.page) {
    case AdminPage::kEdit:
      return &s_.editValue;
    case AdminPage::kRecipient:
      return s_.focus == 0 ? &s_.recipientText : &s_.recipientPath;
    case AdminPage::kDrill:
      return &s_.drillFolder;
    default:
      return nullptr;
  }
}

void AdminScreen::apply(const AdminIntent& in) {
  if (!pressed(in)) return;
  // Typing keeps what the page says; anything else clears the refusal, and all but Home what was done
  // (a page that saves goes Home and says so there).
  if (!std::holds_alternative<intent::TypeKey>(in) && !std::holds_alternative<intent::Focus>(in)) {
    s_.message.clear();
    if (!std::holds_alternative<intent::Home>(in)) s_.notice.clear();
  }
  std::visit([this](const auto& i) { on(i); }, in);
}

void AdminScreen::on(const intent::Close&) {
  close();
  outcome_ = AdminOutcome::kClose;
}

void AdminScreen::on(const intent::Home&) {
  s_.page = AdminPage::kHome;
  s_.focus = 0;
  reload();
}

void AdminScreen::on(const intent::TypeKey& in) {
  if (in.key.kind == KeyPress::Kind::kChar && in.key.ch == setup::kCapsKey) {
    s_.caps = !s_.caps;
    return;
  }
  if (std::string* f = focusedField()) setup::applyFormKey(*f, in.key, s_.caps);
}

void AdminScreen::on(const intent::Focus& in) {
  s_.focus = in.index;
}

std::string trustCodeForReading(std::string_view code) {
  // Only the key is grouped: the site and device read as they are, and the check stays whole.
  size_t keyStart = 0;
  for (int colons = 0; colons < 3; ++colons) {
    keyStart = code.find(':', keyStart);
    if (keyStart == std::string_view::npos) return std::string(code);
    ++keyStart;
  }
  const size_t keyEnd = code.rfind(':');
  if (keyEnd < keyStart) return std::string(code);
  std::string out(code.substr(0, keyStart));
  for (size_t i = keyStart; i < keyEnd; i += 4) {
    out += ' ';
    out += code.substr(i, std::min<size_t>(4, keyEnd - i));
  }
  out += code.substr(keyEnd);
  return out;
}

void AdminScreen::onText(std::string_view utf8) {
  std::string* f = focusedField();
  if (!f) return;
  for (char c : utf8)
    if (static_cast<unsigned char>(c) >= 0x20 && f->size() < 4096) *f += c;
}

void AdminScreen::onKey(Key k) {
  switch (k) {
    case Key::kBackspace:
    case Key::kDelete:
      if (std::string* f = focusedField()) popCodePoint(*f);
      return;
    case Key::kTab:
      s_.focus = 1 - s_.focus;
      return;
    case Key::kEnter:
      if (s_.page == AdminPage::kEdit) apply(intent::Save{});
      if (s_.page == AdminPage::kRecipient) apply(intent::SetRecipient{});
      return;
    case Key::kEscape:
      if (s_.page == AdminPage::kRevoke) {
        apply(intent::OpenStaff{});
        return;
      }
      if (s_.page == AdminPage::kHome)
        apply(intent::Close{});
      else
        apply(intent::Home{});
      return;
    default:
      return;
  }
}

void AdminScreen::onScan(std::string_view text) {
  // The organisation's key QR, scanned on the home or key page, is used at once (the service checks it
  // and says what is wrong); on the key page anything else fills the field to be looked at.
  const bool key = text.rfind("LSR1:", 0) == 0;
  if (s_.page == AdminPage::kHome && key) s_.page = AdminPage::kRecipient;
  if (s_.page != AdminPage::kRecipient) return;
  s_.recipientText = std::string(text.substr(0, 4096));
  s_.recipientPath.clear();
  s_.focus = 0;
  if (key) apply(intent::SetRecipient{});
}

}  // namespace longstop::ui::admin
