#include "service/admin_log.h"

#include <nlohmann/json.hpp>

#include "crypto/primitives.h"
#include "service/admin_sign.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace {

nlohmann::json dataOf(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}
std::string field(const std::string& json, const char* key) {
  auto j = dataOf(json);
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::string keyField(const std::string& json, const char* key) {
  return crypto::fromHex(field(json, key)).value_or("");
}

}  // namespace

const AdminEvent* AdminLog::newest(std::string_view kind) const {
  for (auto it = events.rbegin(); it != events.rend(); ++it)
    if (it->kind == kind) return &*it;
  return nullptr;
}

std::optional<StaffGrant> AdminLog::grantFor(std::string_view staffId, bool* valid) const {
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->kind != "staff-added" || field(it->data, "staff") != staffId) continue;
    *valid = it->valid && !it->beforeAdminKey;
    if (it->beforeAdminKey) return StaffGrant{};
    return StaffGrant{field(it->data, "role"), keyField(it->data, "box_pk")};
  }
  *valid = false;
  return std::nullopt;
}

core::Result<AdminLog> readAdminLog(store::Database& db) {
  auto device = store::getMeta(db, "device_id");
  if (!device.ok()) return device.error();
  const std::string deviceId = device.value().value_or("");
  auto st = db.prepare(
      "SELECT seq, kind, data FROM events WHERE kind IN ('site-created', 'admin-key-created', "
      "'recipient-set', "
      "'config-set', 'staff-added', 'staff-revoked', 'peer-added', 'peer-removed', 'ticket-block-set', "
      "'join-invited') ORDER "
      "BY seq");
  if (!st.ok()) return st.error();
  AdminLog out;
  int64_t lastN = 0;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    AdminEvent e{st->columnInt(0), st->columnText(1), st->columnText(2), false, false};
    const int64_t n = dataOf(e.data).value("admin_n", int64_t{0});
    std::string& key = out.adminPublicKey;
    if (e.kind == "site-created" && !keyField(e.data, "records_pk").empty())
      out.recordsPublicKey = keyField(e.data, "records_pk");
    if (e.kind == "site-created" || e.kind == "admin-key-created") {
      const std::string named = keyField(e.data, "admin_pk");
      if (key.empty() && !named.empty()) {
        e.valid = adminSignatureValid(named, deviceId, e.kind, e.data);
        if (e.valid) key = named;
      } else {
        e.beforeAdminKey = e.valid = key.empty() && e.kind == "site-created";
      }
    } else if (key.empty()) {
      e.beforeAdminKey = e.valid = true;
    } else {
      e.valid = n > lastN && adminSignatureValid(key, deviceId, e.kind, e.data);
      if (e.valid && e.kind == "staff-revoked" && !keyField(e.data, "admin_pk").empty()) {
        key = keyField(e.data, "admin_pk");
        out.recordsPublicKey = keyField(e.data, "records_pk");
        if (const std::string commit = keyField(e.data, "match_commit"); commit.size() == 32) {
          out.matchCommit = commit;
          out.matchGeneration = dataOf(e.data).value("match_gen", out.matchGeneration + 1);
        }
      }
    }
    if (e.valid && n > 0) lastN = n;
    if (!e.valid)
      out.problems.push_back("Event " + std::to_string(e.seq) + " (" + e.kind +
                             ") is not signed by the site's admin key: no administrator made it, someone "
                             "with the device's key did. Tell the practice's IT support.");
    out.events.push_back(std::move(e));
  }
  auto records = store::getMeta(db, "records_pk");
  if (!records.ok()) return records.error();
  if (!out.recordsPublicKey.empty() &&
      crypto::fromHex(records.value().value_or("")).value_or("") != out.recordsPublicKey)
    out.problems.push_back(
        "The records key in the settings is not the one the signed log names: new personal "
        "data would be sealed to a key someone planted. Call the practice's IT support.");
  auto gen = store::getMeta(db, "match_gen");
  if (!gen.ok()) return gen.error();
  if (gen.value().value_or("1") != std::to_string(out.matchGeneration))
    out.problems.push_back("The matching key's generation in the settings (" + gen.value().value_or("1") +
                           ") is not the one the signed log names (" + std::to_string(out.matchGeneration) +
                           "): it was changed outside Longstop. Call the practice's IT support.");
  auto meta = store::getMeta(db, "admin_pk");
  if (!meta.ok()) return meta.error();
  if (crypto::fromHex(meta.value().value_or("")).value_or("") != out.adminPublicKey)
    out.problems.push_back(
        "The admin key in the settings is not the one the signed log names: it was replaced "
        "outside Longstop.");
  return out;
}

}  // namespace longstop::service
