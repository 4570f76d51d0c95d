// The calling board's one screen: the site, a clock, the newest call large and highlighted, the few
// before it, and how many wait in each queue. It is given only tickets, rooms, queue names and counts:
// there is nowhere for a name to come from.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace longstop::ui::board {

struct BoardCallView {
  std::string ticket;  // "A042"
  std::string room;    // "Room 3"
};

struct BoardView {
  std::string siteName;
  std::string clock;                                         // "09:41"
  std::vector<BoardCallView> calls;                          // newest first
  std::vector<std::pair<std::string, int>> waitingPerQueue;  // queue name, count
  bool highlightNewest = true;                               // the call just made flashes
  std::vector<std::string> urgentTickets;  // urgent alerts not yet acknowledged: "Urgent: see reception"
  std::string notUpdatedSince;  // "09:42" when no peer of the site has been heard for a while, else ""
};

void drawBoard(const BoardView& v);

}  // namespace longstop::ui::board
