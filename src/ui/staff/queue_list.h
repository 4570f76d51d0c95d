// The console's list of check-ins: compact rows under column headings, in a region that scrolls by
// dragging a finger or the mouse (as well as by its scrollbar and the wheel), with Seen, No-show and
// Call again on a called patient's row when there is room for them.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

#include "service/staff_services.h"
#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

/// Where a row's cells go, for a list `width` wide.
struct ListColumns {
  enum { kTicket, kName, kAppointment, kWaited, kStatus, kCount };
  float x[kCount] = {};     // left edge of each cell, from the list's left
  float w[kCount] = {};     // and its width
  bool rowActions = false;  // called rows carry Seen / No-show / Call again in the status cell
  bool showQueue = false;   // the status cell names the queue too (search results)
};
ListColumns listColumns(float width, bool showQueue);

/// A row's height: compact, still a comfortable press for a finger at the desk.
float listRowHeight();
/// The narrowest list that still shows every cell.
float minListWidth();

/// "Ticket  Patient  Appointment  Waited  Status" over the columns at `pos`; returns its height.
float drawListHeadings(const ListColumns& c, ImVec2 pos);

/// One row at `pos` (screen coordinates). The ticket opens the patient (kOpen); a called row's buttons
/// are kRowAction with the record ID and the action.
StaffIntent drawListRow(const service::ConsoleEntry& e, const ListColumns& c, ImVec2 pos, float rowH);

/// "with Dr Patel, Room 3", "Parked", "URGENT", "Late 12 min", "Possible duplicate", "Seen", …
std::string statusText(const service::ConsoleEntry& e);
/// "10:20 Dr Patel", "Walk-in", or for a called patient "with Dr Patel".
std::string appointmentText(const service::ConsoleEntry& e);

/// Opens a scrolling region `size` big at the cursor; a press that moves further than a finger's wobble
/// scrolls it instead of pressing what it began on. Close with endDragList().
void beginDragList(const char* id, ImVec2 size);
void endDragList();
/// True while (and on the frame that) the pointer is dragging the list: a press then is not a tap.
bool listDragged();

}  // namespace longstop::ui::staff
