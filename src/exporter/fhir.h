// The FHIR R4 transaction Bundle of a batch: a Patient per person, an Appointment (status arrived) per
// matched appointment, an Encounter per check-in. Every entry is a conditional create
// (request.ifNoneExist on its business identifier), so posting the same Bundle twice creates nothing twice.
#pragma once

#include <string>
#include <vector>

#include "exporter/records.h"

namespace longstop::exporter {

/// The Bundle as JSON text (UTF-8), one member a line, indented by one space a level, ending in a newline.
std::string fhirBundle(const BatchContext& ctx, const std::vector<BatchRecord>& records);

/// Encounter.status for a check-in state: waiting/called/parked -> arrived, seen -> finished,
/// no-show/left/cancelled -> cancelled.
std::string encounterStatus(std::string_view checkinState);

inline constexpr const char* kNhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
inline constexpr const char* kNhsVerificationExtension =
    "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
inline constexpr const char* kNhsVerificationSystem =
    "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";

}  // namespace longstop::exporter
