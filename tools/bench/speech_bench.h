// Spoken guidance's latency: a touch on a patient screen's control to the first sample of its label
// handed to the sound device, through the real flow, speech thread and espeak-ng.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds touch_to_speech_ms_p50/p99 (the touch's frame starting to the first audible samples queued
/// at the device) and, as the baseline, speech_first_samples_ms_p50 (say() straight to the speaker, no
/// screen) to `report`, working in `dir`. False when speech or the site cannot be opened.
bool benchSpeech(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
