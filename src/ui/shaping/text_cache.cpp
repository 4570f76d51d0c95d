#include "ui/shaping/text_cache.h"

#include <algorithm>
#include <cmath>

namespace longstop::ui::shaping {
namespace {
constexpr size_t kMaxLines = 4096;  // shapes without textures are small; this bounds them anyway
constexpr size_t kMaxWraps = 1024;

std::string keyOf(std::string_view s, const Style& style, float width = 0) {
  std::string k(s);
  k += '\0';
  k += std::to_string(std::lround(style.px * 100));
  k += style.bold ? 'b' : 'r';
  k += style.lang;
  k += style.leftToRight ? '>' : '~';
  if (width > 0) k += '/' + std::to_string(std::lround(width * 100));
  return k;
}
}  // namespace

TextCache::TextCache(size_t budgetBytes) : budget_(budgetBytes) {}

TextCache::~TextCache() {
  setTextureMaker(nullptr);
}

void TextCache::setTextureMaker(std::unique_ptr<TextureMaker> maker) {
  for (auto& [k, l] : lines_) {
    if (l.texture && maker_) maker_->destroy(l.texture);
    l.texture = nullptr;
    l.bytes = 0;
  }
  ours_.clear();
  textureBytes_ = 0;
  maker_ = std::move(maker);
}

const CachedLine& TextCache::line(std::string_view s, const Style& style, int frame) {
  std::string key = keyOf(s, style);
  auto it = lines_.find(key);
  if (it == lines_.end()) {
    if (lines_.size() >= kMaxLines) trim(frame);
    CachedLine c;
    c.line = shaper_.shape(s, style);
    it = lines_.emplace(std::move(key), std::move(c)).first;
  }
  it->second.lastFrame = frame;
  return it->second;
}

const CachedLine& TextCache::drawn(std::string_view s, const Style& style, int frame) {
  const CachedLine& found = line(s, style, frame);
  auto& c = const_cast<CachedLine&>(found);
  if (!c.texture && maker_ && !c.line.runs.empty()) {
    Bitmap b = shaper_.render(c.line, style);
    c.texture = maker_->make(b);
    b.alpha.clear();
    b.alpha.shrink_to_fit();
    c.geometry = std::move(b);
    if (c.texture) {
      c.bytes = size_t(c.geometry.w) * size_t(c.geometry.h) * 4;
      textureBytes_ += c.bytes;
      ours_[c.texture] = true;
      if (textureBytes_ > budget_) trim(frame);
    }
  }
  return c;
}

const std::vector<std::string>& TextCache::wrapped(std::string_view s, const Style& style, float width) {
  std::string key = keyOf(s, style, width);
  auto it = wraps_.find(key);
  if (it == wraps_.end()) {
    if (wraps_.size() >= kMaxWraps) wraps_.clear();
    it = wraps_.emplace(std::move(key), shaper_.breakLines(s, style, width)).first;
  }
  return it->second;
}

bool TextCache::isTextTexture(ImTextureID t) const {
  return ours_.count(t) != 0;
}

void TextCache::trim(int frame) {
  // Oldest first; what was drawn in this frame or the last may still be in ImGui's draw lists.
  std::vector<std::pair<int, const std::string*>> order;
  for (const auto& [k, l] : lines_) order.emplace_back(l.lastFrame, &k);
  std::sort(order.begin(), order.end());
  std::vector<std::string> gone;
  for (const auto& [last, key] : order) {
    if (last >= frame - 1) break;
    if (textureBytes_ <= budget_ * 3 / 4 && lines_.size() < kMaxLines * 3 / 4) break;
    gone.push_back(*key);
  }
  for (const std::string& k : gone) {
    auto it = lines_.find(k);
    if (it->second.texture && maker_) {
      maker_->destroy(it->second.texture);
      ours_.erase(it->second.texture);
      textureBytes_ -= it->second.bytes;
    }
    lines_.erase(it);
  }
}

TextCache& cache() {
  static TextCache c;
  return c;
}

}  // namespace longstop::ui::shaping
