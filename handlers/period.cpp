// handlers/period: where the pair's current period begins — what "before the same meeting" means
// for check-ins.
#include "handlers/period.hpp"

namespace mentorbot {

Instant current_period_start(Context&, const Pair& pair) {
    return pair.created_at;
}

}  // namespace mentorbot
