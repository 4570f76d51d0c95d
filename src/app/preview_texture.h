// The camera preview on screen: one streaming SDL texture, made once and refilled with each new
// preview frame, handed to the UI as an ImTextureID (the ui module knows no SDL).
#pragma once

#include <imgui.h>

#include "scan/frame.h"

struct SDL_Renderer;
struct SDL_Texture;

namespace longstop::app {

class PreviewTexture {
 public:
  /// The renderer is borrowed and must outlive this.
  explicit PreviewTexture(SDL_Renderer* renderer) : renderer_(renderer) {}
  ~PreviewTexture();
  PreviewTexture(const PreviewTexture&) = delete;
  PreviewTexture& operator=(const PreviewTexture&) = delete;

  /// Shows `frame` (grayscale, preview-sized). The texture is made on first use and again only when
  /// the size changes. false when SDL cannot make or fill it (then nothing shows).
  bool update(const scan::GrayFrame& frame);
  /// Nothing to show until the next update(): the old picture is never drawn again.
  void clear() { showing_ = false; }

  /// The picture to draw, or null when there is none.
  ImTextureID picture() const { return showing_ ? static_cast<ImTextureID>(texture_) : nullptr; }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  SDL_Renderer* renderer_;
  SDL_Texture* texture_ = nullptr;
  int width_ = 0, height_ = 0;
  bool showing_ = false;
};

}  // namespace longstop::app
