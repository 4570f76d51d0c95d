// Shaped lines, kept: shaping a label every frame would cost more than drawing it. Each line is
// shaped once per (text, size, weight, language) and, when a renderer is there, drawn once into a
// texture of its own that ImGui draws as an image (docs/decisions.md, "Text in every script").
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "text/shaper.h"

namespace longstop::ui::shaping {

// The shaping itself is the text module's (the printed ticket uses it too); the screens draw its lines.
using text::Bitmap;
using text::isRtlLanguage;
using text::Line;
using text::Shaper;
using text::Style;

/// Makes and frees the renderer's textures. The real one is sdlTextureMaker() (sdl_textures.h); without
/// one (tests that only measure) text is shaped and measured but not drawn.
class TextureMaker {
 public:
  virtual ~TextureMaker() = default;
  /// A white texture with `b.alpha` as its coverage; null when the renderer refuses.
  virtual ImTextureID make(const Bitmap& b) = 0;
  virtual void destroy(ImTextureID t) = 0;
};

/// A cached line: its shape and, once drawn, its texture.
struct CachedLine {
  Line line;
  Bitmap geometry;  // the texture's size and offset (its pixels are not kept)
  ImTextureID texture = nullptr;
  size_t bytes = 0;  // the texture's memory
  int lastFrame = 0;
};

class TextCache {
 public:
  /// `budgetBytes`: textures beyond it are freed, least recently drawn first (never one drawn in this
  /// frame or the one before, which ImGui may still be rendering).
  explicit TextCache(size_t budgetBytes = size_t(12) << 20);
  ~TextCache();
  TextCache(const TextCache&) = delete;
  TextCache& operator=(const TextCache&) = delete;

  /// Uses `maker` for textures from now on (null: none); frees the textures made by the old one.
  void setTextureMaker(std::unique_ptr<TextureMaker> maker);
  bool hasTextureMaker() const { return maker_ != nullptr; }

  /// The shaped line, from the cache.
  const CachedLine& line(std::string_view s, const Style& style, int frame);
  /// The line with its texture made (texture stays null without a maker).
  const CachedLine& drawn(std::string_view s, const Style& style, int frame);
  /// `s` broken into lines no wider than `width`, from the cache.
  const std::vector<std::string>& wrapped(std::string_view s, const Style& style, float width);

  /// True when `t` is one of this cache's textures (high contrast recolours text, not pictures).
  bool isTextTexture(ImTextureID t) const;
  /// The textures' memory, in bytes, and how many lines are cached.
  size_t textureBytes() const { return textureBytes_; }
  size_t lines() const { return lines_.size(); }
  Shaper& shaper() { return shaper_; }
  /// The lines held, by key (for the benchmark that sets them against an atlas of their glyphs).
  const std::unordered_map<std::string, CachedLine>& cached() const { return lines_; }

 private:
  void trim(int frame);

  Shaper shaper_;
  std::unique_ptr<TextureMaker> maker_;
  size_t budget_;
  size_t textureBytes_ = 0;
  std::unordered_map<std::string, CachedLine> lines_;
  std::unordered_map<std::string, std::vector<std::string>> wraps_;
  std::unordered_map<ImTextureID, bool> ours_;
};

/// The UI thread's cache.
TextCache& cache();

}  // namespace longstop::ui::shaping
