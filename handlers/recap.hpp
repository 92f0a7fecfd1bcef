// handlers/recap: closing a meeting and the recap it leaves in the pair's space (PRODUCT §6).
#pragma once

#include "handlers/context.hpp"
#include "storage/schedule.hpp"

namespace mentorbot {

// Closes the meeting as held (by hand or automatically), plans the schedule's next one and the
// drift check, and returns the recap. Its window is everything since the last meeting held.
Document close_meeting(Context& ctx, const Pair& pair, const Meeting& meeting, bool by_hand);

// The recap of a held meeting whose window opened at `since`.
Document meeting_recap(Context& ctx, const Pair& pair, const Meeting& meeting, Instant since);

}  // namespace mentorbot
