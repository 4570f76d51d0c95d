// Longstop's default queue and room names (service/site.cpp and the setup wizard suggest them), each
// written out here so that xgettext finds it.
#include "ui/default_names.h"

#include "ui/i18n.h"

namespace longstop::ui {

std::string shownName(std::string_view name) {
  // TRANSLATORS: the default names of the queues and rooms a practice starts with.
  if (name == "GP appointments") return tr("GP appointments");
  if (name == "Nurse appointments") return tr("Nurse appointments");
  if (name == "Walk-in") return tr("Walk-in");
  if (name == "Room 3") return tr("Room 3");
  if (name == "Treatment room") return tr("Treatment room");
  if (name == "Reception desk") return tr("Reception desk");
  return std::string(name);
}

std::string shownRoom(std::string_view room) {
  const std::string local = shownName(room);
  // The door, the board and the call say the English name: keep it beside the translation.
  return local == room ? local : local + " (" + std::string(room) + ")";
}

}  // namespace longstop::ui
