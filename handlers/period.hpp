// handlers/period: where the pair's current period begins — what "before the same meeting" means
// for check-ins, and where a recap's window opens: the end of the last meeting held (or the
// pair's start).
#pragma once

#include "handlers/context.hpp"

namespace mentorbot {

Instant current_period_start(Context& ctx, const Pair& pair);

}  // namespace mentorbot
