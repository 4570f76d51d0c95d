#include <keyutils.h>
#include <sodium.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "service/key_store.h"

namespace longstop::service {
namespace {

constexpr key_perm_t kPossessorOnly =
    KEY_POS_VIEW | KEY_POS_READ | KEY_POS_WRITE | KEY_POS_SEARCH | KEY_POS_LINK | KEY_POS_SETATTR;

class KernelKeyring final : public KeyStore {
 public:
  std::optional<crypto::SecretBytes> load(const std::string& name) override {
    const key_serial_t ring = persistentRing();
    if (ring < 0) return std::nullopt;
    const key_serial_t key = keyctl_search(ring, "user", name.c_str(), 0);
    if (key < 0) return std::nullopt;
    void* buffer = nullptr;
    const long n = keyctl_read_alloc(key, &buffer);
    if (n < 0 || !buffer) return std::nullopt;
    crypto::SecretBytes out =
        crypto::SecretBytes::copyOf({static_cast<const char*>(buffer), static_cast<size_t>(n)});
    sodium_memzero(buffer, static_cast<size_t>(n));
    std::free(buffer);
    return out;
  }

  core::Status save(const std::string& name, const crypto::SecretBytes& bytes) override {
    const key_serial_t ring = persistentRing();
    if (ring < 0)
      return core::internalError(
          std::string("The kernel keyring cannot be used here (") + std::strerror(errno) +
          "); the keys stay in this process only, so a restart will need staff again.");
    const key_serial_t key = add_key("user", name.c_str(), bytes.data(), bytes.size(), ring);
    if (key < 0)
      return core::internalError(std::string("The kernel keyring refused the kiosk's keys: ") +
                                 std::strerror(errno));
    keyctl_setperm(key, kPossessorOnly);
    if (const char* t = std::getenv("LONGSTOP_KEYRING_TIMEOUT_S"); t && std::atoi(t) > 0)
      keyctl_set_timeout(key, static_cast<unsigned>(std::atoi(t)));
    return core::okStatus();
  }

  void forget(const std::string& name) override {
    const key_serial_t ring = persistentRing();
    if (ring < 0) return;
    const key_serial_t key = keyctl_search(ring, "user", name.c_str(), 0);
    if (key >= 0) keyctl_invalidate(key);
  }

 private:
  // Linked into the process keyring, so that this process possesses the keys it finds there.
  static key_serial_t persistentRing() {
    return keyctl_get_persistent(static_cast<uid_t>(-1), KEY_SPEC_PROCESS_KEYRING);
  }
};

}  // namespace

KeyStore& kernelKeyring() {
  static KernelKeyring ring;
  return ring;
}

}  // namespace longstop::service
