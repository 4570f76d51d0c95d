// A build without espeak-ng (meson -Dspeech=disabled): there is no synthesiser, and it says so.
#include "speech/synth.h"

namespace longstop::speech {

core::Result<std::unique_ptr<Synth>> openEspeak() {
  return core::internalError("Spoken guidance is not available: this kiosk was built without espeak-ng.");
}

}  // namespace longstop::speech
