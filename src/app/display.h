// The SDL window and renderer with Dear ImGui on top: setup, one frame, reading the pixels back for
// screenshots. Headless mode uses SDL's offscreen driver and the software renderer: real pixels, no
// screen.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/result.h"

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Texture;
union SDL_Event;

namespace longstop::app {

struct DisplayOptions {
  int width = 1280;
  int height = 800;
  bool headless = false;
  bool fullscreen = false;
  std::string fontPath;  // empty: DejaVu Sans from fonts-dejavu-core
  int rotation = 0;      // 0, 90, 180 or 270 degrees clockwise: the picture and touch turn together
};

/// Where a point on the panel (window pixels) lies in the picture the UI drew, which is rotated by
/// `rotation` degrees clockwise onto a panel `panelW` x `panelH` pixels.
ImVec2 panelToPicture(ImVec2 panel, int rotation, int panelW, int panelH);

/// A pointer that a script drives instead of the real mouse, for one frame.
struct Pointer {
  ImVec2 pos;
  bool down = false;
};

/// RGBA pixels, row-major, tightly packed.
struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;
};

class Display {
 public:
  /// Initialises SDL video, makes the window and renderer, the ImGui context and the fonts. A missing
  /// font is reported on stderr and the built-in one used; anything else that fails is an error.
  static core::Result<std::unique_ptr<Display>> open(const DisplayOptions& o);
  ~Display();
  Display(const Display&) = delete;
  Display& operator=(const Display&) = delete;

  /// Feeds one SDL event to ImGui; handles window size changes (fonts are rebuilt for the new size).
  void processEvent(const SDL_Event& e);
  /// Starts an ImGui frame; `pointer`, when given, replaces the real mouse for this frame.
  void beginFrame(const std::optional<Pointer>& pointer);
  /// Renders and presents; when `capture` is given, the frame's pixels are read into it first.
  core::Status endFrame(Image* capture = nullptr);

  /// The size the UI draws at (the panel's, turned when rotated by 90 or 270 degrees).
  int width() const { return width_; }
  int height() const { return height_; }
  int rotation() const { return rotation_; }
  /// The window's size in pixels, as touch and mouse events give it (before turning).
  int panelWidth() const { return panelW_; }
  int panelHeight() const { return panelH_; }
  /// True when SDL can sleep in SDL_WaitEventTimeout (X11, Wayland); otherwise it polls every 1 ms
  /// and the loop waits on its own.
  bool canWaitForEvents() const { return canWait_; }
  /// For textures the app draws through ImGui (the camera preview); owned by the display.
  SDL_Renderer* renderer() const { return renderer_; }

 private:
  Display() = default;
  core::Status setUpImGui(const DisplayOptions& o);
  void rebuildFonts();

  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  ImGuiContext* imgui_ = nullptr;
  bool sdlInit_ = false;
  bool backendInit_ = false;
  bool rendererInit_ = false;
  bool canWait_ = false;
  int width_ = 0, height_ = 0;
  int panelW_ = 0, panelH_ = 0;
  int rotation_ = 0;
  SDL_Texture* picture_ = nullptr;  // rotated only: the UI draws here, then it is turned onto the panel
  float fontPx_ = 0;
  std::string fontPath_;
};

}  // namespace longstop::app
