// Fuzzes verify's reading of an import's recorded rows (the data of an 'appointments' event, from a
// database anyone with the card may have edited) against a table holding one appointment. Nothing may
// crash or fail: whatever the event says, verify answers with sentences, and the appointment the event
// does not record exactly is reported.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "service/verify_appointments.h"
#include "store/database.h"
#include "store/schema.h"

using namespace longstop;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto db = store::Database::openInMemory();
  if (!db.ok() || !store::migrate(**db).ok()) std::abort();
  store::Database& d = **db;
  if (!d.exec(
            "INSERT INTO queues (id, name, prefix, room, position) VALUES ('gp', 'GP', 'W', 'Room 1', 1); "
            "INSERT INTO appointments VALUES ('A1001', 29000000, 'Dr Patel', 'GP', 'gp', x'00', x'00', NULL, "
            "x'00', x'0102', x'00')")
           .ok())
    std::abort();
  auto st = d.prepare(
      "INSERT INTO events (seq, at_ms, kind, record_id, data, prev_hash, hash) VALUES (1, 0, 'appointments', "
      "'', "
      "?, x'', x'')");
  if (!st.ok()) std::abort();
  st->bind(1, text);
  if (!st->run().ok()) return 0;  // text SQLite will not store (not UTF-8 it accepts) is not verify's input
  auto check = service::checkAppointments(d);
  if (!check.ok()) std::abort();
  for (const auto& p : check->problems)
    if (p.empty()) std::abort();
  // The one row agrees only when the event recorded it exactly (its sealed bytes are 0x01 0x02).
  if (check->problems.empty() && text.find("A1001") == std::string::npos) std::abort();
  return 0;
}
