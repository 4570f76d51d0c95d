// "Do you have an appointment today?": Yes / No, I'm a walk-in / I have a code to scan.
#pragma once

namespace longstop::ui {

enum class HasAppointmentIntent { kNone, kBack, kStartAgain, kYes, kWalkIn, kScan };

HasAppointmentIntent drawHasAppointment();

}  // namespace longstop::ui
