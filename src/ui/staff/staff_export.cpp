// The export screen's logic: StaffConsole's part that makes a batch, copies it to a USB stick, shows it
// as a QR stream, and takes a scanned acknowledgement. Only StaffServices is used.
#include <algorithm>

#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {
namespace {
std::string sizeText(int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  return std::to_string((bytes + 512) / 1024) + " KB";
}
}  // namespace

int64_t StaffConsole::exportSeq() const {
  if (s_.exp.made) return s_.exp.made->seq;
  return s_.exp.status ? s_.exp.status->lastSeq : 0;
}

void StaffConsole::openExport() {
  if (s_.exp.working == ExportState::Work::kNone) {
    s_.exp = {};
    // Work from an earlier session may still be finishing: show it, rather than only refusing to start.
    if (auto p = services_.exportProgress()) {
      s_.exp.working = ExportState::Work::kEarlier;
      s_.exp.task = "An export started earlier is finishing";
      s_.exp.stage = p->stage;
      s_.exp.done = p->done;
      s_.exp.total = p->total;
    }
  }
  s_.message.clear();
  s_.notice.clear();
  auto st = services_.exportStatus();
  if (st.ok())
    s_.exp.status = st.value();
  else
    s_.message = st.error().message;
  s_.exp.media = services_.removableMedia();
  s_.exp.mediaCheckedMs = clock_.now().unixMs;
  s_.screen = StaffScreen::kExport;
}

bool StaffConsole::exportBusy() const {
  return s_.exp.working != ExportState::Work::kNone;
}

void StaffConsole::startedExport(ExportState::Work work, std::string task) {
  ExportState& e = s_.exp;
  e.working = work;
  e.task = std::move(task);
  e.stage = "Starting";
  e.done = e.total = 0;
  e.finished = false;
}

void StaffConsole::on(const intent::OpenExport&) {
  openExport();
}

void StaffConsole::on(const intent::MakeBatch&) {
  if (exportBusy()) return;  // one thing at a time
  s_.message.clear();
  s_.notice.clear();
  s_.exp.safeToRemove = false;
  if (auto s = services_.startMakeBatch(); !s.ok()) {
    s_.message = s.error().message;
    return;
  }
  startedExport(ExportState::Work::kMake, "Making the batch");
}

void StaffConsole::on(const intent::CopyToUsb&) {
  if (exportBusy()) return;
  ExportState& e = s_.exp;
  s_.message.clear();
  s_.notice.clear();
  e.task.clear();  // the last task's bar gives way to what happens now
  e.safeToRemove = false;
  e.media = services_.removableMedia();
  e.mediaCheckedMs = clock_.now().unixMs;
  if (exportSeq() == 0) {
    s_.message = "Make a batch first.";
    return;
  }
  if (e.media.empty()) {
    s_.message = "No USB stick is plugged in. Plug one in, then press Copy to USB stick again.";
    return;
  }
  if (auto s = services_.startCopyBatch(exportSeq(), e.media.front()); !s.ok()) {
    s_.message = s.error().message;
    return;
  }
  startedExport(ExportState::Work::kCopy,
                "Copying batch " + std::to_string(exportSeq()) + " to the USB stick - do not remove it");
}

void StaffConsole::on(const intent::ShowQr&) {
  if (exportBusy()) return;
  ExportState& e = s_.exp;
  s_.message.clear();
  s_.notice.clear();
  auto f = services_.batchFrames(exportSeq());
  if (!f.ok() || f->empty()) {
    s_.message = f.ok() ? "This batch has no QR frames." : f.error().message;
    return;
  }
  e.frames = std::move(f.value());
  e.streamSeq = exportSeq();
  e.frame = 0;
  e.rounds = 0;
  e.frameShownMs = clock_.now().unixMs;
  s_.screen = StaffScreen::kQrStream;
}

void StaffConsole::on(const intent::StopQr&) {
  if (exportBusy()) return;
  s_.exp.frames.clear();
  s_.notice = "QR codes stopped.";
  s_.screen = StaffScreen::kExport;
}

bool StaffConsole::pollExportWork() {
  ExportState& e = s_.exp;
  if (e.working == ExportState::Work::kNone) return false;
  // Work under way is activity while its bar shows (no idle sign-out halfway); elsewhere, and if it
  // hangs, the session lapses as usual.
  if (s_.screen == StaffScreen::kExport) services_.touch();
  // Progress first, then the result: work that ends between the two calls is then seen as finished,
  // never as vanished (it stops running and leaves its result in one step).
  std::optional<service::WorkProgressView> p = services_.exportProgress();
  std::optional<service::ExportWorkResult> r = services_.takeExportResult();
  if (!r) {
    if (!p) {  // neither running nor finished (an earlier session's work): nothing more will come
      const bool earlier = e.working == ExportState::Work::kEarlier;
      e.working = ExportState::Work::kNone;
      e.task.clear();
      if (earlier) s_.notice = "The export started earlier has finished.";
      if (auto st = services_.exportStatus(); st.ok()) e.status = st.value();
      return true;
    }
    if (p->done == e.done && p->total == e.total && p->stage == e.stage) return false;
    e.done = p->done;
    e.total = p->total;
    e.stage = std::move(p->stage);
    return true;
  }
  const ExportState::Work work = e.working;
  e.working = ExportState::Work::kNone;
  if (r->error) {
    s_.message = work == ExportState::Work::kMake
                     ? r->error->message
                     : "The batch could not be copied: " + r->error->message + " Try another USB stick.";
    e.task.clear();
  } else if (work == ExportState::Work::kMake && r->made) {
    e.made = r->made;
    e.finished = true;
    e.stage = "Done";
    // Said over the full bar rather than as a notice below it: the small screen has no room for both.
    e.task = "Batch " + std::to_string(r->made->seq) + " made (" + sizeText(r->made->bytes) +
             "). Copy it to a USB stick or show it as QR codes.";
  } else if (work == ExportState::Work::kCopy) {
    e.finished = true;
    e.stage = "Written and checked";
    e.safeToRemove = true;
    e.task =
        "Batch " + std::to_string(exportSeq()) + " copied to " + r->copiedTo.parent_path().string() + ".";
  }
  if (work == ExportState::Work::kMake)
    if (auto st = services_.exportStatus(); st.ok()) e.status = st.value();
  return true;
}

bool StaffConsole::tickExport(int64_t nowMs) {
  ExportState& e = s_.exp;
  if (s_.screen == StaffScreen::kQrStream && !e.frames.empty() && nowMs - e.frameShownMs >= kQrFrameMs) {
    e.frame = (e.frame + 1) % e.frames.size();
    if (e.frame == 0) ++e.rounds;
    e.frameShownMs = nowMs;
    // A receiving camera needs every frame: a long stream keeps the session awake for its first
    // kQrRoundsHeld rounds; after that an unattended screen signs out as any other does.
    if (e.rounds < kQrRoundsHeld) services_.touch();
    return true;
  }
  if (s_.screen == StaffScreen::kExport && e.working == ExportState::Work::kNone &&
      nowMs - e.mediaCheckedMs >= kMediaPollMs) {
    auto media = services_.removableMedia();
    e.mediaCheckedMs = nowMs;
    bool changed = media != e.media;
    // A stick taken out after the copy: the "safe to remove" has done its job.
    if (changed && media.empty()) e.safeToRemove = false;
    e.media = std::move(media);
    return changed;
  }
  return false;
}

int64_t StaffConsole::msUntilExportTick(int64_t nowMs) const {
  const ExportState& e = s_.exp;
  if (e.working != ExportState::Work::kNone) return kWorkPollMs;
  if (s_.screen == StaffScreen::kQrStream && !e.frames.empty()) return e.frameShownMs + kQrFrameMs - nowMs;
  if (s_.screen == StaffScreen::kExport) return e.mediaCheckedMs + kMediaPollMs - nowMs;
  return 60'000;
}

void StaffConsole::acknowledgeScanned(std::string_view text) {
  if (s_.screen != StaffScreen::kExport) openExport();
  auto r = services_.acknowledgeBatch(text);
  if (!r.ok()) {
    s_.notice.clear();
    s_.message = "This acknowledgement was not accepted: " + r.error().message;
    return;
  }
  s_.message.clear();
  const std::string batch = "Batch " + std::to_string(r->seq);
  s_.notice = r->alreadyAcknowledged ? batch + " was already marked received. Nothing has changed."
                                     : batch + " received — its personal data will be deleted after " +
                                           std::to_string(r->retentionDays) + " days.";
  if (auto st = services_.exportStatus(); st.ok()) s_.exp.status = st.value();
}

}  // namespace longstop::ui::staff
