// handlers/period: where the pair's current period begins — what "before the same meeting" means
// for check-ins. Until meetings exist it is the whole life of the pair; the meetings issue makes
// it the end of the last meeting.
#pragma once

#include "handlers/context.hpp"

namespace mentorbot {

Instant current_period_start(Context& ctx, const Pair& pair);

}  // namespace mentorbot
