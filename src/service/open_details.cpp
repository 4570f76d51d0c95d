#include "service/open_details.h"

#include <algorithm>
#include <system_error>
#include <thread>

namespace longstop::service {
namespace {

// Below this many, starting threads costs more than it saves.
constexpr size_t kItemsPerThread = 32;
constexpr unsigned kMaxThreads = 4;

void openOne(const Site& site, const SiteSecrets& secrets, DetailsToOpen& item) {
  if (!item.sealed) return;
  auto plain = site.open(secrets, *item.sealed);
  auto details =
      plain.ok() ? core::parseDetails(plain.value()) : core::Result<core::PatientDetails>(plain.error());
  if (details.ok())
    item.details = std::move(details.value());
  else
    item.damaged = true;
}

}  // namespace

void openDetails(const Site& site, const SiteSecrets& secrets, std::vector<DetailsToOpen>& items) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const auto threads =
      static_cast<unsigned>(std::min<size_t>({cores, kMaxThreads, items.size() / kItemsPerThread + 1}));
  // Thread k opens items k, k + threads, k + 2 * threads, ...
  const auto share = [&](unsigned k) {
    for (size_t i = k; i < items.size(); i += threads) openOne(site, secrets, items[i]);
  };
  std::vector<std::thread> helpers;
  unsigned started = 1;
  for (; started < threads; ++started) {
    try {
      helpers.emplace_back(share, started);
    } catch (const std::system_error&) {
      break;
    }
  }
  for (unsigned k = started; k < threads; ++k) share(k);
  share(0);
  for (auto& t : helpers) t.join();
}

}  // namespace longstop::service
