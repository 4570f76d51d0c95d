#include "exporter/reconcile.h"

#include <algorithm>
#include <cctype>

#include "core/csv.h"
#include "exporter/csv_export.h"

namespace longstop::exporter {
namespace {

std::string fold(std::string_view s) {
  std::string out;
  for (unsigned char c : s)
    if (!std::isspace(c) && c != '\'' && c != '-') out += static_cast<char>(std::tolower(c));
  return out;
}

}  // namespace

core::Result<ReconcileReport> reconcile(const std::vector<std::string_view>& csvTexts) {
  ReconcileReport r;
  // Two keys for "the same person": the NHS number, and surname + date of birth.
  std::map<std::string, std::vector<std::string>> byNhs, byNameDob;
  for (std::string_view text : csvTexts) {
    auto rows = core::parseCsv(text);
    if (!rows.ok()) return rows.error();
    if (rows->empty() || rows->front().fields != csvColumns())
      return core::invalidInput("This is not a Longstop checkins.csv (its header row is different).");
    const auto col = [](const char* name) {
      const auto& c = csvColumns();
      return static_cast<size_t>(std::find(c.begin(), c.end(), name) - c.begin());
    };
    for (size_t i = 1; i < rows->size(); ++i) {
      const auto& f = (*rows)[i].fields;
      if (f.size() != csvColumns().size())
        return core::invalidInput("line " + std::to_string((*rows)[i].line) + ": the row has " +
                                  std::to_string(f.size()) + " fields, not " +
                                  std::to_string(csvColumns().size()) + ".");
      const std::string& id = f[col("record_id")];
      ++r.checkins;
      const std::string& nhs = f[col("nhs_number")];
      if (nhs.empty())
        ++r.withoutNhsNumber;
      else {
        ++r.withNhsNumber;
        byNhs[fold(nhs)].push_back(id);
      }
      const std::string& dob = f[col("date_of_birth")];
      if (!dob.empty()) byNameDob[fold(f[col("surname")]) + "|" + dob].push_back(id);
      if (f[col("clock_confirmed")] != "yes") r.unconfirmedClock.push_back(id);
      if (f[col("priority")] == "urgent")
        r.urgent.push_back(id + " (" + f[col("ticket")] + ", outcome " + f[col("outcome")] + ")");
      ++r.outcomes[f[col("outcome")]];
    }
  }
  std::vector<std::vector<std::string>> groups;
  for (auto* m : {&byNhs, &byNameDob})
    for (auto& [key, ids] : *m)
      if (ids.size() > 1) groups.push_back(ids);
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  r.possibleDuplicates = std::move(groups);
  return r;
}

std::string ReconcileReport::text() const {
  std::string s = "Check-ins: " + std::to_string(checkins) + "\n";
  s += "NHS number given: " + std::to_string(withNhsNumber) +
       "; not given: " + std::to_string(withoutNhsNumber) +
       " (numbers typed at the kiosk are not traced: check each against the national index)\n";
  s += "Outcomes:";
  for (const auto& [k, n] : outcomes) s += " " + k + " " + std::to_string(n) + ";";
  s += "\nPossible duplicate people: " + std::to_string(possibleDuplicates.size()) + "\n";
  for (const auto& g : possibleDuplicates) {
    s += "  ";
    for (size_t i = 0; i < g.size(); ++i) s += (i ? ", " : "") + g[i];
    s += "\n";
  }
  s += "Checked in while the clock was not confirmed: " + std::to_string(unconfirmedClock.size()) +
       (unconfirmedClock.empty() ? "" : " (their times may be wrong)") + "\n";
  for (const auto& id : unconfirmedClock) s += "  " + id + "\n";
  s += "Urgent flags: " + std::to_string(urgent.size()) + "\n";
  for (const auto& u : urgent) s += "  " + u + "\n";
  return s;
}

}  // namespace longstop::exporter
