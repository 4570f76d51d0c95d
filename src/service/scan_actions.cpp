#include "service/scan_actions.h"

#include "core/ids.h"
#include "crypto/primitives.h"
#include "service/site.h"

namespace longstop::service {
namespace {

constexpr const char* kNotRecognised = "This code isn't one we recognise — please see reception.";
constexpr size_t kMaxRemembered = 64;

std::string messageFor(core::PayloadKind kind) {
  switch (kind) {
    case core::PayloadKind::kTicket:
      return "This is a Longstop ticket.";
    case core::PayloadKind::kAppointment:
      return "This is an appointment code.";
    case core::PayloadKind::kStaffCard:
      return "Staff card read: please enter your PIN.";
    case core::PayloadKind::kBatchAck:
      return "This acknowledges that a batch of check-ins was received.";
    case core::PayloadKind::kBatchFrame:
      return "This is part of a batch transfer; it is read by the receiving computer, not here.";
    case core::PayloadKind::kNhsNumber:
      return "NHS number read.";
    case core::PayloadKind::kUnknown:
      break;
  }
  return kNotRecognised;
}

std::string damagedMessage(core::PayloadKind kind) {
  switch (kind) {
    case core::PayloadKind::kTicket:
      return "This ticket can't be read — please see reception.";
    case core::PayloadKind::kAppointment:
      return "This appointment code can't be read — please see reception.";
    case core::PayloadKind::kStaffCard:
      return "This staff card can't be read; please type the card code instead.";
    case core::PayloadKind::kNhsNumber:
      return "This NHS number isn't valid — please check it or see reception.";
    default:
      break;
  }
  return kNotRecognised;
}

ScanOutcome invalid(core::PayloadKind kind, std::optional<core::Payload> payload, std::string message) {
  return {kind, ScanValidity::kInvalid, std::move(payload), std::move(message)};
}

}  // namespace

std::string_view scanValidityName(ScanValidity v) {
  switch (v) {
    case ScanValidity::kValid:
      return "valid";
    case ScanValidity::kInvalid:
      return "invalid";
    case ScanValidity::kNotChecked:
      break;
  }
  return "not checked";
}

ScanOutcome classifyScanUnchecked(std::string_view text) {
  const core::PayloadKind claimed = core::claimedPayloadKind(text);
  core::Result<core::Payload> p = core::parsePayload(text);
  if (!p) return invalid(claimed, std::nullopt, damagedMessage(claimed));
  const core::PayloadKind kind = p->kind;
  // An NHS number's only check is its check digit, which parsing has done.
  const ScanValidity v =
      kind == core::PayloadKind::kNhsNumber ? ScanValidity::kValid : ScanValidity::kNotChecked;
  return {kind, v, std::move(*p), messageFor(kind)};
}

ScanOutcome classifyScan(const Site& site, std::string_view text) {
  ScanOutcome out = classifyScanUnchecked(text);
  if (!out.payload) return out;
  const core::PayloadFields& f = out.payload->fields;
  const bool needsKeys =
      std::holds_alternative<core::TicketCode>(f) || std::holds_alternative<core::AppointmentCode>(f);
  if (needsKeys && !site.unlocked())
    return invalid(out.kind, out.payload, "This kiosk has not been started yet — please see reception.");
  out.validity = ScanValidity::kValid;
  if (const auto* t = std::get_if<core::TicketCode>(&f)) {
    if (!crypto::equalConstantTime(site.ticketMac(t->recordId), t->mac))
      return invalid(out.kind, out.payload, "This ticket wasn't issued here — please see reception.");
  } else if (const auto* a = std::get_if<core::AppointmentCode>(&f)) {
    if (a->odsCode != site.info().odsCode)
      return invalid(out.kind, out.payload,
                     "This appointment code is for another practice — please see reception.");
    if (!crypto::equalConstantTime(site.appointmentCodeMac(a->appointmentId), a->mac))
      return invalid(out.kind, out.payload, "This appointment code can't be checked — please see reception.");
  } else if (const auto* k = std::get_if<core::BatchAckCode>(&f)) {
    if (k->odsCode != site.info().odsCode || k->deviceId != site.info().deviceId)
      return invalid(out.kind, out.payload, "This acknowledgement is for another kiosk.");
  }
  return out;
}

bool ScanDebouncer::accept(std::string_view text) {
  const int64_t now = clock_.now().unixMs;
  auto it = lastSeen_.find(text);
  const bool fresh = it == lastSeen_.end() || now - it->second >= windowMs_ || now < it->second;
  if (it == lastSeen_.end()) {
    if (lastSeen_.size() >= kMaxRemembered) {  // forget what is out of its window; bounded memory
      std::erase_if(lastSeen_, [&](const auto& e) { return now - e.second >= windowMs_; });
      if (lastSeen_.size() >= kMaxRemembered) lastSeen_.clear();
    }
    lastSeen_.emplace(std::string(text), now);
  } else {
    it->second = now;
  }
  return fresh;
}

}  // namespace longstop::service
