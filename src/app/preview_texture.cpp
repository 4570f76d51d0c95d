#include "app/preview_texture.h"

#include <cstdint>
#include <cstdio>

#include <SDL.h>

namespace longstop::app {

PreviewTexture::~PreviewTexture() {
  if (texture_) SDL_DestroyTexture(texture_);
}

bool PreviewTexture::update(const scan::GrayFrame& frame) {
  showing_ = false;
  if (frame.empty()) return false;
  if (!texture_ || frame.width != width_ || frame.height != height_) {
    if (texture_) SDL_DestroyTexture(texture_);
    // ARGB8888 is the one format every SDL renderer (software, GLES2, GL) takes without converting.
    texture_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING,
                                 frame.width, frame.height);
    width_ = texture_ ? frame.width : 0;
    height_ = texture_ ? frame.height : 0;
    if (!texture_) {
      std::fprintf(stderr, "longstop: no texture for the camera picture (%s)\n", SDL_GetError());
      return false;
    }
    SDL_SetTextureScaleMode(texture_, SDL_ScaleModeLinear);
  }
  void* pixels = nullptr;
  int pitch = 0;
  if (SDL_LockTexture(texture_, nullptr, &pixels, &pitch) != 0) return false;
  for (int y = 0; y < frame.height; ++y) {
    const uint8_t* src = &frame.pixels[static_cast<size_t>(y) * frame.stride];
    auto* dst =
        reinterpret_cast<uint32_t*>(static_cast<uint8_t*>(pixels) + static_cast<ptrdiff_t>(y) * pitch);
    for (int x = 0; x < frame.width; ++x) dst[x] = 0xFF000000u | src[x] * 0x010101u;
  }
  SDL_UnlockTexture(texture_);
  showing_ = true;
  return true;
}

}  // namespace longstop::app
