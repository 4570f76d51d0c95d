// A process killed in the middle of a stream of check-ins: every check-in it acknowledged is there
// afterwards, the chain is sound, and record numbers carry on without reuse.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "core/ids.h"
#include "service/import.h"
#include "service/kiosk.h"
#include "service/site_check.h"
#include "store/checkins.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;

namespace {

[[noreturn]] void checkInForever(const std::filesystem::path& dir, int ackFd) {
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  auto kiosk = service::openKiosk(dir, clock);
  if (!kiosk.ok()) _exit(3);
  for (int i = 0;; ++i) {
    service::WalkInRequest req;
    req.patient.surname = "Crash" + std::to_string(i);
    req.patient.forenames = "Test";
    req.patient.dateOfBirth = {1980, 1, 1};
    auto t = (*kiosk)->checkInWalkIn(req, false);
    if (!t.ok()) _exit(4);
    const std::string ack = t->recordId + "\n";  // acknowledged only after the commit returned
    if (write(ackFd, ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) _exit(5);
  }
}

}  // namespace

TEST_CASE("killed mid-stream: every acknowledged check-in survives and sequences go on") {
  test::TempDir tmp;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  REQUIRE(service::Site::create(tmp / "site", {"B82005", "Crash test", {}}, clock).ok());

  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    checkInForever(tmp / "site", fds[1]);
  }
  close(fds[1]);
  std::set<std::string> acknowledged;
  std::string buffer;
  char chunk[256];
  while (acknowledged.size() < 40) {
    const ssize_t n = read(fds[0], chunk, sizeof chunk);
    REQUIRE(n > 0);
    buffer.append(chunk, static_cast<size_t>(n));
    for (size_t nl; (nl = buffer.find('\n')) != std::string::npos; buffer.erase(0, nl + 1))
      acknowledged.insert(buffer.substr(0, nl));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  close(fds[0]);
  CHECK(WIFSIGNALED(status));

  auto kiosk = service::openKiosk(tmp / "site", clock);
  REQUIRE(kiosk.ok());
  auto rows = store::checkinsOnDay((*kiosk)->siteData().db(), clock.now().localDay());
  REQUIRE(rows.ok());
  std::set<std::string> stored;
  int64_t maxSeq = 0;
  for (const auto& r : rows.value()) {
    stored.insert(r.recordId);
    maxSeq = std::max(maxSeq, r.seq);
  }
  for (const auto& id : acknowledged) CHECK(stored.count(id) == 1);
  auto chain = service::checkSite((*kiosk)->siteData().db());
  REQUIRE(chain.ok());
  CHECK(chain->sound());

  service::WalkInRequest req;
  req.patient.surname = "After";
  req.patient.forenames = "Crash";
  req.patient.dateOfBirth = {1980, 1, 1};
  auto next = (*kiosk)->checkInWalkIn(req, false);
  REQUIRE(next.ok());
  CHECK(stored.count(next->recordId) == 0);
  CHECK(next->recordId == core::formatRecordId((*kiosk)->site().deviceId, maxSeq + 1));
}
