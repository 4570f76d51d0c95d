// The speaker through the real espeak-ng library: every catalogue language's voice loads and says
// something loud enough to hear, and stop() drops what was queued. (A voice chosen by a name espeak-ng
// does not know once made every utterance fail in silence.)
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

#include "speech/speaker.h"

using namespace longstop;

namespace {

// Keeps what the speaker hands over, as the sound device's queue would.
class RecordingSink final : public speech::AudioSink {
 public:
  void play(const int16_t* samples, size_t count) override {
    std::lock_guard lock(mutex_);
    samples_.insert(samples_.end(), samples, samples + count);
  }
  void clear() override {
    std::lock_guard lock(mutex_);
    samples_.clear();
  }
  std::vector<int16_t> samples() const {
    std::lock_guard lock(mutex_);
    return samples_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<int16_t> samples_;
};

// Seconds of 20 ms windows louder than 500 RMS (about -36 dBFS).
double voicedSeconds(const std::vector<int16_t>& s, int rate) {
  const size_t window = static_cast<size_t>(rate / 50);
  int voiced = 0;
  for (size_t at = 0; at + window <= s.size(); at += window) {
    double sum = 0;
    for (size_t i = at; i < at + window; ++i) sum += static_cast<double>(s[i]) * s[i];
    if (std::sqrt(sum / static_cast<double>(window)) > 500) ++voiced;
  }
  return voiced / 50.0;
}

std::vector<std::string> catalogueLanguages() {
  std::vector<std::string> out{"en"};
  std::ifstream in(std::string(LONGSTOP_SOURCE_ROOT) + "/po/LINGUAS");
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("every catalogue language is spoken aloud by its voice") {
  auto synth = speech::openEspeak();
  REQUIRE(synth.ok());
  const int rate = synth.value()->rate();
  RecordingSink sink;
  speech::Speaker speaker(std::move(synth.value()), sink);
  const auto languages = catalogueLanguages();
  REQUIRE(languages.size() > 10);
  uint64_t done = 0;
  for (const auto& language : languages) {
    INFO("language " << language << ", voice " << speech::voiceFor(language));
    sink.clear();
    speaker.say("12 34", language);  // every voice reads digits, in its own language
    speaker.TEST_waitIdle();
    CHECK(speaker.finished() == ++done);
    CHECK(voicedSeconds(sink.samples(), rate) > 0.4);
  }
}

TEST_CASE("stop drops what is queued at the loudspeaker and what is being made") {
  auto synth = speech::openEspeak();
  REQUIRE(synth.ok());
  RecordingSink sink;
  speech::Speaker speaker(std::move(synth.value()), sink);
  speaker.say("Welcome. Do you have an appointment today?", "en");
  speaker.TEST_waitIdle();
  REQUIRE(!sink.samples().empty());
  speaker.stop();
  speaker.TEST_waitIdle();
  CHECK(sink.samples().empty());
}

TEST_CASE("a second synthesiser is refused in words while the first is open") {
  auto first = speech::openEspeak();
  REQUIRE(first.ok());
  auto second = speech::openEspeak();
  REQUIRE(!second.ok());
  CHECK(second.error().message.find("already in use") != std::string::npos);
}
