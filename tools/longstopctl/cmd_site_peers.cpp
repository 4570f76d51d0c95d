// site serve | peer-add | remove | status | ticket-block: a site of several devices (docs/site.md).
// invite and join are in cmd_site_join.cpp.
#include <signal.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "commands.h"
#include "common.h"
#include "crypto/primitives.h"
#include "replica/join_responder.h"
#include "replica/replicator.h"
#include "replica/server_process.h"
#include "replica/site_status.h"
#include "replica/supervisor.h"
#include "secret_input.h"
#include "service/join_answering.h"
#include "service/site_join.h"
#include "service/site_roster.h"
#include "service/site_state.h"
#include "store/event_log.h"
#include "store/site_log.h"
#include "store/site_tables.h"

namespace longstop::ctl {
namespace {

// Runs this device's nats-server and its replicator until SIGINT or SIGTERM.
int siteServe(const Args& a) {
  auto dir = a.get("data");
  auto listen = a.get("listen");
  if (!dir || !listen) return usage("site serve needs --data DIR --listen HOST:PORT.");
  const auto colon = listen->rfind(':');
  int port = 0;
  const std::string portText = colon == std::string::npos ? "" : listen->substr(colon + 1);
  auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
  if (colon == std::string::npos || ec != std::errc() || end != portText.data() + portText.size() ||
      port < 1 || port > 65535)
    return usage("--listen is HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:4222.");
  auto db = store::Database::open(service::Site::databasePath(*dir), {});
  if (!db.ok()) return fail(db.error());
  auto device = store::getMeta(**db, "device_id");
  if (!device.ok() || !device.value()) return usage("There is no site in " + *dir + ".");
  // Blocked before any thread starts, so only sigwait below sees them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  replica::ServerProcess server({*dir, listen->substr(0, colon), port, *device.value(), "nats-server"});
  // A server that does not start at once (its port still held by the one a killed serve left, which
  // the kernel is stopping) is tried again by the supervisor below, never given up on.
  if (auto s = server.start(); !s.ok())
    std::fprintf(stderr, "longstopctl: %s Trying again.\n", s.error().message.c_str());
  const std::string own = *device.value();
  replica::Replicator replicator({.databasePath = service::Site::databasePath(*dir),
                                  .ownUrl = server.url(),
                                  .afterApply = [own](store::Database& d) {
                                    (void)service::followRoster(d);
                                    (void)service::followFold(d, own);
                                  }});
  if (auto s = replicator.start(); !s.ok()) return fail(s.error());
  // Join requests are answered with a Site of their own, opened for each (they are rare): its keys
  // come from the keyring, so a locked device refuses them with the sentence that says so.
  auto ods = store::getMeta(**db, "ods_code");
  const std::string dataDir = *dir;
  replica::JoinResponder joins(
      server.url(), service::joinSubject(ods.ok() ? ods.value().value_or("") : "", own),
      [dataDir](std::string_view request) { return service::answerJoinOn(dataDir, clock(), request); });
  joins.start();
  std::printf("Device %s serves its events on %s and pulls its peers' until stopped.\n",
              device.value()->c_str(), server.url().c_str());
  std::fflush(stdout);
  // A server that dies is started again (replica/supervisor.h); the replicator reconnects by itself.
  replica::ServerSupervisor supervisor(server);
  const timespec step{0, 250 * 1000 * 1000};
  for (;;) {
    if (sigtimedwait(&stop, nullptr, &step) >= 0) break;
    const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now().time_since_epoch())
                            .count();
    if (supervisor.tick(now) == replica::ServerSupervisor::Step::kRestartFailed)
      std::fprintf(stderr, "longstopctl: %s\n", supervisor.lastError().c_str());
  }
  joins.stop();
  replicator.stop();
  server.stop();
  return kExitOk;
}

int sitePeerAdd(const Args& a, service::Site& site) {
  auto device = a.get("device");
  auto key = a.get("key");
  auto address = a.get("address");
  auto role = a.get("role");
  if (!device || !key || !address || !role)
    return usage(
        "site peer-add needs --device ID --key HEX --address nats://HOST:PORT --role kiosk|desk|board.");
  auto raw = crypto::fromHex(*key);
  if (!raw || raw->size() != 32) return usage("--key is the peer's signing key: 64 hexadecimal digits.");
  SecretInput secrets = SecretInput::standard();
  auto admin = adminSession(site, secrets);
  if (!admin.ok()) return fail(admin.error());
  if (auto s = service::addPeer(site, *admin.value(), {*device, *raw, *address, *role, 0, {}}); !s.ok())
    return fail(s.error());
  std::printf("Device %s added to this device's roster.\n", device->c_str());
  return kExitOk;
}

int siteRemove(const Args& a, service::Site& site) {
  if (a.words.size() != 3)
    return usage("site remove needs the DEVICE to remove, e.g. site remove --data DIR K7QX.");
  SecretInput secrets = SecretInput::standard();
  auto admin = adminSession(site, secrets);
  if (!admin.ok()) return fail(admin.error());
  if (auto s = service::removePeer(site, *admin.value(), a.words[2]); !s.ok()) return fail(s.error());
  std::printf(
      "Device %s removed: this device keeps what it had from it and refuses anything it writes from now "
      "on. The other devices of the site do the same once they have this device's events.\n",
      a.words[2].c_str());
  return kExitOk;
}

int siteTicketBlock(const Args& a, service::Site& site) {
  auto slot = wholeNumber(a, "slot", 0, core::kMaxTicketStride - 1);
  auto stride = wholeNumber(a, "stride", 1, core::kMaxTicketStride);
  if (!slot.ok()) return usage(slot.error().message);
  if (!stride.ok()) return usage(stride.error().message);
  if (!slot.value() || !stride.value()) return usage("site ticket-block needs --slot N --stride M.");
  const int s = static_cast<int>(*slot.value()), n = static_cast<int>(*stride.value());
  SecretInput secrets = SecretInput::standard();
  auto admin = adminSession(site, secrets);
  if (!admin.ok()) return fail(admin.error());
  if (auto r = service::setTicketBlock(site, *admin.value(), s, n); !r.ok()) return fail(r.error());
  std::printf("From tomorrow this device numbers its tickets %d, %d, %d, ...\n", s + 1, s + 1 + n,
              s + 1 + 2 * n);
  return kExitOk;
}

// Read-only: what this device holds of each peer, when it last heard from it, how far behind its
// stream it is (asked of the peer's server, a second at most each), and what it refused.
int siteStatus(const Args& a) {
  auto dir = a.get("data");
  if (!dir) return usage("site status needs --data DIR.");
  auto db = store::Database::open(service::Site::databasePath(*dir), {.readOnly = true});
  if (!db.ok()) return fail(db.error());
  auto peers = replica::siteStatus(**db, 1000);
  if (!peers.ok()) return fail(peers.error());
  auto refusals = store::listRefusals(**db);
  if (!refusals.ok()) return fail(refusals.error());
  std::string json = "[";
  for (const auto& p : peers.value()) {
    if (a.has("json")) {
      store::JsonObject o;
      o.add("device", p.device)
          .add("address", p.address)
          .add("role", p.role)
          .add("events_held", p.eventsHeld);
      o.add("stream_cursor", p.streamCursor).add("refused", p.refused).addBool("removed", p.removed);
      o.addBool("reachable", p.reachable);
      std::string tail;  // JSON null for what is not known
      tail += ",\"last_seen_ms\":" + (p.lastSeenMs ? std::to_string(*p.lastSeenMs) : std::string("null"));
      tail +=
          ",\"events_behind\":" + (p.eventsBehind ? std::to_string(*p.eventsBehind) : std::string("null"));
      std::string obj = o.str();
      obj.insert(obj.size() - 1, tail);
      json += (json.size() > 1 ? "," : "") + obj;
    } else {
      std::string seen = "never";
      if (p.lastSeenMs) {
        const std::time_t t = static_cast<std::time_t>(*p.lastSeenMs / 1000);
        char buf[32];
        std::tm tm{};
        gmtime_r(&t, &tm);
        std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
        seen = buf;
      }
      const std::string behind = p.eventsBehind ? std::to_string(*p.eventsBehind) + " events behind"
                                                : "not reachable, events behind unknown";
      std::printf("%s (%s) at %s%s: %lld events held, last seen %s, %s, %lld refused\n", p.device.c_str(),
                  p.role.c_str(), p.address.c_str(), p.removed ? " (removed)" : "",
                  static_cast<long long>(p.eventsHeld), seen.c_str(), behind.c_str(),
                  static_cast<long long>(p.refused));
    }
  }
  // The fold of everything held, as a digest: two devices that print the same one show the same queues.
  auto own = store::getMeta(**db, "device_id");
  if (!own.ok()) return fail(own.error());
  auto state = service::foldedState(**db, own.value().value_or(""));
  if (!state.ok()) return fail(state.error());
  if (a.has("json")) {
    store::JsonObject o;
    o.add("refused", static_cast<int64_t>(refusals->size()));
    o.add("events", state->events).add("state_digest", service::stateDigest(state.value()));
    std::printf("{\"peers\":%s,%s\n", (json + "]").c_str(), o.str().substr(1).c_str());
  } else if (peers->empty()) {
    std::printf("This device has no peers: it is a site of one.\n");
  }
  return kExitOk;
}

}  // namespace

int siteInvite(const Args& a, service::Site& site);  // cmd_site_join.cpp
int siteJoin(const Args& a);                         // cmd_site_join.cpp

int cmdSite(const Args& a) {
  const std::string verb = a.words.size() > 1 ? a.words[1] : "";
  if (verb == "serve") return siteServe(a);
  if (verb == "join") return siteJoin(a);
  if (verb == "status") return siteStatus(a);
  if (verb != "peer-add" && verb != "ticket-block" && verb != "remove" && verb != "invite")
    return usage("site needs serve, status, invite, join, peer-add, remove or ticket-block.");
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  if (verb == "invite") return siteInvite(a, **site);
  if (verb == "remove") return siteRemove(a, **site);
  return verb == "peer-add" ? sitePeerAdd(a, **site) : siteTicketBlock(a, **site);
}

}  // namespace longstop::ctl
