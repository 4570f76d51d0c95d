#include "exporter/fhir.h"

#include <map>
#include <nlohmann/json.hpp>

#include "crypto/primitives.h"

namespace longstop::exporter {
namespace {

using Json = nlohmann::ordered_json;

// A stable urn:uuid for an identifier, so the same record always gets the same fullUrl.
std::string uuidFor(std::string_view system, std::string_view value) {
  const auto h = crypto::sha256(std::string(system) + "|" + std::string(value));
  std::string b(reinterpret_cast<const char*>(h.data()), 16);
  b[6] = static_cast<char>((b[6] & 0x0f) | 0x50);  // version 5 (name-based)
  b[8] = static_cast<char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  const std::string x = crypto::toHex(b);
  return "urn:uuid:" + x.substr(0, 8) + "-" + x.substr(8, 4) + "-" + x.substr(12, 4) + "-" + x.substr(16, 4) +
         "-" + x.substr(20);
}

Json identifier(const std::string& system, const std::string& value) {
  return Json{{"system", system}, {"value", value}};
}

Json entry(const std::string& fullUrl, const char* type, Json resource, const std::string& system,
           const std::string& value) {
  return Json{{"fullUrl", fullUrl},
              {"resource", std::move(resource)},
              {"request",
               {{"method", "POST"}, {"url", type}, {"ifNoneExist", "identifier=" + system + "|" + value}}}};
}

std::string gender(core::Sex s) {
  switch (s) {
    case core::Sex::kFemale:
      return "female";
    case core::Sex::kMale:
      return "male";
    case core::Sex::kUnknown:
      break;
  }
  return "unknown";
}

Json patientResource(const BatchContext& ctx, const std::string& value, const core::PatientDetails& p) {
  Json ids = Json::array({identifier(patientSystem(ctx), value)});
  if (p.nhsNumber) {
    Json nhs = identifier(kNhsNumberSystem, p.nhsNumber->digits);
    const char* code = p.nhsNumberTraced ? "01" : "02";
    const char* display = p.nhsNumberTraced ? "Number present and verified" : "Number present but not traced";
    nhs["extension"] = Json::array(
        {{{"url", kNhsVerificationExtension},
          {"valueCodeableConcept",
           {{"coding",
             Json::array({{{"system", kNhsVerificationSystem}, {"code", code}, {"display", display}}})}}}}});
    ids.push_back(std::move(nhs));
  }
  Json name{{"use", "official"}, {"family", p.surname}};
  Json given = Json::array();
  std::string_view rest = p.forenames;
  while (!rest.empty()) {
    const size_t sp = rest.find(' ');
    if (sp != 0) given.push_back(std::string(rest.substr(0, sp)));
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  if (!given.empty()) name["given"] = std::move(given);
  Json r{{"resourceType", "Patient"},
         {"identifier", std::move(ids)},
         {"name", Json::array({std::move(name)})},
         {"gender", gender(p.sex)},
         {"birthDate", p.dateOfBirth.iso()}};
  if (!p.postcode.empty()) r["address"] = Json::array({{{"postalCode", p.postcode}}});
  return r;
}

Json codeable(const char* system, const std::string& code, const std::string& display) {
  return Json{{"coding", Json::array({{{"system", system}, {"code", code}, {"display", display}}})},
              {"text", display}};
}

Json appointmentResource(const BatchContext& ctx, const BatchRecord& r, const std::string& patientUrl) {
  const AppointmentInfo& a = *r.appointment;
  const std::string start = fhirLocalMinutes(a.startLocal, ctx.utcOffsetMinutes);
  Json participants = Json::array();
  if (!patientUrl.empty())
    participants.push_back(
        {{"actor", {{"reference", patientUrl}}}, {"required", "required"}, {"status", "accepted"}});
  if (!a.clinician.empty())
    participants.push_back(
        {{"actor", {{"display", a.clinician}}}, {"required", "required"}, {"status", "accepted"}});
  if (participants.empty())
    participants.push_back({{"type", Json::array({{{"text", "patient"}}})}, {"status", "accepted"}});
  Json res{{"resourceType", "Appointment"},
           {"identifier", Json::array({identifier(appointmentSystem(ctx), a.id)})},
           {"status", "arrived"}};
  if (!a.service.empty()) res["serviceType"] = Json::array({{{"text", a.service}}});
  // The practice's list gives a start but no length: the end is the start (a zero-length slot).
  res["start"] = start;
  res["end"] = start;
  res["participant"] = std::move(participants);
  return res;
}

Json encounterResource(const BatchContext& ctx, const BatchRecord& r, const std::string& patientUrl,
                       const std::string& appointmentUrl) {
  const std::string status = encounterStatus(r.state);
  Json period{{"start", fhirDateTime(r.arrivedMs, ctx.utcOffsetMinutes)}};
  if (status == "finished" || status == "cancelled")
    period["end"] = fhirDateTime(r.stateMs, ctx.utcOffsetMinutes);
  Json res{{"resourceType", "Encounter"},
           {"identifier", Json::array({identifier(checkinSystem(ctx), r.recordId)})},
           {"status", status},
           {"class",
            {{"system", "http://terminology.hl7.org/CodeSystem/v3-ActCode"},
             {"code", "AMB"},
             {"display", "ambulatory"}}},
           {"serviceType",
            codeable("urn:longstop:queue", r.queueId, r.queueName.empty() ? r.queueId : r.queueName)},
           {"priority",
            r.urgent ? codeable("http://terminology.hl7.org/CodeSystem/v3-ActPriority", "UR", "urgent")
                     : codeable("http://terminology.hl7.org/CodeSystem/v3-ActPriority", "R", "routine")}};
  if (!patientUrl.empty()) res["subject"] = {{"reference", patientUrl}};
  if (!appointmentUrl.empty()) res["appointment"] = Json::array({{{"reference", appointmentUrl}}});
  res["period"] = std::move(period);
  return res;
}

}  // namespace

std::string encounterStatus(std::string_view s) {
  if (s == "seen") return "finished";
  if (s == "no-show" || s == "left" || s == "cancelled") return "cancelled";
  return "arrived";
}

std::string fhirBundle(const BatchContext& ctx, const std::vector<BatchRecord>& records) {
  Json entries = Json::array();
  // A Patient per person: check-ins with exactly the same details share one, named by the first.
  std::map<std::string, std::string> patientUrls;  // serialized details -> fullUrl
  for (const BatchRecord& r : records) {
    std::string patientUrl;
    if (r.patient) {
      const std::string key = core::serializeDetails(*r.patient);
      auto it = patientUrls.find(key);
      if (it == patientUrls.end()) {
        patientUrl = uuidFor(patientSystem(ctx), r.recordId);
        patientUrls.emplace(key, patientUrl);
        entries.push_back(entry(patientUrl, "Patient", patientResource(ctx, r.recordId, *r.patient),
                                patientSystem(ctx), r.recordId));
      } else {
        patientUrl = it->second;
      }
    }
    std::string appointmentUrl;
    if (r.appointment) {
      appointmentUrl = uuidFor(appointmentSystem(ctx), r.appointment->id);
      entries.push_back(entry(appointmentUrl, "Appointment", appointmentResource(ctx, r, patientUrl),
                              appointmentSystem(ctx), r.appointment->id));
    }
    const std::string encounterUrl = uuidFor(checkinSystem(ctx), r.recordId);
    entries.push_back(entry(encounterUrl, "Encounter", encounterResource(ctx, r, patientUrl, appointmentUrl),
                            checkinSystem(ctx), r.recordId));
  }
  const std::string batchId = ctx.odsCode + "-" + ctx.deviceId + "-" + std::to_string(ctx.seq);
  Json bundle{{"resourceType", "Bundle"},
              {"identifier", identifier(batchSystem(ctx), batchId)},
              {"type", "transaction"},
              {"timestamp", fhirDateTime(ctx.createdMs, ctx.utcOffsetMinutes)},
              {"entry", std::move(entries)}};
  return bundle.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace longstop::exporter
