// handlers/checkin_view: a check-in's sections as list lines, shared by the check-in post, the
// agenda and the recap.
#pragma once

#include <vector>

#include "handlers/document.hpp"
#include "storage/checkins.hpp"

namespace mentorbot {

// "Progress: …", "Challenges: …", …, "Energy: 4 of 5"; texts cut to `max_chars` when given.
std::vector<Line> checkin_lines(const CheckIn& checkin, std::size_t max_chars = 0);

}  // namespace mentorbot
