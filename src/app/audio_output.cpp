#include "app/audio_output.h"

#include <cmath>
#include <cstdio>
#include <cstring>

#include <SDL.h>

namespace longstop::app {
namespace {
constexpr double kPi = 3.14159265358979323846;

void tone(std::vector<int16_t>& out, int rate, double hz, double seconds) {
  const int n = static_cast<int>(rate * seconds);
  for (int i = 0; i < n; ++i) {
    double t = static_cast<double>(i) / rate;
    double envelope = std::exp(-3.0 * t / seconds) * std::min(1.0, i / (rate * 0.01));
    out.push_back(static_cast<int16_t>(9000 * envelope * std::sin(2 * kPi * hz * t)));
  }
}

uint32_t le32(const unsigned char* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

// The 16-bit PCM samples and rate of a WAV file's bytes; espeak-ng writes its data size as 0 or
// 0x7fffffff on a pipe, so the data chunk runs to the end.
std::optional<std::pair<std::vector<int16_t>, int>> parseWav(const std::string& wav) {
  const auto* b = reinterpret_cast<const unsigned char*>(wav.data());
  if (wav.size() < 44 || std::memcmp(b, "RIFF", 4) != 0 || std::memcmp(b + 8, "WAVE", 4) != 0)
    return std::nullopt;
  size_t at = 12;
  int rate = 0, bits = 0, channels = 0;
  while (at + 8 <= wav.size()) {
    uint32_t size = le32(b + at + 4);
    if (std::memcmp(b + at, "fmt ", 4) == 0 && at + 24 <= wav.size()) {
      channels = b[at + 10] | (b[at + 11] << 8);
      rate = static_cast<int>(le32(b + at + 12));
      bits = b[at + 22] | (b[at + 23] << 8);
    } else if (std::memcmp(b + at, "data", 4) == 0) {
      if (bits != 16 || channels < 1 || rate <= 0) return std::nullopt;
      size_t end = wav.size();
      std::vector<int16_t> samples;
      for (size_t i = at + 8; i + 2 * channels <= end; i += 2 * static_cast<size_t>(channels))
        samples.push_back(static_cast<int16_t>(b[i] | (b[i + 1] << 8)));
      return std::make_pair(std::move(samples), rate);
    }
    at += 8 + size + (size & 1);
    if (size > wav.size()) break;
  }
  return std::nullopt;
}
}  // namespace

std::vector<int16_t> makeUrgentTone(int rate) {
  std::vector<int16_t> out;
  for (int i = 0; i < 3; ++i) {
    tone(out, rate, 1318.5, 0.22);
    out.insert(out.end(), static_cast<size_t>(rate * 0.16), 0);
  }
  return out;
}

std::vector<int16_t> makeChime(int rate) {
  std::vector<int16_t> out;
  tone(out, rate, 880.0, 0.35);
  tone(out, rate, 659.25, 0.45);
  return out;
}

std::optional<std::vector<int16_t>> speak(const std::string& text, int rate) {
  // The text is ours (ticket and room from the board's own database), but quote it anyway.
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  std::string cmd = "espeak-ng -v en-gb -s 140 --stdout " + quoted + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return std::nullopt;
  std::string wav;
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) wav.append(buf, n);
  if (pclose(p) != 0) return std::nullopt;
  auto parsed = parseWav(wav);
  if (!parsed) return std::nullopt;
  auto& [in, inRate] = *parsed;
  if (inRate == rate) return in;
  std::vector<int16_t> out;
  const double step = static_cast<double>(inRate) / rate;
  for (double pos = 0; pos + 1 < in.size(); pos += step) {
    size_t i = static_cast<size_t>(pos);
    double f = pos - i;
    out.push_back(static_cast<int16_t>(in[i] * (1 - f) + in[i + 1] * f));
  }
  return out;
}

std::unique_ptr<AudioOutput> AudioOutput::open(int rate) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    std::fprintf(stderr, "longstop: no sound (%s); the board carries on without it\n", SDL_GetError());
    return nullptr;
  }
  SDL_AudioSpec want{}, have{};
  want.freq = rate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = kBufferSamples;
  SDL_AudioDeviceID dev = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (dev == 0) {
    std::fprintf(stderr, "longstop: no sound device (%s); the board carries on without it\n", SDL_GetError());
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return nullptr;
  }
  std::unique_ptr<AudioOutput> out(new AudioOutput());
  out->device_ = dev;
  out->rate_ = have.freq;
  SDL_PauseAudioDevice(dev, 0);
  return out;
}

AudioOutput::~AudioOutput() {
  if (device_) SDL_CloseAudioDevice(device_);
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void AudioOutput::play(const std::vector<int16_t>& samples) {
  if (!samples.empty()) SDL_QueueAudio(device_, samples.data(), static_cast<uint32_t>(samples.size() * 2));
}

void AudioOutput::play(const int16_t* samples, size_t count) {
  if (count) SDL_QueueAudio(device_, samples, static_cast<uint32_t>(count * 2));
}

void AudioOutput::clear() {
  SDL_ClearQueuedAudio(device_);
}

bool AudioOutput::busy() const {
  return SDL_GetQueuedAudioSize(device_) > 0;
}

}  // namespace longstop::app
