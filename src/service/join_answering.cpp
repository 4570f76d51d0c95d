#include "service/join_answering.h"

#include <nlohmann/json.hpp>

#include "service/site.h"
#include "service/site_join.h"
#include "store/database.h"
#include "store/site_tables.h"

namespace longstop::service {

core::Result<JoinAnswering> joinAnswering(const std::filesystem::path& dataDir, int64_t nowMs) {
  auto db = store::Database::open(Site::databasePath(dataDir), {.readOnly = true});
  if (!db.ok()) return db.error();
  auto device = store::getMeta(**db, "device_id");
  if (!device.ok()) return device.error();
  if (!device.value()) return core::corrupt("The database names no device.");
  auto ods = store::getMeta(**db, "ods_code");
  if (!ods.ok()) return ods.error();
  JoinAnswering out;
  out.subject = joinSubject(ods.value().value_or(""), *device.value());
  auto st = (*db)->prepare("SELECT value FROM meta WHERE key LIKE 'join_invite.%'");
  if (!st.ok()) return st.error();
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const auto invite = nlohmann::json::parse(st->columnText(0), nullptr, false);
    if (!invite.is_object() || !invite.contains("used_ms") || !invite["used_ms"].is_null()) continue;
    const auto expires = invite.find("expires_ms");
    if (expires != invite.end() && expires->is_number_integer() && nowMs < expires->get<int64_t>())
      out.invitationOpen = true;
  }
  return out;
}

std::string answerJoinOn(const std::filesystem::path& dataDir, const core::Clock& clock,
                         std::string_view request) {
  auto site = Site::open(dataDir, clock);
  if (!site.ok()) return nlohmann::json{{"ok", false}, {"reason", site.error().message}}.dump();
  return answerJoinRequest(**site, request);
}

}  // namespace longstop::service
