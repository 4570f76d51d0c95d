// The admin screen, for a signed-in administrator: every catalogue setting with the service's own
// validation, the clock confirmation, the receiving organisation's key, this kiosk's trust code for
// the receiving PC, the staff cards (revoking one, after a confirmation that names it), and the
// continuity drill (start, report export, end). The reception console opens
// it (AdminScreen::open) for an admin and gets control back when outcome() says kClose. State in a
// struct, intents (intents.h: a small struct per press) applied through AdminServices only, so tests
// drive it without a display. Each page's drawing and what its intents do are in the page's own file
// (pages.h); this one's (admin_screen.cpp) is what every page shares.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "service/admin_services.h"
#include "ui/admin/intents.h"
#include "ui/input.h"
#include "ui/keypads.h"
#include "ui/qr_code.h"
#include "ui/test_page.h"

namespace longstop::ui::admin {

enum class AdminPage { kClosed, kHome, kEdit, kRecipient, kTrustCode, kDrill, kStaff, kRevoke };

struct AdminState {
  AdminPage page = AdminPage::kClosed;
  std::string staffId, staffName;  // who is signed in (shown; the service acts as the session itself)
  std::vector<service::SettingRow> rows;
  int firstRow = 0;  // paging through the settings
  std::string editKey, editValue;
  std::string recipientKeyId, recipientText, recipientPath;
  std::string trustCode;            // LSD1 text, read when its page opens
  std::optional<QrMatrix> trustQr;  // the same text as a QR code
  int focus = 0;
  bool caps = true;
  std::vector<service::StaffCardRow> cards;  // read when the staff page opens
  int firstCard = 0;                         // paging through them
  std::string revokeId;                      // the card the confirmation names
  std::string drillFolder = "/media/usb";
  std::string lastReport;
  std::string message;  // a refusal (red)
  std::string notice;   // what was done (green)
  bool clockConfirmed = false;
  TestPageState testPage;  // the printer settings' "Print a test page"
};

/// What the app must do after a frame: reopen the kiosk on the drill's (or the real) data directory,
/// or hand back to the console.
enum class AdminOutcome { kNone, kClose, kDrillStarted, kDrillEnded };

class AdminScreen {
 public:
  /// Both borrowed; they must outlive the screen.
  AdminScreen(service::AdminServices& services, const core::Clock& clock);

  const AdminState& state() const { return s_; }
  bool active() const { return s_.page != AdminPage::kClosed; }

  /// Opens the home page for a signed-in administrator.
  void open(std::string staffId, std::string staffName);
  void close();
  /// The kiosk's ticket printer, for the test page; borrowed, may be null.
  void setPrinting(TicketPrinting* printing) { printing_ = printing; }

  /// Draws the page and applies what was pressed (ImGui calls).
  void frame();
  void apply(const AdminIntent& in);
  void onText(std::string_view utf8);
  void onKey(Key k);
  /// A scanned code: the organisation's LSR1 text (on the home or key page) is set as the recipient key
  /// at once; anything else scanned on the key page fills its field.
  void onScan(std::string_view text);

  /// The last outcome, once (then kNone).
  AdminOutcome takeOutcome();

 private:
  void reload();
  void loadCards();
  const service::StaffCardRow* card(const std::string& id) const;
  std::string* focusedField();

  // What each intent does, one overload per struct of intents.h.
  void on(std::monostate) {}
  void on(const intent::Close&);  // admin_screen.cpp
  void on(const intent::Home&);
  void on(const intent::TypeKey& in);
  void on(const intent::Focus& in);
  void on(const intent::MoreSettings&);  // home_page.cpp
  void on(const intent::ConfirmClock&);
  void on(const intent::Edit& in);  // edit_page.cpp
  void on(const intent::Save&);
  void on(const intent::TestPage&);
  void on(const intent::OpenRecipient&);  // recipient_page.cpp
  void on(const intent::SetRecipient&);
  void on(const intent::OpenTrustCode&);  // trust_code_page.cpp
  void on(const intent::OpenStaff&);      // staff_cards_page.cpp
  void on(const intent::MoreCards&);
  void on(const intent::PickCard& in);
  void on(const intent::Revoke&);
  void on(const intent::OpenDrill&);  // drill_page.cpp
  void on(const intent::StartDrill&);
  void on(const intent::ExportReport&);
  void on(const intent::EndDrill&);

  service::AdminServices& services_;
  const core::Clock& clock_;
  AdminState s_;
  AdminOutcome outcome_ = AdminOutcome::kNone;
  TicketPrinting* printing_ = nullptr;
};

/// Rows of settings shown per page at the current screen size.
int settingsPerPage();
/// Staff cards shown per page at the current screen size.
int cardsPerPage();
/// A card as its row and the confirmation name it: "Lee Leaving, reception card S7K2QX".
std::string cardText(const service::StaffCardRow& card);

/// The trust code as the page shows it, for a person to read and type: the key in groups of four
/// (`LSD1:B82005:K7QX: ABCD EFGH … WXYZ:CHCK`); the receiving PC ignores the spaces.
std::string trustCodeForReading(std::string_view code);

}  // namespace longstop::ui::admin
