#include "app/display.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include <SDL.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include "ui/shaping/sdl_textures.h"
#include "ui/theme.h"

namespace longstop::app {
namespace {
core::Error sdlError(const std::string& what) {
  return core::internalError(what + ": " + SDL_GetError());
}
}  // namespace

ImVec2 panelToPicture(ImVec2 p, int rotation, int panelW, int panelH) {
  switch (rotation) {
    case 90:  // the picture's top edge runs down the panel's right edge
      return ImVec2(p.y, panelW - p.x);
    case 180:
      return ImVec2(panelW - p.x, panelH - p.y);
    case 270:  // the picture's top edge runs up the panel's left edge
      return ImVec2(panelH - p.y, p.x);
    default:
      return p;
  }
}

core::Result<std::unique_ptr<Display>> Display::open(const DisplayOptions& o) {
  std::unique_ptr<Display> d(new Display());
  d->rotation_ = (o.rotation == 90 || o.rotation == 180 || o.rotation == 270) ? o.rotation : 0;
  if (o.headless) {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
  }
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");        // the app handles SIGTERM itself
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");        // a finger is a mouse to ImGui
  SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");  // the first touch already counts
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return sdlError("SDL could not start its video");
  d->sdlInit_ = true;
  const char* driver = SDL_GetCurrentVideoDriver();
  d->canWait_ = driver && (std::strcmp(driver, "x11") == 0 || std::strcmp(driver, "wayland") == 0);
  // No SDL_WINDOW_ALLOW_HIGHDPI: mouse and touch coordinates must be in the renderer's pixels.
  Uint32 flags = o.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
  d->window_ =
      SDL_CreateWindow("Longstop", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o.width, o.height, flags);
  if (!d->window_) return sdlError("The window could not be made");
  Uint32 rflags = o.headless ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
  d->renderer_ = SDL_CreateRenderer(d->window_, -1, rflags);
  if (!d->renderer_ && !o.headless) d->renderer_ = SDL_CreateRenderer(d->window_, -1, SDL_RENDERER_SOFTWARE);
  if (!d->renderer_) return sdlError("No renderer");
  if (o.fullscreen) SDL_ShowCursor(SDL_DISABLE);
  if (auto s = d->setUpImGui(o); !s.ok()) return s.error();
  return d;
}

core::Status Display::setUpImGui(const DisplayOptions& o) {
  IMGUI_CHECKVERSION();
  imgui_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing about the session is written to disk
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  if (!ImGui_ImplSDL2_InitForSDLRenderer(window_))
    return core::internalError("ImGui's SDL backend failed to start.");
  backendInit_ = true;
  if (!ImGui_ImplSDLRenderer_Init(renderer_))
    return core::internalError("ImGui's SDL renderer failed to start.");
  rendererInit_ = true;
  ui::shaping::cache().setTextureMaker(ui::shaping::sdlTextureMaker(renderer_));  // shaped text's textures
  fontPath_ = o.fontPath.empty() ? ui::kDefaultFontPath : o.fontPath;
  rebuildFonts();
  return core::okStatus();
}

void Display::rebuildFonts() {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_, &w, &h);
  panelW_ = w;
  panelH_ = h;
  if (rotation_ == 90 || rotation_ == 270) std::swap(w, h);
  if (rotation_ != 0 && (!picture_ || w != width_ || h != height_)) {
    if (picture_) SDL_DestroyTexture(picture_);
    picture_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
    if (!picture_) {
      std::fprintf(stderr, "longstop: cannot rotate the screen (%s); showing it unrotated\n", SDL_GetError());
      rotation_ = 0;
      w = panelW_;
      h = panelH_;
    }
  }
  width_ = w;
  height_ = h;
  float px = ui::baseFontPx(w, h);
  if (px == fontPx_) return;
  fontPx_ = px;
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  auto loaded = ui::loadFonts(*ImGui::GetIO().Fonts, px, fontPath_);
  if (!loaded.ok()) std::fprintf(stderr, "longstop: %s\n", loaded.error().message.c_str());
  ui::applyStyle(px);
  ImGui_ImplSDLRenderer_CreateFontsTexture();
}

Display::~Display() {
  ui::shaping::cache().setTextureMaker(nullptr);  // its textures go before the renderer
  if (rendererInit_) ImGui_ImplSDLRenderer_Shutdown();
  if (backendInit_) ImGui_ImplSDL2_Shutdown();
  if (imgui_) ImGui::DestroyContext(imgui_);
  if (picture_) SDL_DestroyTexture(picture_);
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  if (sdlInit_) SDL_Quit();
}

void Display::processEvent(const SDL_Event& event) {
  // Touch arrives in panel pixels; the UI drew a turned picture, so turn the point back.
  SDL_Event e = event;
  if (rotation_ != 0) {
    auto turn = [&](Sint32& x, Sint32& y) {
      ImVec2 p = panelToPicture(ImVec2(float(x), float(y)), rotation_, panelW_, panelH_);
      x = static_cast<Sint32>(p.x);
      y = static_cast<Sint32>(p.y);
    };
    if (e.type == SDL_MOUSEMOTION) turn(e.motion.x, e.motion.y);
    if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) turn(e.button.x, e.button.y);
  }
  ImGui_ImplSDL2_ProcessEvent(&e);
  if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) rebuildFonts();
}

void Display::beginFrame(const std::optional<Pointer>& pointer) {
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  if (pointer) {
    io.MousePos = pointer->pos;
    io.MouseDown[0] = pointer->down;
  }
  ImGui::NewFrame();
}

core::Status Display::endFrame(Image* capture) {
  ImGui::Render();
  if (picture_ && rotation_ != 0) SDL_SetRenderTarget(renderer_, picture_);
  SDL_SetRenderDrawColor(renderer_, 255, 255, 255, 255);
  SDL_RenderClear(renderer_);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  if (picture_ && rotation_ != 0) {
    SDL_SetRenderTarget(renderer_, nullptr);
    SDL_RenderClear(renderer_);
    // Centred on the panel and turned about its centre, the picture exactly covers the panel.
    SDL_Rect dst{(panelW_ - width_) / 2, (panelH_ - height_) / 2, width_, height_};
    SDL_RenderCopyEx(renderer_, picture_, nullptr, &dst, rotation_, nullptr, SDL_FLIP_NONE);
  }
  core::Status result = core::okStatus();
  if (capture) {  // what the panel shows
    capture->width = panelW_;
    capture->height = panelH_;
    capture->rgba.assign(static_cast<size_t>(panelW_) * panelH_ * 4, 0);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, capture->rgba.data(), panelW_ * 4) !=
        0)
      result = sdlError("The screen could not be read");
  }
  SDL_RenderPresent(renderer_);
  return result;
}

}  // namespace longstop::app
