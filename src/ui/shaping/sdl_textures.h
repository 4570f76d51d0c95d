// The SDL renderer's side of drawing shaped text: each line becomes a static texture.
#pragma once

#include <memory>

#include "ui/shaping/text_cache.h"

struct SDL_Renderer;

namespace longstop::ui::shaping {

/// Textures made with `renderer` (which must outlive the maker), as ImGui's SDL renderer draws them.
std::unique_ptr<TextureMaker> sdlTextureMaker(SDL_Renderer* renderer);

}  // namespace longstop::ui::shaping
