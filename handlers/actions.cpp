// handlers/actions: `action` — action items with an owner from the pair and a due date read in
// the caller's zone; list, close, reopen, move and edit them by their short number.
#include "handlers/action_view.hpp"
#include "handlers/pair_resolution.hpp"
#include "handlers/reminder_texts.hpp"
#include "handlers/user_input.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

Expected<ActionItem> item_numbered(Context& ctx, const Pair& pair, Args& args) {
    auto number = take_item_number(args, "action");
    if (!number) return number.error();
    auto item = ctx.store.actions.find(pair.id, *number);
    if (!item) return no_such_item("action", *number);
    return *item;
}

// One line to the pair's space about a change, with the item as it now is.
Post change_post(Context& ctx, const Pair& pair, const std::string& kind, const std::string& did,
                 const ActionItem& item) {
    Document d;
    d.paragraph(Line{ctx.mention_of(ctx.caller.id), text(" " + did + ":")});
    d.bullets({item_line(ctx, item, ctx.today())});
    return Post{pair.id, std::nullopt, kind, std::move(d), {}};
}

Outcome add(Context& ctx, const PairAccess& access, Args& args) {
    if (auto no = refuse_unless_member(access, "add action items")) return *no;
    const Pair& pair = access.pair;
    PersonId owner = ctx.caller.id;
    if (auto named = args.take_mention()) {
        const Person person = ctx.person_from(*named);
        if (!pair.has_member(person.id))
            return mistake("@" + person.display_name + " is not in this pair; the owner is @" +
                           ctx.name_of(pair.mentor) + " or @" + ctx.name_of(pair.mentee));
        owner = person.id;
    }
    std::optional<Day> due;
    if (auto when = args.take_trailing_date("due", ctx.today())) {
        if (!*when) return when->error();
        if (auto passed = refuse_past(when->value(), ctx.today(), "the due date")) return *passed;
        due = when->value();
    }
    const std::string typed = args.rest_text();
    if (auto bad = refuse_text("the action", typed)) return *bad;
    const ActionItem item =
        ctx.store.actions.add(pair.id, owner, typed, due, ctx.caller.id, ctx.now);
    remind_of_new_action(ctx, pair, item);

    Reply reply;
    reply.answer.paragraph("Added action " + item_label(item.number) + ". Close it with " +
                           ctx.command_text("action done " + std::to_string(item.number)) + ".");
    reply.posts.push_back(change_post(ctx, pair, "action.added", "added an action item", item));
    return reply;
}

Document action_counts(const std::vector<ActionItem>& items, Day today) {
    int open = 0, late = 0, done = 0;
    for (const ActionItem& a : items) {
        open += a.status == ActionStatus::open;
        late += overdue(a, today);
        done += a.status == ActionStatus::done;
    }
    Document d;
    d.paragraph("Action items: " + std::to_string(open) + " open (" + std::to_string(late) +
                " overdue), " + std::to_string(done) +
                " done. What they say is private to the pair.");
    return d;
}

Outcome list(Context& ctx, const PairAccess& access, Args& args) {
    enum class Filter { open, mine, overdue, done, all };
    Filter filter = Filter::open;
    std::string name = "open";
    if (auto word = args.next()) {
        static constexpr std::pair<std::string_view, Filter> kFilters[] = {
            {"open", Filter::open},
            {"mine", Filter::mine},
            {"overdue", Filter::overdue},
            {"done", Filter::done},
            {"all", Filter::all}};
        bool known = false;
        for (auto [n, f] : kFilters)
            if (word->is_word(n)) known = true, filter = f, name = n;
        if (!known || !args.empty())
            return mistake("list open, mine, overdue, done or all (open when left out)");
    }
    const Day today = ctx.today();
    const auto items = ctx.store.actions.of_pair(access.pair.id);
    if (!access.sees_content) return Reply{action_counts(items, today), {}};

    std::vector<Line> lines;
    for (const ActionItem& a : items) {
        const bool open = a.status == ActionStatus::open;
        const bool shown = filter == Filter::all || (filter == Filter::open && open) ||
                           (filter == Filter::mine && open && a.owner == ctx.caller.id) ||
                           (filter == Filter::overdue && overdue(a, today)) ||
                           (filter == Filter::done && a.status == ActionStatus::done);
        if (shown) lines.push_back(item_line(ctx, a, today));
    }
    Reply reply;
    reply.answer.heading("Action items, " + name + " (" + std::to_string(lines.size()) + ")");
    if (lines.empty())
        reply.answer.paragraph(Line{text("None. Add one with "),
                                    code(ctx.command_text("action add [@owner] <text> due <date>")),
                                    text(".")});
    reply.answer.bullets(std::move(lines));
    return reply;
}

Outcome set_status(Context& ctx, const PairAccess& access, Args& args, ActionStatus status) {
    if (auto no = refuse_unless_member(access, "change action items")) return *no;
    auto item = item_numbered(ctx, access.pair, args);
    if (!item) return item.error();
    if (!args.empty()) return mistake("give only the action's number");
    const std::string word = status == ActionStatus::done      ? "done"
                             : status == ActionStatus::dropped ? "dropped"
                                                               : "open";
    Reply reply;
    if (item->status == status) {
        reply.answer.paragraph("Action " + item_label(item->number) + " is already " + word + ".");
        return reply;
    }
    ctx.store.actions.set_status(access.pair.id, item->number, status, ctx.now);
    remind_of_action(ctx, access.pair, item->number);
    const ActionItem now = *ctx.store.actions.find(access.pair.id, item->number);
    const std::string did = status == ActionStatus::done      ? "completed an action item ✓"
                            : status == ActionStatus::dropped ? "dropped an action item"
                                                              : "reopened an action item";
    reply.answer.paragraph("Action " + item_label(item->number) + " is " + word + ".");
    reply.posts.push_back(change_post(ctx, access.pair, "action." + word, did, now));
    return reply;
}

Outcome move(Context& ctx, const PairAccess& access, Args& args) {
    if (auto no = refuse_unless_member(access, "change action items")) return *no;
    auto item = item_numbered(ctx, access.pair, args);
    if (!item) return item.error();
    std::optional<Day> due;
    if (!(args.size() == 1 && args.take_word("none"))) {
        auto day = take_date(args, ctx.today(), "the due date");
        if (!day) return day.error();
        due = *day;
    }
    ctx.store.actions.set_due(access.pair.id, item->number, due);
    remind_of_action(ctx, access.pair, item->number);
    const ActionItem now = *ctx.store.actions.find(access.pair.id, item->number);
    Reply reply;
    reply.answer.paragraph("Action " + item_label(item->number) +
                           (due ? " is now due " + format_date(*due) : " has no due date now") +
                           ".");
    reply.posts.push_back(change_post(
        ctx, access.pair, "action.due",
        due ? "moved the due date of an action item" : "removed the due date of an action item",
        now));
    return reply;
}

Outcome edit(Context& ctx, const PairAccess& access, Args& args) {
    if (auto no = refuse_unless_member(access, "change action items")) return *no;
    auto item = item_numbered(ctx, access.pair, args);
    if (!item) return item.error();
    const std::string typed = args.rest_text();
    if (auto bad = refuse_text("the action", typed)) return *bad;
    ctx.store.actions.set_text(access.pair.id, item->number, typed);
    const ActionItem now = *ctx.store.actions.find(access.pair.id, item->number);
    Reply reply;
    reply.answer.paragraph("Action " + item_label(item->number) + " now reads as you wrote it.");
    reply.posts.push_back(
        change_post(ctx, access.pair, "action.edited", "edited an action item", now));
    return reply;
}

}  // namespace

Outcome handle_action(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (args.empty() || args.take_word("list")) return list(ctx, *access, args);
    if (args.take_word("add")) return add(ctx, *access, args);
    if (args.take_word("done")) return set_status(ctx, *access, args, ActionStatus::done);
    if (args.take_word("reopen")) return set_status(ctx, *access, args, ActionStatus::open);
    if (args.take_word("drop")) return set_status(ctx, *access, args, ActionStatus::dropped);
    if (args.take_word("due")) return move(ctx, *access, args);
    if (args.take_word("edit")) return edit(ctx, *access, args);
    return mistake("\"" + excerpt(args.peek()->text, 20) +
                   "\" is not something action does; use add, list, done, reopen, drop, due or "
                   "edit");
}

}  // namespace mentorbot
