// handlers/period: where the pair's current period begins — what "before the same meeting" means
// for check-ins, and where a recap's window opens: the end of the last meeting held.
#include "handlers/period.hpp"

namespace mentorbot {

Instant current_period_start(Context& ctx, const Pair& pair) {
    if (auto last = ctx.store.meetings.last_closed(pair.id); last && last->closed_at)
        return *last->closed_at;
    return pair.created_at;
}

}  // namespace mentorbot
