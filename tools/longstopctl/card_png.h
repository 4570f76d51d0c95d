// A printable staff card as a PNG: the QR code of the card, the name, the role, and the code as text.
#pragma once

#include <string>

#include "core/result.h"

namespace longstop::ctl {

struct CardFace {
  std::string name;
  std::string role;
  std::string cardText;  // LSS1:<staff-id>:<secret>
};

/// Writes a 1012×638 PNG (a credit card at 300 dpi). The font comes from fonts-dejavu-core.
core::Status writeCardPng(const std::string& path, const CardFace& face);

}  // namespace longstop::ctl
