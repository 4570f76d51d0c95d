#include "crypto/secret_bytes.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

namespace longstop::crypto {

SecretBytes::SecretBytes(size_t size) : size_(size) {
  if (size == 0) return;
  data_ = static_cast<uint8_t*>(sodium_malloc(size));
  if (data_ == nullptr) throw std::bad_alloc();  // out of locked memory is a broken precondition
  std::memset(data_, 0, size);
}

SecretBytes SecretBytes::copyOf(std::string_view bytes) {
  SecretBytes s(bytes.size());
  if (!bytes.empty()) std::memcpy(s.data_, bytes.data(), bytes.size());
  return s;
}

SecretBytes::~SecretBytes() {
  wipe();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    wipe();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void SecretBytes::wipe() {
  if (data_ != nullptr) sodium_free(data_);  // sodium_free zeroes before releasing
  data_ = nullptr;
  size_ = 0;
}

}  // namespace longstop::crypto
