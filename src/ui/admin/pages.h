// The admin screen's pages, drawn one per file (ImGui calls only; each returns what was pressed), and
// the pieces they share. AdminScreen::frame draws the bar and the page showing, then applies its intent.
#pragma once

#include <optional>

#include "service/admin_services.h"
#include "ui/admin/admin_screen.h"
#include "ui/chrome.h"

namespace longstop::ui::admin {

/// The settings on the left, paged, and the other tasks on the right (home_page.cpp).
AdminIntent drawHome(const Rect& area, float y, const AdminState& s, bool drillRunning);
/// One setting's editor: its description, the service's refusal, a keyboard (edit_page.cpp).
AdminIntent drawEdit(const Rect& area, float y, const AdminState& s, TicketPrinting* printing);
/// The receiving organisation's key, scanned, pasted or a file's path (recipient_page.cpp).
AdminIntent drawRecipient(const Rect& area, float y, const AdminState& s);
/// This kiosk's trust code as text and as a QR code (trust_code_page.cpp).
AdminIntent drawTrustCode(const Rect& area, const AdminState& s);
/// The staff cards, and the confirmation that names the card to revoke (staff_cards_page.cpp).
AdminIntent drawStaffCards(const Rect& area, float y, const AdminState& s);
AdminIntent drawRevoke(const Rect& area, float y, const AdminState& s);
/// Start a drill, or while one runs its practice card, the report and End drill (drill_page.cpp).
AdminIntent drawDrill(const Rect& area, float y, const AdminState& s,
                      const std::optional<service::DrillSession>& drill);

/// A row of a list (a setting, a card): room for its words on two lines on an 800x480 screen.
float rowHeight();
/// The form keyboard below `top`, when keys a finger can press fit (else nothing: a USB keyboard or a
/// scanner still types); a press is a TypeKey.
AdminIntent keyboard(const Rect& area, float top, bool caps);

}  // namespace longstop::ui::admin
