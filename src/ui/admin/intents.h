// What a press on an admin page asks for: one small struct per thing, carrying what it needs (a
// setting's key, a card's staff ID, a field's index), and AdminIntent, the one of them a frame produced.
// Each page's drawing returns an AdminIntent; AdminScreen::apply acts on it in the file of its page.
#pragma once

#include <string>
#include <variant>

#include "ui/keypads.h"

namespace longstop::ui::admin::intent {

// Any page (admin_screen.cpp).
struct Close {};  // back to the reception console
struct Home {};
struct TypeKey {  // the on-screen keyboard, into the focused field
  KeyPress key;
};
struct Focus {  // which of the page's fields the keyboard types into
  int index = 0;
};

// Home (home_page.cpp).
struct MoreSettings {};  // the next page of settings
struct ConfirmClock {};

// One setting (edit_page.cpp).
struct Edit {
  std::string key;
};
struct Save {};
struct TestPage {};  // print a test page with the printer setting being edited

// The receiving organisation's key (recipient_page.cpp).
struct OpenRecipient {};
struct SetRecipient {};

// This kiosk's trust code for the receiving PC (trust_code_page.cpp).
struct OpenTrustCode {};

// Staff cards (staff_cards_page.cpp).
struct OpenStaff {};
struct MoreCards {};  // the next page of cards
struct PickCard {     // asks first
  std::string staffId;
};
struct Revoke {};  // confirmed

// The continuity drill (drill_page.cpp).
struct OpenDrill {};
struct StartDrill {};
struct ExportReport {};
struct EndDrill {};

}  // namespace longstop::ui::admin::intent

namespace longstop::ui::admin {

/// Nothing pressed (std::monostate), or what was.
using AdminIntent =
    std::variant<std::monostate, intent::Close, intent::Home, intent::TypeKey, intent::Focus,
                 intent::MoreSettings, intent::ConfirmClock, intent::Edit, intent::Save, intent::TestPage,
                 intent::OpenRecipient, intent::SetRecipient, intent::OpenTrustCode, intent::OpenStaff,
                 intent::MoreCards, intent::PickCard, intent::Revoke, intent::OpenDrill, intent::StartDrill,
                 intent::ExportReport, intent::EndDrill>;

/// True when something was pressed.
inline bool pressed(const AdminIntent& in) {
  return !std::holds_alternative<std::monostate>(in);
}

}  // namespace longstop::ui::admin
