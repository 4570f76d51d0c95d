// Secret bytes in locked memory (sodium_malloc: guard pages, mlock), wiped when they go away.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace longstop::crypto {

/// Owns `size` bytes that never reach swap and are zeroed on destruction. Move-only.
class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(size_t size);
  /// Copies `bytes` into locked memory.
  static SecretBytes copyOf(std::string_view bytes);
  ~SecretBytes();
  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {reinterpret_cast<const char*>(data_), size_}; }
  /// Zeroes and frees now.
  void wipe();

 private:
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace longstop::crypto
