// A site of two devices on this machine (two data directories, two nats-servers on loopback): how long
// a check-in committed on one takes to be applied on the other, and how long the other takes to catch
// up after being apart for 1,000 events.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds site_replicate_ms_p50, site_replicate_ms_p99 (commit on one device to applied on the other,
/// `rounds` check-ins), site_converge_s (a 1,000-event partition healing), site_apply_events_per_s and
/// site_idle_cpu_percent_per_device (the replicator's own CPU at rest, links up; the servers not counted),
/// and site_checkin_vs_raw_commit: a durable check-in's p50 while replication runs both ways against a
/// bare commit of as many pages in the same rounds (with site_checkin_commit_us_p50/p99,
/// site_raw_commit_us_p50 and site_fsyncs_per_checkin).
bool benchSite(const std::filesystem::path& dir, int rounds, Report& report);

}  // namespace longstop::bench
