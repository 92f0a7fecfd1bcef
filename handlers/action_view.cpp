// handlers/action_view: how an action item reads wherever it is shown (answers, posts, home).
#include "handlers/action_view.hpp"

#include "handlers/user_input.hpp"
#include "handlers/when.hpp"

namespace mentorbot {

bool overdue(const ActionItem& a, Day today) {
    return a.status == ActionStatus::open && a.due && *a.due < today;
}

Line item_line(const Context& ctx, const ActionItem& a, Day today) {
    Line line{strong(item_label(a.number) + " "), text(a.text), text(" — "),
              ctx.mention_of(a.owner)};
    if (a.status == ActionStatus::open) {
        if (a.due) line.push_back(text(", due " + format_date(*a.due)));
        if (overdue(a, today)) line.push_back(strong(" (overdue)"));
    } else {
        line.push_back(text(std::string(a.status == ActionStatus::done ? ", done " : ", dropped ") +
                            format_date(local_day(*a.closed_at, ctx.zone()))));
    }
    return line;
}

}  // namespace mentorbot
