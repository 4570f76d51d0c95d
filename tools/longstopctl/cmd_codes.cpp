// appointment-codes: an LSA1 code (text and PNG) for every loaded appointment, so the practice can
// print them on letters or send them, and an index naming who each code is for.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "commands.h"
#include "common.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/payload.h"
#include "exporter/qr_image.h"
#include "secret_input.h"
#include "store/appointments.h"

namespace longstop::ctl {
namespace {

// Each code is written as <appointment-id>.png and .txt, and the ID comes from the practice's file:
// only a plain name (letters, digits, '-', '_', '.', not starting with '.') stays inside --out and
// means the same on a USB stick's file system. "../../x" or "A/1" would write somewhere else.
constexpr size_t kMaxFileNameId = 64;

bool isFileNameSafe(std::string_view id) {
  if (id.empty() || id.size() > kMaxFileNameId || id.front() == '.') return false;
  for (char c : id) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    if (!plain) return false;
  }
  return true;
}

// The ID as it can be shown in one line of a terminal: unprintable bytes as '?', long ones cut.
std::string shown(std::string_view id) {
  std::string out;
  for (char c : id.substr(0, 40)) out += (c >= ' ' && c < 0x7f) ? c : '?';
  return id.size() > 40 ? out + "..." : out;
}

}  // namespace

int cmdAppointmentCodes(const Args& a) {
  auto out = a.get("out");
  if (!out) return usage("appointment-codes needs --data DIR --out DIR.");
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  auto code = SecretInput::standard().read("recovery code");
  if (!code.ok()) return fail(code.error());
  auto secrets = (*site)->unlockWithRecoveryCode(*code);
  if (!secrets.ok()) return fail(secrets.error());
  auto rows = store::appointmentsBetween((*site)->db(), INT64_MIN, INT64_MAX);
  if (!rows.ok()) return fail(rows.error());
  // All checked before anything is written, so a bad ID leaves no half-made set of codes.
  for (const auto& r : rows.value()) {
    if (!isFileNameSafe(r.id)) {
      return usage(
          "The appointment ID \"" + shown(r.id) +
          "\" cannot be used as a file name: only letters, digits, '-', '_' and '.' (not first), up to " +
          std::to_string(kMaxFileNameId) + " characters. No codes were written.");
    }
  }
  std::error_code ec;
  std::filesystem::create_directories(*out, ec);
  if (ec) return fail(core::storageError("Could not create " + *out + ": " + ec.message()));

  // The index names patients: it is for the practice's own post room, never for the kiosk's disk.
  std::string index = core::csvLine(
      {"appointment_id", "start", "clinician", "surname", "forenames", "date_of_birth", "code", "png"});
  const std::string ods = (*site)->info().odsCode;
  for (const auto& r : rows.value()) {
    const std::string text =
        core::formatCode(core::AppointmentCode{ods, r.id, (*site)->appointmentCodeMac(r.id)});
    const auto png = std::filesystem::path(*out) / (r.id + ".png");
    auto image = exporter::renderQr(text, 8);
    if (!image.ok()) return fail(image.error());
    if (auto s = exporter::writePng(image.value(), png); !s.ok()) return fail(s.error());
    std::ofstream(std::filesystem::path(*out) / (r.id + ".txt")) << text << "\n";
    std::string surname, forenames, dob;
    if (r.sealed) {
      auto details = (*site)->open(secrets.value(), *r.sealed);
      if (!details.ok()) return fail(details.error());
      auto p = core::parseDetails(details.value());
      if (!p.ok()) return fail(p.error());
      surname = p->surname;
      forenames = p->forenames;
      dob = p->dateOfBirth.iso();
    }
    index += core::csvLine({r.id, core::formatLocalDateTime(r.startLocal), r.clinician, surname, forenames,
                            dob, text, png.filename().string()});
  }
  std::ofstream(std::filesystem::path(*out) / "index.csv", std::ios::binary) << index;
  std::printf("Wrote %zu appointment codes to %s (index.csv names the patients: keep it safe).\n",
              rows->size(), out->c_str());
  return kExitOk;
}

}  // namespace longstop::ctl
