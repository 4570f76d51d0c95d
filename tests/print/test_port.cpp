// Sending a job to a printer that is there, absent, refusing, hung, or on the network, with real files,
// FIFOs, /dev/full and loopback sockets standing in for the printer.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "print/port.h"

using longstop::print::sendJob;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("longstop-print-" + std::to_string(::getpid()));
  fs::create_directories(d);
  fs::remove(d / name);
  return d / name;
}

bool says(const longstop::core::Status& s, const std::string& words) {
  return !s.ok() && s.error().message.find(words) != std::string::npos;
}

}  // namespace

TEST_CASE("A job reaches a printer device whole") {
  const fs::path dev = scratch("lp0");
  { std::ofstream(dev).flush(); }
  const std::string job(200'000, '\x5A');
  REQUIRE(sendJob(dev.string(), job, 1000).ok());
  std::ifstream in(dev, std::ios::binary);
  std::stringstream got;
  got << in.rdbuf();
  CHECK(got.str() == job);
}

TEST_CASE("An absent printer is named, in words") {
  const fs::path dev = scratch("lp-missing");
  CHECK(says(sendJob(dev.string(), "x", 100), "There is no ticket printer at " + dev.string()));
  // A FIFO nobody reads is a device with nothing behind it.
  const fs::path fifo = scratch("lp-fifo");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(says(sendJob(fifo.string(), "x", 100), "There is no ticket printer"));
}

TEST_CASE("A printer that refuses the bytes says so") {
  CHECK(says(sendJob("/dev/full", std::string(100, 'x'), 100), "refused the ticket"));
}

TEST_CASE("A printer that stops taking bytes ends the job in bounded time, not a frozen kiosk") {
  const fs::path fifo = scratch("lp-hung");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // there, but never reads
  REQUIRE(reader >= 0);
  const auto s = sendJob(fifo.string(), std::string(1 << 20, 'x'), 50);  // more than a pipe holds
  ::close(reader);
  CHECK(says(s, "stopped taking the ticket"));
}

TEST_CASE("A network printer gets the job over TCP; a wrong address is named") {
  const int server = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(server >= 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(server, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  socklen_t len = sizeof a;
  REQUIRE(::getsockname(server, reinterpret_cast<sockaddr*>(&a), &len) == 0);
  REQUIRE(::listen(server, 1) == 0);
  const int port = ntohs(a.sin_port);
  std::string received;
  std::thread printer([&] {
    const int c = ::accept(server, nullptr, nullptr);
    char buf[4096];
    ssize_t n;
    while ((n = ::read(c, buf, sizeof buf)) > 0) received.append(buf, static_cast<size_t>(n));
    ::close(c);
  });
  const std::string job(300'000, '\x1D');
  const auto s = sendJob("tcp:127.0.0.1:" + std::to_string(port), job, 2000);
  printer.join();
  ::close(server);
  REQUIRE(s.ok());
  CHECK(received == job);

  CHECK(says(sendJob("tcp:127.0.0.1:" + std::to_string(port), "x", 200), "There is no ticket printer"));
  CHECK(says(sendJob("tcp:printer", "x", 100), "tcp:HOST:PORT"));
}

TEST_CASE("A send with no time limit of its own ends when another thread raises its cancel signal") {
  const fs::path fifo = scratch("lp-cancel");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // there, but never reads
  REQUIRE(reader >= 0);
  longstop::print::CancelSignal cancel;
  longstop::print::SendOptions o;
  o.cancel = &cancel;  // timeoutMs -1: only the signal ends it
  longstop::print::JobOutcome out;
  std::thread sender([&] { out = longstop::print::deliver(fifo.string(), std::string(1 << 20, 'x'), o); });
  cancel.raise();
  sender.join();
  ::close(reader);
  CHECK(out.fault == longstop::print::Fault::kStopped);
  CHECK(out.message.find("stopped taking the ticket") != std::string::npos);
  cancel.clear();
  CHECK_FALSE(cancel.raised());
}

TEST_CASE("Each fault kind has one console line that says what to do") {
  using longstop::print::Fault;
  for (Fault f : {Fault::kAbsent, Fault::kNotAllowed, Fault::kBusy, Fault::kRefused, Fault::kStopped,
                  Fault::kCoverOpen, Fault::kPaperOut, Fault::kCutter, Fault::kBroken, Fault::kRecovering,
                  Fault::kOffline, Fault::kSetting}) {
    const std::string line = longstop::print::staffLine(f);
    INFO(line);
    CHECK(line.rfind("Printer: ", 0) == 0);
    CHECK(line.find("\u2014") != std::string::npos);  // the fault, then what to do
  }
  CHECK(longstop::print::staffLine(Fault::kNone).empty());
  longstop::print::PrinterStatus s;
  s.paperLow = true;
  CHECK(longstop::print::faultOf(s) == Fault::kNone);  // low paper still prints
  s.paperOut = true;
  CHECK(longstop::print::faultOf(s) == Fault::kPaperOut);
  s.coverOpen = true;
  CHECK(longstop::print::faultOf(s) == Fault::kCoverOpen);  // the cover first: close it, then the roll
}
