// Queues (services) and the ticket numbers people are called by.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace longstop::core {

enum class Priority { kNormal, kUrgent };
std::string_view toString(Priority p);  // "normal" | "urgent"
std::optional<Priority> priorityFromString(std::string_view s);

/// One service that patients queue for, e.g. {"gp", "GP appointments", 'A', "Room 3"}.
struct QueueDef {
  std::string id;     // short, lower-case, stable: used in records and exports
  std::string name;   // shown to patients
  char prefix = 'A';  // ticket prefix, an upper-case letter A–Z
  std::string room;   // where the board sends people ("Room 3", "Reception desk")
};

/// Refuses an empty id or name, an id with other than [a-z0-9-], a prefix that is not A–Z.
Status validateQueue(const QueueDef& q);

/// `A001` … `A999`, then `A1000`: per-queue, per-day counters start at 1.
std::string formatTicket(char prefix, int number);

}  // namespace longstop::core
