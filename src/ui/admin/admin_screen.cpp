#include "ui/admin/admin_screen.h"

#include <cstdlib>

#include "ui/admin/setting_labels.h"

#include <algorithm>

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
  using K = AdminIntent::Kind;
  if (in.kind == K::kNone) return;
  if (in.kind != K::kKey && in.kind != K::kFocus) {
    s_.message.clear();
    if (in.kind != K::kHome) s_.notice.clear();
  }
  switch (in.kind) {
    case K::kNone:
      return;
    case K::kClose:
      close();
      outcome_ = AdminOutcome::kClose;
      return;
    case K::kHome:
      s_.page = AdminPage::kHome;
      s_.focus = 0;
      reload();
      return;
    case K::kEdit:
      for (const auto& r : s_.rows)
        if (r.key == in.value) {
          s_.editKey = r.key;
          s_.editValue = r.value;
          s_.page = AdminPage::kEdit;
          s_.caps = true;
          s_.notice.clear();
          s_.testPage = {};
        }
      return;
    case K::kTestPage:
      // The value being edited, before it is saved: a printer is tried before it is set.
      startTestPage(printing_, s_.testPage, s_.editKey == "printer.device" ? s_.editValue : "none",
                    s_.editKey == "printer.paper" ? std::atoi(s_.editValue.c_str()) : 0);
      return;
    case K::kSave: {
      auto st = services_.setSetting(s_.editKey, s_.editValue);
      if (!st.ok()) {
        s_.message = st.error().message;  // the value stays, to be corrected
        return;
      }
      s_.notice = "Saved. " + settingRowText(s_.editKey, s_.editValue) + ".";
      s_.page = AdminPage::kHome;
      reload();
      return;
    }
    case K::kKey: {
      if (in.key.kind == KeyPress::Kind::kChar && in.key.ch == setup::kCapsKey) {
        s_.caps = !s_.caps;
        return;
      }
      if (std::string* f = focusedField()) setup::applyFormKey(*f, in.key, s_.caps);
      return;
    }
    case K::kFocus:
      s_.focus = in.index;
      return;
    case K::kMore: {
      int n = settingsPerPage();
      s_.firstRow = s_.firstRow + n >= int(s_.rows.size()) ? 0 : s_.firstRow + n;
      return;
    }
    case K::kConfirmClock: {
      auto st = services_.confirmClock();
      if (!st.ok())
        s_.message = st.error().message;
      else
        s_.notice = "The clock is confirmed for today.";
      reload();
      return;
    }
    case K::kRecipient:
      s_.page = AdminPage::kRecipient;
      s_.focus = 0;
      s_.caps = false;
      return;
    case K::kSetRecipient: {
      auto id = s_.recipientText.empty() ? services_.setRecipientFile(s_.recipientPath)
                                         : services_.setRecipientText(s_.recipientText);
      if (!id.ok()) {
        s_.message = id.error().message;
        return;
      }
      s_.recipientText.clear();
      s_.recipientPath.clear();
      s_.notice = "Batches will now be sealed to key " + id.value() + ".";
      s_.page = AdminPage::kHome;
      reload();
      return;
    }
    case K::kTrustCode: {
      auto code = services_.trustCode();
      if (!code.ok()) {
        s_.message = code.error().message;
        return;
      }
      s_.trustCode = code.value();
      auto qr = qr::encode(s_.trustCode, qr::Segments::kSmallest);
      s_.trustQr = qr.ok() ? std::optional<QrMatrix>(std::move(qr.value())) : std::nullopt;
      s_.page = AdminPage::kTrustCode;
      return;
    }
    case K::kStaff:
      s_.cards.clear();
      loadCards();
      if (!s_.message.empty()) return;  // not an administrator's session: said on the home page
      s_.page = AdminPage::kStaff;
      s_.firstCard = 0;
      return;
    case K::kMoreCards: {
      int n = cardsPerPage();
      s_.firstCard = s_.firstCard + n >= int(s_.cards.size()) ? 0 : s_.firstCard + n;
      return;
    }
    case K::kPickCard: {
      const service::StaffCardRow* c = card(in.value);
      if (!c || c->revoked || c->signedInNow) return;  // the page offers neither
      s_.revokeId = c->staffId;
      s_.page = AdminPage::kRevoke;
      s_.notice.clear();
      return;
    }
    case K::kRevoke: {
      auto done = services_.revokeCard(s_.revokeId);
      s_.page = AdminPage::kStaff;
      s_.revokeId.clear();
      if (!done.ok())
        s_.message = done.error().message;
      else
        s_.notice = done.value();
      loadCards();
      return;
    }
    case K::kDrill:
      s_.page = AdminPage::kDrill;
      s_.caps = false;
      return;
    case K::kStartDrill: {
      auto d = services_.startDrill();
      if (!d.ok()) {
        s_.message = d.error().message;
        return;
      }
      s_.notice = "Drill started. The kiosk now runs on practice data.";
      outcome_ = AdminOutcome::kDrillStarted;
      return;
    }
    case K::kExportReport: {
      auto report = services_.drillReport();
      if (report.ok()) s_.lastReport = report.value();
      auto path = services_.exportDrillReport(s_.drillFolder);
      if (!path.ok())
        s_.message = path.error().message;
      else
        s_.notice = "The drill report is saved as " + path.value().string() + ".";
      return;
    }
    case K::kEndDrill: {
      auto st = services_.endDrill();
      if (!st.ok()) {
        s_.message = st.error().message;
        return;
      }
      s_.lastReport.clear();
      s_.notice = "Drill ended. The kiosk is back on the real site.";
      s_.page = AdminPage::kHome;
      outcome_ = AdminOutcome::kDrillEnded;
      reload();
      return;
    }
  }
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
      if (s_.page == AdminPage::kEdit) apply({AdminIntent::Kind::kSave});
      if (s_.page == AdminPage::kRecipient) apply({AdminIntent::Kind::kSetRecipient});
      return;
    case Key::kEscape:
      if (s_.page == AdminPage::kRevoke) {
        apply({AdminIntent::Kind::kStaff});
        return;
      }
      apply({s_.page == AdminPage::kHome ? AdminIntent::Kind::kClose : AdminIntent::Kind::kHome});
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
  if (key) apply({AdminIntent::Kind::kSetRecipient});
}

}  // namespace longstop::ui::admin
