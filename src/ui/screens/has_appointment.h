// "Do you have an appointment today?": Yes / No, I'm a walk-in / I have a code to scan.
#pragma once

namespace longstop::ui {

enum class HasAppointmentIntent { kNone, kBack, kStartAgain, kYes, kWalkIn, kScan };

/// `offerScan`: a camera or a hand scanner is there to read a code; otherwise no "I have a code to scan".
HasAppointmentIntent drawHasAppointment(bool offerScan);

}  // namespace longstop::ui
