// Queue definitions and ticket numbers.
#include <catch2/catch.hpp>
#include <vector>

#include "core/queue.h"

using namespace longstop::core;

TEST_CASE("priority names") {
  CHECK(toString(Priority::kNormal) == "normal");
  CHECK(toString(Priority::kUrgent) == "urgent");
}

TEST_CASE("priority names read back; anything else is not a priority") {
  for (Priority p : {Priority::kNormal, Priority::kUrgent}) CHECK(priorityFromString(toString(p)) == p);
  CHECK_FALSE(priorityFromString("").has_value());
  CHECK_FALSE(priorityFromString("Urgent").has_value());
  CHECK_FALSE(priorityFromString("high").has_value());
}

TEST_CASE("a well-formed queue is accepted") {
  CHECK(validateQueue({"gp", "GP appointments", 'A', "Room 3"}).ok());
  CHECK(validateQueue({"blood-tests-2", "Blood tests", 'Z', ""}).ok());
}

TEST_CASE("bad queues are refused with the reason") {
  struct Case {
    QueueDef q;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {{"", "GP", 'A', ""}, "needs an ID"},      {{"GP", "GP", 'A', ""}, "lower-case"},
      {{"g p", "GP", 'A', ""}, "lower-case"},    {{"gp_1", "GP", 'A', ""}, "lower-case"},
      {{"gp/1", "GP", 'A', ""}, "lower-case"},   {{"zoë", "GP", 'A', ""}, "lower-case"},
      {{"gp", "", 'A', ""}, "needs a name"},     {{"gp", "GP", 'a', ""}, "capital letter"},
      {{"gp", "GP", '1', ""}, "capital letter"}, {{"gp", "GP", '@', ""}, "capital letter"},
      {{"gp", "GP", '[', ""}, "capital letter"}, {{"gp", "GP", '\0', ""}, "capital letter"},
  };
  for (const Case& c : cases) {
    INFO(c.q.id << " / " << c.q.name << " / " << static_cast<int>(c.q.prefix));
    Status s = validateQueue(c.q);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::kInvalidInput);
    CHECK_THAT(s.error().message, Catch::Contains(c.reason));
  }
}

TEST_CASE("tickets are the prefix and at least three digits") {
  CHECK(formatTicket('A', 1) == "A001");
  CHECK(formatTicket('A', 42) == "A042");
  CHECK(formatTicket('B', 999) == "B999");
  CHECK(formatTicket('A', 1000) == "A1000");
  CHECK(formatTicket('C', 12345) == "C12345");
  CHECK(formatTicket('A', 0) == "A000");
  CHECK(formatTicket('A', -5) == "A000");
}
