// The export screen: how many check-ins are not yet in a batch, the receiving organisation's key in
// force (or why nothing can be made without one), "Make batch", then the made batch's destinations
// (a USB stick, QR codes) with the progress of each and "Safe to remove" only after a checked copy.
#pragma once

#include <cstdint>
#include <string>

#include <imgui.h>

#include "ui/staff/export_state.h"
#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

struct ExportView {
  const ExportState& exp;
  int64_t seq;  // the batch the destinations act on (0: none yet)
  const std::string& notice;
  const std::string& message;
};

StaffIntent drawExport(const ExportView& v);

/// What the export screen says when no recipient key is set: in words for a receptionist, who has no
/// shell (the command for IT staff is in longstopctl's own refusal and in docs/appliance.md).
inline constexpr const char* kNoRecipientText =
    "No receiving organisation's key is set, so no batch can be made yet. Ask the practice's administrator "
    "to set it: on the admin screen they choose \"Receiving organisation's key\" and scan the QR code that "
    "the organisation receiving the batches gave them.";

/// A bar showing done of total with the task above it and the stage inside; returns the height used.
float drawProgress(const std::string& task, const std::string& stage, int64_t done, int64_t total,
                   bool finished, ImVec2 pos, float width);

}  // namespace longstop::ui::staff
