// handlers/verb_handlers: the handler of each verb that is built (one file each in handlers/).
#pragma once

#include "handlers/args.hpp"
#include "handlers/context.hpp"

namespace mentorbot {

Outcome handle_help(Context& ctx, Args& args);
Outcome handle_pair(Context& ctx, Args& args);
Outcome handle_pairs(Context& ctx, Args& args);
Outcome handle_end(Context& ctx, Args& args);
Outcome handle_tz(Context& ctx, Args& args);
Outcome handle_agreement(Context& ctx, Args& args);
Outcome handle_goal(Context& ctx, Args& args);
Outcome handle_checkin(Context& ctx, Args& args);
Outcome handle_action(Context& ctx, Args& args);
Outcome handle_note(Context& ctx, Args& args);
Outcome handle_feedback(Context& ctx, Args& args);
Outcome handle_unstuck(Context& ctx, Args& args);
Outcome handle_graduate(Context& ctx, Args& args);
Outcome handle_wrapup(Context& ctx, Args& args);
Outcome handle_schedule(Context& ctx, Args& args);
Outcome handle_meeting(Context& ctx, Args& args);
Outcome handle_pause(Context& ctx, Args& args);
Outcome handle_resume(Context& ctx, Args& args);
Outcome handle_snooze(Context& ctx, Args& args);
Outcome handle_health(Context& ctx, Args& args);
Outcome handle_program(Context& ctx, Args& args);
Outcome handle_retro(Context& ctx, Args& args);
Outcome handle_calendar(Context& ctx, Args& args);
Outcome handle_export(Context& ctx, Args& args);

}  // namespace mentorbot
