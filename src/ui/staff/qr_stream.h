// The batch as a stream of QR codes, full screen: one LSQ1 frame at a time, as large as the screen
// allows with its quiet zone, "Frame i of n" beside it, and Stop. The console moves the frames on.
#pragma once

#include "ui/staff/export_state.h"
#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

/// `exp.qr` must hold the current frame's code (null: it could not be made; the text says so).
StaffIntent drawQrStream(const ExportState& exp);

}  // namespace longstop::ui::staff
