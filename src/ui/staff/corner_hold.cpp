#include "ui/staff/corner_hold.h"

#include <imgui.h>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {

bool drawCornerHold(int64_t nowMs, CornerHold& hold) {
  const float size = theme().target();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(size, size));
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::Begin("staff-corner", nullptr, kFlags);
  ImGui::SetCursorScreenPos(ImVec2(0, 0));
  ImGui::InvisibleButton("hold-corner", ImVec2(size, size));
  bool held = ImGui::IsItemActive();
  if (WidgetLog* log = widgetLog())
    log->add({"hold-corner", ImVec2(0, 0), ImVec2(size, size), true, true, true});
  ImGui::End();
  if (!held) {
    hold.since.reset();
    return false;
  }
  if (!hold.since) hold.since = nowMs;
  if (nowMs - *hold.since >= kCornerHoldMs) {
    hold.since.reset();
    return true;
  }
  return false;
}

}  // namespace longstop::ui::staff
