// Queue definitions and the ticket numbers people are called by.
#include "core/queue.h"

namespace longstop::core {

std::string_view toString(Priority p) {
  return p == Priority::kUrgent ? "urgent" : "normal";
}

std::optional<Priority> priorityFromString(std::string_view s) {
  if (s == "normal") return Priority::kNormal;
  if (s == "urgent") return Priority::kUrgent;
  return std::nullopt;
}

Status validateQueue(const QueueDef& q) {
  if (q.id.empty()) return invalidInput("The queue needs an ID");
  for (char c : q.id) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!allowed) {
      return invalidInput("The queue ID can only use lower-case letters a–z, digits and hyphens");
    }
  }
  if (q.name.empty()) return invalidInput("The queue needs a name that patients will see");
  if (q.prefix < 'A' || q.prefix > 'Z') {
    return invalidInput("The ticket prefix of the queue must be one capital letter A–Z");
  }
  return okStatus();
}

// Numbers below zero are not issued; they are shown as 000 rather than with a minus sign.
std::string formatTicket(char prefix, int number) {
  std::string digits = std::to_string(number < 0 ? 0 : number);
  if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
  return std::string(1, prefix) + digits;
}

}  // namespace longstop::core
