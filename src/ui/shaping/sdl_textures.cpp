#include "ui/shaping/sdl_textures.h"

#include <cstdint>
#include <vector>

#include <SDL.h>

namespace longstop::ui::shaping {
namespace {
class SdlTextureMaker final : public TextureMaker {
 public:
  explicit SdlTextureMaker(SDL_Renderer* r) : renderer_(r) {}

  ImTextureID make(const Bitmap& b) override {
    SDL_Texture* t =
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, b.w, b.h);
    if (!t) return nullptr;
    // White everywhere; the coverage is the alpha, and ImGui's vertex colour gives the text its colour.
    std::vector<uint32_t> px(b.alpha.size());
    for (size_t i = 0; i < px.size(); ++i) px[i] = (uint32_t(b.alpha[i]) << 24) | 0x00FFFFFFu;
    SDL_UpdateTexture(t, nullptr, px.data(), b.w * 4);
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return static_cast<ImTextureID>(t);
  }
  void destroy(ImTextureID t) override { SDL_DestroyTexture(static_cast<SDL_Texture*>(t)); }

 private:
  SDL_Renderer* renderer_;
};
}  // namespace

std::unique_ptr<TextureMaker> sdlTextureMaker(SDL_Renderer* renderer) {
  return std::make_unique<SdlTextureMaker>(renderer);
}

}  // namespace longstop::ui::shaping
