// handlers/action_view: how an action item reads wherever it is shown (answers, posts, home).
#pragma once

#include "handlers/context.hpp"

namespace mentorbot {

// Open, with a due date before `today`.
bool overdue(const ActionItem& a, Day today);
// "#3 draft the RFC — @sam, due Fri 6 Nov 2026 (overdue)"
Line item_line(const Context& ctx, const ActionItem& a, Day today);

}  // namespace mentorbot
