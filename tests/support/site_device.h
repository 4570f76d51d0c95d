// One device of a test site: its own data directory (inside the test's TempDir), site, kiosk, admin
// session, nats-server on a free loopback port and replicator. Everything stops with the Device.
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "replica/replicator.h"
#include "replica/server_process.h"
#include "service/kiosk.h"
#include "service/site.h"
#include "service/site_roster.h"
#include "service/site_state.h"
#include "service/staff.h"
#include "support/clocks.h"

namespace longstop::test {

struct Device {
  std::filesystem::path dir;
  core::ManualClock clock{localTime(2026, 12, 3, 9, 0)};
  std::string recoveryCode;
  std::unique_ptr<service::Kiosk> kiosk;
  std::unique_ptr<service::StaffSession> admin;
  std::unique_ptr<replica::ServerProcess> server;
  std::unique_ptr<replica::Replicator> replicator;

  Device(const std::filesystem::path& where, const std::string& role = "kiosk") : dir(where) {
    auto init = service::Site::create(dir, {"B82005", "Riverside", {}}, clock);
    REQUIRE(init.ok());
    recoveryCode = init->recoveryCode;
    auto k = service::openKiosk(dir, clock);
    REQUIRE(k.ok());
    kiosk = std::move(k.value());
    auto a = service::recoverySession(site(), recoveryCode);
    REQUIRE(a.ok());
    admin = std::move(a.value());
    auto port = replica::freePort("127.0.0.1");
    REQUIRE(port.ok());
    server = std::make_unique<replica::ServerProcess>(
        replica::ServerConfig{dir, "127.0.0.1", port.value(), site().info().deviceId, "nats-server"});
    (void)role;
  }
  ~Device() {
    if (replicator) replicator->stop();
    if (server) server->stop();
  }
  service::Site& site() { return kiosk->siteData(); }
  const std::string& id() { return site().info().deviceId; }
  std::string url() { return server->url(); }

  void startServer() { REQUIRE(server->start().ok()); }
  void startReplicator() {
    replicator = std::make_unique<replica::Replicator>(replica::ReplicatorConfig{
        .databasePath = service::Site::databasePath(dir),
        .ownUrl = url(),
        .retryMs = 200,
        .afterApply = [id = id()](store::Database& db) { (void)service::followFold(db, id); }});
    REQUIRE(replicator->start().ok());
  }
  void start() {
    startServer();
    startReplicator();
  }
  /// Puts `other` into this device's roster (signed by this device's admin key).
  void trust(Device& other, const std::string& role = "kiosk") {
    REQUIRE(
        service::addPeer(site(), *admin, {other.id(), other.site().signPublicKey(), other.url(), role, 0, {}})
            .ok());
  }
  std::string digest() {
    auto s = service::foldedState(site().db(), id());
    REQUIRE(s.ok());
    return service::stateDigest(s.value());
  }
  int64_t scalar(const std::string& sql) {
    auto st = site().db().prepare(sql);
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    return st->columnInt(0);
  }
};

/// Waits (polling, up to `timeoutS`) until `done` holds; the assertion is on the condition, not the time.
inline bool eventually(const std::function<bool()>& done, int timeoutS = 60) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutS);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

/// Every pair of devices trusts the other.
inline void mesh(std::initializer_list<Device*> devices) {
  for (Device* a : devices)
    for (Device* b : devices)
      if (a != b) a->trust(*b);
}

}  // namespace longstop::test
