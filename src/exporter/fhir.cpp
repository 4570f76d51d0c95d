#include "exporter/fhir.h"

#include <map>

#include "crypto/primitives.h"
#include "exporter/json_writer.h"

namespace longstop::exporter {
namespace {

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

void identifier(JsonWriter& w, std::string_view system, std::string_view value) {
  w.beginObject().field("system", system).field("value", value).endObject();
}

// A one-element array of `identifier`s, as every resource but the Patient has.
void identifiers(JsonWriter& w, std::string_view system, std::string_view value) {
  w.key("identifier").beginArray();
  identifier(w, system, value);
  w.endArray();
}

// An entry's closing part, after its resource: the conditional create on the business identifier.
void request(JsonWriter& w, const char* type, std::string_view system, std::string_view value) {
  std::string condition = "identifier=";
  condition.append(system).append("|").append(value);
  w.key("request").beginObject().field("method", "POST").field("url", type);
  w.field("ifNoneExist", condition).endObject();
}

const char* gender(core::Sex s) {
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

void nhsIdentifier(JsonWriter& w, const core::PatientDetails& p) {
  const char* code = p.nhsNumberTraced ? "01" : "02";
  const char* display = p.nhsNumberTraced ? "Number present and verified" : "Number present but not traced";
  w.beginObject().field("system", kNhsNumberSystem).field("value", p.nhsNumber->digits);
  w.key("extension").beginArray().beginObject().field("url", kNhsVerificationExtension);
  w.key("valueCodeableConcept").beginObject().key("coding").beginArray();
  w.beginObject().field("system", kNhsVerificationSystem).field("code", code).field("display", display);
  w.endObject().endArray().endObject().endObject().endArray().endObject();
}

void patientResource(JsonWriter& w, const BatchContext& ctx, const std::string& value,
                     const core::PatientDetails& p) {
  w.beginObject().field("resourceType", "Patient").key("identifier").beginArray();
  identifier(w, patientSystem(ctx), value);
  if (p.nhsNumber) nhsIdentifier(w, p);
  w.endArray();
  w.key("name").beginArray().beginObject().field("use", "official").field("family", p.surname);
  bool anyGiven = false;
  std::string_view rest = p.forenames;
  while (!rest.empty()) {
    const size_t sp = rest.find(' ');
    if (sp != 0) {
      if (!anyGiven) w.key("given").beginArray();
      anyGiven = true;
      w.string(rest.substr(0, sp));
    }
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  if (anyGiven) w.endArray();
  w.endObject().endArray();
  w.field("gender", gender(p.sex)).field("birthDate", p.dateOfBirth.iso());
  if (!p.postcode.empty())
    w.key("address").beginArray().beginObject().field("postalCode", p.postcode).endObject().endArray();
  w.endObject();
}

void codeable(JsonWriter& w, const char* system, std::string_view code, std::string_view display) {
  w.beginObject().key("coding").beginArray();
  w.beginObject().field("system", system).field("code", code).field("display", display).endObject();
  w.endArray().field("text", display).endObject();
}

void participant(JsonWriter& w, const char* actorKey, std::string_view actor) {
  w.beginObject().key("actor").beginObject().field(actorKey, actor).endObject();
  w.field("required", "required").field("status", "accepted").endObject();
}

void appointmentResource(JsonWriter& w, const BatchContext& ctx, const BatchRecord& r,
                         const std::string& patientUrl) {
  const AppointmentInfo& a = *r.appointment;
  const std::string start = fhirLocalMinutes(a.startLocal, ctx.utcOffsetMinutes);
  w.beginObject().field("resourceType", "Appointment");
  identifiers(w, appointmentSystem(ctx), a.id);
  w.field("status", "arrived");
  if (!a.service.empty())
    w.key("serviceType").beginArray().beginObject().field("text", a.service).endObject().endArray();
  // The practice's list gives a start but no length: the end is the start (a zero-length slot).
  w.field("start", start).field("end", start).key("participant").beginArray();
  if (!patientUrl.empty()) participant(w, "reference", patientUrl);
  if (!a.clinician.empty()) participant(w, "display", a.clinician);
  if (patientUrl.empty() && a.clinician.empty()) {
    w.beginObject().key("type").beginArray().beginObject().field("text", "patient").endObject().endArray();
    w.field("status", "accepted").endObject();
  }
  w.endArray().endObject();
}

void encounterResource(JsonWriter& w, const BatchContext& ctx, const BatchRecord& r,
                       const std::string& patientUrl, const std::string& appointmentUrl) {
  const std::string status = encounterStatus(r.state);
  w.beginObject().field("resourceType", "Encounter");
  identifiers(w, checkinSystem(ctx), r.recordId);
  w.field("status", status).key("class").beginObject();
  w.field("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode").field("code", "AMB");
  w.field("display", "ambulatory").endObject();
  w.key("serviceType");
  codeable(w, "urn:longstop:queue", r.queueId, r.queueName.empty() ? r.queueId : r.queueName);
  w.key("priority");
  if (r.urgent)
    codeable(w, "http://terminology.hl7.org/CodeSystem/v3-ActPriority", "UR", "urgent");
  else
    codeable(w, "http://terminology.hl7.org/CodeSystem/v3-ActPriority", "R", "routine");
  if (!patientUrl.empty()) w.key("subject").beginObject().field("reference", patientUrl).endObject();
  if (!appointmentUrl.empty())
    w.key("appointment").beginArray().beginObject().field("reference", appointmentUrl).endObject().endArray();
  w.key("period").beginObject().field("start", fhirDateTime(r.arrivedMs, ctx.utcOffsetMinutes));
  if (status == "finished" || status == "cancelled")
    w.field("end", fhirDateTime(r.stateMs, ctx.utcOffsetMinutes));
  w.endObject().endObject();
}

}  // namespace

std::string encounterStatus(std::string_view s) {
  if (s == "seen") return "finished";
  if (s == "no-show" || s == "left" || s == "cancelled") return "cancelled";
  return "arrived";
}

std::string fhirBundle(const BatchContext& ctx, const std::vector<BatchRecord>& records) {
  // The identifier systems are the same for every record.
  const std::string patients = patientSystem(ctx), appointments = appointmentSystem(ctx),
                    checkins = checkinSystem(ctx);
  std::string out;
  out.reserve(1'800 * records.size() + 256);  // a record's entries come to about 1.8 kB
  JsonWriter w(out);
  const std::string batchId = ctx.odsCode + "-" + ctx.deviceId + "-" + std::to_string(ctx.seq);
  w.beginObject().field("resourceType", "Bundle").key("identifier");
  identifier(w, batchSystem(ctx), batchId);
  w.field("type", "transaction").field("timestamp", fhirDateTime(ctx.createdMs, ctx.utcOffsetMinutes));
  w.key("entry").beginArray();
  // A Patient per person: check-ins with exactly the same details share one, named by the first.
  std::map<std::string, std::string> patientUrls;  // serialized details -> fullUrl
  for (const BatchRecord& r : records) {
    std::string patientUrl;
    if (r.patient) {
      auto [it, isNew] = patientUrls.try_emplace(core::serializeDetails(*r.patient));
      if (isNew) {
        it->second = uuidFor(patients, r.recordId);
        w.beginObject().field("fullUrl", it->second).key("resource");
        patientResource(w, ctx, r.recordId, *r.patient);
        request(w, "Patient", patients, r.recordId);
        w.endObject();
      }
      patientUrl = it->second;
    }
    std::string appointmentUrl;
    if (r.appointment) {
      appointmentUrl = uuidFor(appointments, r.appointment->id);
      w.beginObject().field("fullUrl", appointmentUrl).key("resource");
      appointmentResource(w, ctx, r, patientUrl);
      request(w, "Appointment", appointments, r.appointment->id);
      w.endObject();
    }
    w.beginObject().field("fullUrl", uuidFor(checkins, r.recordId)).key("resource");
    encounterResource(w, ctx, r, patientUrl, appointmentUrl);
    request(w, "Encounter", checkins, r.recordId);
    w.endObject();
  }
  w.endArray().endObject();
  out += '\n';
  return out;
}

}  // namespace longstop::exporter
