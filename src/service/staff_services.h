// What the reception screens may ask of the rest of the kiosk (StaffServices), and what the patient
// screens may ask about a scanned code (CodeLookup). The UI sees only these interfaces; the real
// implementation is StaffDesk (staff_desk.h) over the store and crypto, and tests use fakes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/checkin_state.h"
#include "core/patient.h"
#include "core/result.h"
#include "service/kiosk_services.h"

namespace longstop::service {

/// Why a sign-in was refused. The staff screens act on the kind (a card problem sends the person back
/// to scan another card; a wrong PIN, a lock or a storage fault keeps the card and asks again), never on
/// the words, which are for the person and may change or be translated.
enum class SignInFailure {
  kNotACard,     // the text is not a Longstop staff card (mistyped, damaged scan)
  kUnknownCard,  // a card, but not one of this site's
  kRevoked,      // the card was revoked
  kLocked,       // too many wrong PINs: locked for a while (the sentence says how long)
  kWrongPin,     // the PIN did not open the card's keys (the sentence says the tries left)
  kFault,        // the database or the machine failed; nothing about the card is known to be wrong
};

/// A sign-in refusal: the sentence and code of every error, and its kind.
struct SignInError : core::Error {
  SignInFailure kind = SignInFailure::kFault;
  SignInError(SignInFailure k, core::Error e) : core::Error(std::move(e)), kind(k) {}
  /// A card problem: another card is needed, so the card typed or scanned is cleared.
  bool needsAnotherCard() const {
    return kind == SignInFailure::kNotACard || kind == SignInFailure::kUnknownCard ||
           kind == SignInFailure::kRevoked;
  }
};
using SignInStatus = core::Result<core::Ok, SignInError>;

/// Who is signed in. Never holds a key: the keys stay inside the implementation.
struct StaffIdentity {
  std::string id;  // "S7K2QX"
  std::string name;
  bool admin = false;
};

/// One check-in as the console shows it. The names are filled only inside a signed-in session.
struct ConsoleEntry {
  std::string recordId;
  std::string ticket;  // "A042"
  std::string queueId;
  std::string queueName;
  core::CheckinState state = core::CheckinState::kWaiting;
  bool urgent = false;
  std::optional<core::PatientDetails> patient;  // empty for appointments without details, or once purged
  std::string appointmentTime;                  // "10:20", or empty for walk-ins
  std::string clinician;
  int lateMinutes = 0;     // arrived this long after the appointment's time
  std::string calledBy;    // the clinician of the last call ("with Dr Patel" until seen), when named
  std::string calledRoom;  // the room that call sent the patient to
  int waitedMinutes = 0;
  bool possibleDuplicate = false;
  std::string duplicateGroup;  // the same for entries thought to be one person (a keyed hash, no details)
  bool alertPending = false;   // urgent alert not yet acknowledged
  bool damaged = false;        // its sealed details would not open
  std::string detailsOn;       // checked in on another device whose keys hold the details: its ID
};

/// One "Call next" button: a clinician's patients in a queue, or (clinician empty) the queue's patients
/// without a clinician.
struct CallPoint {
  std::string queueId;
  std::string clinician;
  std::string room;
  int waiting = 0;
};

/// An appointment of today's list that has not arrived, for adding at the desk.
struct DueAppointment {
  std::string id;
  std::string time;  // "10:20"
  std::string clinician;
  std::string queueName;
  std::string initial;  // of the surname; empty once the details are gone
};

/// For call / recall (room), transfer (targetQueue) and cancel (reason, required).
struct ActionRequest {
  std::string room;
  std::string targetQueue;
  std::string reason;
};

struct DaySummaryView {
  std::map<std::string, std::map<core::CheckinState, int>> countsByQueueAndState;  // queue name -> state -> n
  std::optional<int> medianWaitMinutes;
  int urgentFlags = 0;
  int total = 0;
};

/// What the export screen shows before anything is made.
struct ExportStatus {
  int64_t unexported = 0;      // check-ins in no batch yet
  std::string recipientKeyId;  // the receiving organisation's key in force; empty when none is set
  int64_t lastSeq = 0;         // the newest batch made (0: none yet)
  std::string recipientSetBy;  // "Pat Admin, 2026-11-29 09:12": who set it, when (from the signed log)
};

/// A batch just made (the kiosk keeps its own copy until retention).
struct MadeBatch {
  int64_t seq = 0;
  std::string fileName;
  int64_t records = 0;
  int64_t bytes = 0;
};

/// A scanned acknowledgement that was accepted.
struct BatchReceipt {
  int64_t seq = 0;
  bool alreadyAcknowledged = false;  // scanned before: nothing changed
  int retentionDays = 30;            // personal data of the batch is deleted this long after
};

/// How export work under way is going: `done` of `total` steps (records opened, bytes written or read
/// back) in its current stage ("Opening records", "Writing", "Checking").
struct WorkProgressView {
  int64_t done = 0, total = 0;
  std::string stage;
};

/// What finished export work gave: the batch made (after startMakeBatch) or the file written and read
/// back (after startCopyBatch); or, when `error` is set, why not.
struct ExportWorkResult {
  std::optional<core::Error> error;
  std::optional<MadeBatch> made;
  std::filesystem::path copiedTo;
};

class StaffServices {
 public:
  virtual ~StaffServices() = default;

  virtual const SiteInfo& site() const = 0;

  /// Two factors: the card's text (LSS1:… as scanned, or typed) and the PIN. A refusal carries its kind
  /// and the service's sentence for the person (wrong PIN with tries left, locked with time left, revoked).
  virtual SignInStatus signIn(const std::string& cardText, const std::string& pin) = 0;
  /// Ends the session (if any) and wipes its keys. `reason`: "sign-out" or "idle".
  virtual void signOut(std::string_view reason) = 0;
  virtual std::optional<StaffIdentity> session() const = 0;
  /// A staff interaction: the idle timeout counts from the last one.
  virtual void touch() = 0;
  /// Signs out when the staff idle timeout has passed; true when it did.
  virtual bool signOutIfIdle() = 0;
  /// Milliseconds until the idle sign-out (0 when no session).
  virtual int64_t msUntilIdleSignOut() const = 0;

  // Everything below needs a session and fails with kUnauthorised without one.
  virtual core::Result<std::vector<ConsoleEntry>> todaysEntries() = 0;
  /// Ticket, start of surname or NHS number among today's entries.
  virtual core::Result<std::vector<ConsoleEntry>> search(const std::string& text) = 0;
  virtual core::Status act(const std::string& recordId, core::CheckinAction action,
                           const ActionRequest& r) = 0;
  /// Calls the next patient of a call point: `clinician` one clinician's, "" those without a clinician,
  /// none anyone in the queue. The record called, or empty when nobody waits.
  virtual core::Result<std::optional<std::string>> callNext(const std::string& queueId,
                                                            const std::optional<std::string>& clinician) = 0;
  /// Today's call points: every clinician with appointments today (with their room), per queue.
  virtual core::Result<std::vector<CallPoint>> callPoints() = 0;
  /// From now on today, `clinician` calls to `room`.
  virtual core::Status setRoom(const std::string& clinician, const std::string& room) = 0;
  /// Today's appointments that have not arrived, by time.
  virtual core::Result<std::vector<DueAppointment>> appointmentsDue() = 0;
  /// Urgent alerts not yet acknowledged, oldest first (record IDs).
  virtual core::Result<std::vector<std::string>> pendingAlerts() = 0;
  virtual core::Status acknowledgeAlert(const std::string& recordId) = 0;
  virtual core::Status merge(const std::string& keepId, const std::string& duplicateId) = 0;
  virtual core::Status editDetails(const std::string& recordId, const core::PatientDetails& details) = 0;
  /// An appointment (by ID) or a walk-in added at the desk; returns the new record ID.
  virtual core::Result<std::string> addAtDesk(const std::optional<std::string>& appointmentId,
                                              const std::optional<WalkInRequest>& walkIn, bool urgent) = 0;
  /// Writes today's list as CSV to the list folder (see StaffDesk); returns the file written.
  virtual core::Result<std::filesystem::path> saveList() = 0;
  virtual core::Result<DaySummaryView> daySummary() = 0;

  // Re-entry batches (service/export.h), also needing a session.
  virtual core::Result<ExportStatus> exportStatus() = 0;
  /// Mount points of the USB sticks plugged in now (writable ones only); empty when there is none.
  virtual std::vector<std::filesystem::path> removableMedia() = 0;
  // Making a batch and copying one take seconds on a Raspberry Pi, so they run off the UI thread, one
  // at a time: start*() returns at once (refusing while other work runs), exportProgress() says how it
  // goes, and takeExportResult() hands over the outcome once.
  /// Starts making a batch of every check-in not yet in one, sealed to the recipient; its result is
  /// refused with a sentence for the person when no recipient is set or there is nothing to export.
  virtual core::Status startMakeBatch() = 0;
  /// Starts copying batch `seq` to `folder`, synced and read back: only a result without an error
  /// means the stick is safe to remove.
  virtual core::Status startCopyBatch(int64_t seq, const std::filesystem::path& folder) = 0;
  /// The work under way; empty when none runs (also once it has finished).
  virtual std::optional<WorkProgressView> exportProgress() = 0;
  /// The outcome of finished work, once; empty while it runs or when there is none.
  virtual std::optional<ExportWorkResult> takeExportResult() = 0;
  /// The LSQ1 frames of batch `seq`, shown one after another for the receiving PC's camera.
  virtual core::Result<std::vector<std::string>> batchFrames(int64_t seq) = 0;
  /// Checks a scanned LSK1 code and marks its batch received.
  virtual core::Result<BatchReceipt> acknowledgeBatch(std::string_view text) = 0;
};

/// What a scanned code is, for the patient screens.
enum class ScannedKind { kTicket, kAppointment, kStaffCard, kNhsNumber, kUnrecognised };

struct ScannedCode {
  ScannedKind kind = ScannedKind::kUnrecognised;
  bool valid = false;   // well-formed and (where it has a MAC) made by this site
  std::string message;  // one sentence for the person holding it
};

class CodeLookup {
 public:
  virtual ~CodeLookup() = default;
  /// Never fails: anything odd is kUnrecognised or not valid.
  virtual ScannedCode classify(std::string_view text) = 0;
  /// The ticket of a valid LST1 code (its MAC checked), with its place in the queue now.
  virtual core::Result<Ticket> ticketForCode(std::string_view text) = 0;
  /// The appointment of a valid LSA1 code: kOne, or kAlreadyCheckedIn; kNone when not in today's list.
  virtual core::Result<MatchAnswer> appointmentForCode(std::string_view text) = 0;
};

}  // namespace longstop::service
