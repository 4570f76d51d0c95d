// The board's speech through the real espeak-ng (a test package, tools/lib/packages.sh): a call's words
// come back as plausible 16-bit audio at the device's rate, and a missing or broken program is nullopt.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/audio_output.h"
#include "app/audio_queue.h"
#include "support/temp_dir.h"

using namespace longstop;

namespace {

bool espeakInstalled() {
  return std::system("command -v espeak-ng >/dev/null 2>&1") == 0;
}

// PATH set to one folder for the life of the object, then put back.
class PathOverride {
 public:
  explicit PathOverride(const std::filesystem::path& dir) {
    const char* old = std::getenv("PATH");
    old_ = old ? old : "";
    setenv("PATH", dir.c_str(), 1);
  }
  ~PathOverride() { setenv("PATH", old_.c_str(), 1); }

 private:
  std::string old_;
};

void writeProgram(const std::filesystem::path& path, const std::string& body) {
  std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
}

// Root mean square of a 20 ms window starting at `from`.
double windowRms(const std::vector<int16_t>& s, size_t from, size_t len) {
  double sum = 0;
  for (size_t i = from; i < from + len; ++i) sum += static_cast<double>(s[i]) * s[i];
  return std::sqrt(sum / static_cast<double>(len));
}

struct Loudness {
  double seconds = 0;
  int peak = 0;
  double voicedFraction = 0;  // of 20 ms windows louder than 500 RMS (about -36 dBFS)
};

Loudness measure(const std::vector<int16_t>& s, int rate) {
  Loudness l;
  l.seconds = static_cast<double>(s.size()) / rate;
  for (int16_t v : s) l.peak = std::max(l.peak, std::abs(static_cast<int>(v)));
  const size_t window = static_cast<size_t>(rate / 50);
  size_t windows = 0, voiced = 0;
  for (size_t at = 0; at + window <= s.size(); at += window, ++windows)
    if (windowRms(s, at, window) > 500) ++voiced;
  l.voicedFraction = windows ? static_cast<double>(voiced) / windows : 0;
  return l;
}

}  // namespace

TEST_CASE("espeak-ng says a call as seconds of non-silent 16-bit audio at the device's rate") {
  // The board's only speech engine; without it this test proves nothing, so it fails rather than skips.
  REQUIRE(espeakInstalled());
  const std::string text = app::spokenText({1, "A042", "Room 3"});
  auto speech = app::speak(text, 22050);
  REQUIRE(speech);
  const Loudness l = measure(*speech, 22050);
  INFO("samples " << speech->size() << ", " << l.seconds << " s, peak " << l.peak << ", voiced "
                  << l.voicedFraction);
  // "Ticket A, zero four two, please go to Room 3" at 140 words a minute: about three and a half seconds.
  CHECK(l.seconds > 2.0);
  CHECK(l.seconds < 8.0);
  CHECK(l.peak > 4000);
  CHECK(l.voicedFraction > 0.4);

  // A device that asked for another rate gets the same speech resampled: the same length in time.
  auto at48k = app::speak(text, 48000);
  REQUIRE(at48k);
  CHECK(std::abs(static_cast<double>(at48k->size()) / 48000 - l.seconds) < 0.01);
  CHECK(measure(*at48k, 48000).peak > 4000);
}

TEST_CASE("espeak-ng reads the ticket's letter as a letter, not as the word 'a'") {
  REQUIRE(espeakInstalled());
  // -x prints the phonemes it would say: 'eI is the letter A; a# is the article.
  const std::string cmd = "espeak-ng -v en-gb -q -x '" + app::spokenText({1, "A042", "Room 3"}) + "'";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string phonemes;
  char buf[256];
  while (size_t n = fread(buf, 1, sizeof buf, p)) phonemes.append(buf, n);
  CHECK(pclose(p) == 0);
  INFO(phonemes);
  CHECK(phonemes.find("eI") != std::string::npos);
  CHECK(phonemes.find("a#") == std::string::npos);
  CHECK(phonemes.find("f'o@ t'u:") != std::string::npos);  // "four two", not "forty-two"
}

TEST_CASE("speech is nullopt when espeak-ng is missing, fails or writes no WAV") {
  test::TempDir dir;
  const auto bin = dir.path() / "bin";
  std::filesystem::create_directories(bin);
  {
    PathOverride path(bin);  // an empty folder: there is no espeak-ng to run
    CHECK_FALSE(app::speak("Ticket A, 0 4 2, please go to Room 3", 22050));
  }
  writeProgram(bin / "espeak-ng", "exit 1");
  {
    PathOverride path(bin);
    CHECK_FALSE(app::speak("Ticket A, 0 4 2", 22050));
  }
  writeProgram(bin / "espeak-ng", "echo 'not a wave file, but long enough to look at its header at all'");
  {
    PathOverride path(bin);
    CHECK_FALSE(app::speak("Ticket A, 0 4 2", 22050));
  }
}

TEST_CASE("the chime is about 0.8 s at any rate") {
  CHECK(app::makeChime(22050).size() ==
        static_cast<size_t>(22050 * 0.35) + static_cast<size_t>(22050 * 0.45));
  CHECK(measure(app::makeChime(48000), 48000).peak > 4000);
}
