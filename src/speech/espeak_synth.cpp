// espeak-ng's library, synchronous: espeak_Synth() returns when the text is spoken, handing samples
// to the callback as it goes, so the first ones reach the loudspeaker before the sentence is done.
#include <espeak-ng/speak_lib.h>

#include <mutex>

#include "speech/synth.h"

namespace longstop::speech {
namespace {

// espeak-ng keeps one state per process: one synthesiser at a time, whoever opens it. It is started
// once and never terminated: espeak-ng 1.51 hangs when started again after espeak_Terminate().
std::mutex gOpen;
bool gOpened = false;  // guarded by gOpen
int gRate = 0;         // guarded by gOpen: espeak_Initialize()'s answer, once it succeeded

int onSamples(short* wav, int count, espeak_EVENT* events) {
  auto* sink = static_cast<const SampleSink*>(events ? events->user_data : nullptr);
  if (!sink || !wav || count <= 0) return 0;
  return (*sink)(reinterpret_cast<const int16_t*>(wav), static_cast<size_t>(count)) ? 0 : 1;
}

// Picks the voice by its language code. espeak_SetVoiceByName() looks in the voices' file names and
// their display names ("English (Great Britain)"), not their language codes, so "en-gb", "fr-fr" and
// "zh" are not found by it; every utterance then failed, and the recording held silence.
bool selectLanguage(const std::string& language) {
  espeak_VOICE wanted{};
  wanted.languages = language.c_str();
  return espeak_SetVoiceByProperties(&wanted) == EE_OK;
}

class EspeakSynth final : public Synth {
 public:
  explicit EspeakSynth(int rate) : rate_(rate) {}
  ~EspeakSynth() override {
    std::lock_guard lock(gOpen);
    gOpened = false;
  }
  int rate() const override { return rate_; }

  core::Status speak(std::string_view utf8, const std::string& voice, const SampleSink& sink) override {
    if (voice != voice_) {
      if (!selectLanguage(voice) && !selectLanguage("en-gb"))
        return core::internalError("The speech voice " + voice + " could not be loaded.");
      voice_ = voice;
    }
    std::string text(utf8);
    espeak_ERROR e = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                  nullptr, const_cast<SampleSink*>(&sink));
    if (e != EE_OK) return core::internalError("Speech could not be made from the text.");
    return core::okStatus();
  }

 private:
  int rate_;
  std::string voice_;
};

}  // namespace

core::Result<std::unique_ptr<Synth>> openEspeak() {
  std::lock_guard lock(gOpen);
  if (gOpened) return core::internalError("Speech is already in use by another part of the kiosk.");
  if (gRate <= 0) {
    gRate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (gRate <= 0) return core::internalError("Speech is not available: espeak-ng's voice data is missing.");
    espeak_SetSynthCallback(onSamples);
    espeak_SetParameter(espeakRATE, 150, 0);
  }
  gOpened = true;
  return std::unique_ptr<Synth>(new EspeakSynth(gRate));
}

}  // namespace longstop::speech
