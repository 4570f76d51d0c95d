// site invite | join: a device joins a site with a one-time join code (docs/site.md, "Joining").
#include <cstdio>
#include <fstream>

#include "commands.h"
#include "common.h"
#include "exporter/qr_image.h"
#include "replica/stream_client.h"
#include "secret_input.h"
#include "service/settings.h"
#include "service/site_join.h"

namespace longstop::ctl {

int siteInvite(const Args& a, service::Site& site) {
  const std::string role = a.get("role").value_or("");
  std::string listen = a.get("listen").value_or("");
  if (listen.empty()) {
    auto setting = service::getSetting(site, "site.listen");
    if (setting.ok() && setting.value() != "none") listen = setting.value();
  }
  if (listen.empty())
    return usage(
        "site invite needs to know where this device's server is reached: set site.listen (config set "
        "site.listen 10.0.0.2:4222) or give --listen IPv4:PORT.");
  SecretInput secrets = SecretInput::standard();
  auto admin = adminSession(site, secrets);
  if (!admin.ok()) return fail(admin.error());
  auto inv = service::inviteDevice(site, *admin.value(), listen, role);
  if (!inv.ok()) return fail(inv.error());
  if (auto out = a.get("out")) {
    auto image = exporter::renderQr(inv->text, 8);
    if (!image.ok()) return fail(image.error());
    if (auto s = exporter::writePng(image.value(), *out); !s.ok()) return fail(s.error());
  }
  std::printf("%s\n", inv->text.c_str());
  std::fprintf(
      stderr,
      "Join code for one %s, valid for 10 minutes and once. On the new device: longstopctl site join "
      "--data DIR --listen IPv4:PORT CODE, or Join a site at its first start. This device must be "
      "serving (site serve, or the kiosk with site.listen) while it joins.\n",
      role.empty() ? "device" : role.c_str());
  return kExitOk;
}

int siteJoin(const Args& a) {
  auto dir = a.get("data");
  auto listen = a.get("listen");
  const std::string role = a.get("role").value_or("kiosk");
  if (!dir || !listen || a.words.size() != 3)
    return usage(
        "site join needs --data DIR (fresh) --listen IPv4:PORT (where this device will serve) and the "
        "CODE, e.g. site join --data DIR --listen 10.0.0.3:4222 LSJ1:...");
  const auto send = [](const std::string& url, const std::string& subject,
                       const std::string& request) -> core::Result<std::string> {
    auto client = replica::connectNats(url, 5000);
    if (!client.ok()) return client.error();
    return client.value()->request(subject, request, 10000);
  };
  auto r = service::joinSite(*dir, a.words[2], {role, "nats://" + *listen, *listen}, clock(), send);
  if (!r.ok()) return fail(r.error());
  std::printf("Device %s joined %s through device %s as a %s; %d credential%s open it.\n",
              r->deviceId.c_str(), r->siteName.c_str(), r->inviter.c_str(), r->role.c_str(), r->credentials,
              r->credentials == 1 ? "" : "s");
  return kExitOk;
}

}  // namespace longstop::ctl
