// handlers/health: how a pair's relationship is doing over the last 90 days (PRODUCT §7).
#include "handlers/health.hpp"

#include <algorithm>

#include "handlers/agreement_terms.hpp"
#include "handlers/meeting_plan.hpp"
#include "handlers/pair_resolution.hpp"
#include "handlers/recurrence.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

bool paused_skip(const Meeting& m) {
    return m.reason && *m.reason == "paused";
}

}  // namespace

Health assess_health(Context& ctx, const Pair& pair) {
    Store& store = ctx.store;
    Health h;
    const Instant window_start = std::max(pair.created_at, ctx.now - kHealthWindow);
    const auto meetings = store.meetings.since(pair.id, window_start);
    std::vector<const Meeting*> closed;  // held, skipped or cancelled, by start
    for (const Meeting& m : meetings) {
        if (m.starts_at > ctx.now) continue;
        if (m.status == MeetingStatus::held) ++h.meetings_held;
        if (m.status == MeetingStatus::skipped && !paused_skip(m)) ++h.skipped;
        if (m.status == MeetingStatus::cancelled) ++h.cancelled;
        if (m.status != MeetingStatus::planned && m.status != MeetingStatus::open &&
            !paused_skip(m))
            closed.push_back(&m);
    }
    if (const auto rule = store.schedules.find(pair.id)) {
        Instant t = std::max(window_start, rule->set_at);
        for (int guard = 0; guard < 200; ++guard) {
            auto next = next_occurrence(*rule, t);
            if (!next || *next > ctx.now) break;
            if (!paused_at(store, pair.id, *next)) ++h.meetings_planned;
            t = *next;
        }
    }
    if (auto last = store.meetings.last_closed(pair.id); last && last->closed_at)
        h.days_since_meeting =
            static_cast<int>(std::chrono::floor<date::days>(ctx.now - *last->closed_at).count());

    // A held meeting "had a check-in" when one came after the previous meeting closed.
    std::vector<CheckIn> checkins;
    for (CheckIn& c : store.checkins.history(pair.id))
        if (!c.replaced) checkins.push_back(std::move(c));
    Instant previous = pair.created_at;
    for (const Meeting& m : store.meetings.since(pair.id, pair.created_at)) {
        if (m.status != MeetingStatus::held || !m.closed_at) continue;
        const bool had = std::any_of(checkins.begin(), checkins.end(), [&](const CheckIn& c) {
            return c.at > previous && c.at <= *m.closed_at;
        });
        if (m.starts_at >= window_start && had) ++h.meetings_with_checkin;
        previous = *m.closed_at;
    }

    std::vector<double> days_to_done;
    for (const ActionItem& a : store.actions.of_pair(pair.id)) {
        const date::local_days today = local_day(ctx.now, ctx.zone_of(ctx.person(a.owner)));
        if (a.status == ActionStatus::open) {
            ++h.actions_open;
            if (a.due && *a.due < today) ++h.actions_overdue;
        } else if (a.status == ActionStatus::done && a.closed_at && *a.closed_at >= window_start) {
            ++h.actions_done;
            days_to_done.push_back(
                std::chrono::duration<double, std::ratio<86400>>(*a.closed_at - a.created_at)
                    .count());
        }
    }
    if (!days_to_done.empty()) {
        std::sort(days_to_done.begin(), days_to_done.end());
        const std::size_t n = days_to_done.size();
        h.median_days_to_done =
            n % 2 ? days_to_done[n / 2] : (days_to_done[n / 2 - 1] + days_to_done[n / 2]) / 2;
    }
    const date::local_days today = ctx.today();
    for (const Goal& g : store.goals.of_pair(pair.id)) {
        if (g.status == GoalStatus::active) {
            ++h.goals_active;
            if (g.target && *g.target < today) ++h.goals_past_target;
        }
        if (g.status == GoalStatus::done) ++h.goals_done;
    }
    const AgreementTerms terms = load_agreement(store, pair);
    h.agreement_signed = terms.version() > 0 && terms.signed_by_both(pair, terms.version());
    h.review_date = terms.value("review");
    if (h.review_date) {
        auto t = tokenize(*h.review_date);
        if (t)
            if (auto d = parse_date(t.value(), today)) h.review_overdue = d->day < today;
    }

    // The flags, each with one suggestion.
    int recent_dropped = 0;
    const std::size_t from = closed.size() > 6 ? closed.size() - 6 : 0;
    for (std::size_t i = from; i < closed.size(); ++i)
        if (closed[i]->status != MeetingStatus::held) ++recent_dropped;
    if (recent_dropped >= 3)
        h.flags.push_back({"cancel-heavy", std::to_string(recent_dropped) + " of the last " +
                                               std::to_string(closed.size() - from) +
                                               " meetings were skipped or cancelled: pick a time "
                                               "that survives a busy week, even if shorter."});
    if (const auto rule = store.schedules.find(pair.id)) {
        const Instant last = h.days_since_meeting ? ctx.now - date::days{*h.days_since_meeting}
                                                  : std::max(pair.created_at, rule->set_at);
        if (ctx.now - last >= date::days{2 * cadence_days(*rule)} &&
            !paused_at(store, pair.id, ctx.now))
            h.flags.push_back(
                {"drifting",
                 "no meeting for twice your cadence: book a short catch-up this week."});
    }
    if (h.actions_open > 0 && h.actions_overdue * 2 > h.actions_open)
        h.flags.push_back({"follow-through",
                           "more than half of the open actions are overdue: close, re-date or drop "
                           "them together."});
    if (h.meetings_held > 0 && h.meetings_with_checkin * 2 < h.meetings_held)
        h.flags.push_back({"no prep",
                           "fewer than half of the meetings had a check-in: the mentee sends one "
                           "the day before."});
    if (!h.agreement_signed)
        h.flags.push_back({"unsigned agreement",
                           "the agreement is not signed by both: read it together and sign."});
    if (h.review_overdue)
        h.flags.push_back(
            {"review overdue",
             "the agreement's review date has passed: revisit it and set the next one."});
    return h;
}

Document health_document(Context& ctx, const Pair& pair, const Health& h) {
    Document d;
    d.heading("Health — last 90 days");
    d.paragraph(ctx.pair_line(pair));
    auto n = [](int v) { return std::to_string(v); };
    std::vector<Line> rows;
    rows.push_back(
        {strong("Meetings: "),
         text(n(h.meetings_held) + " held" +
              (h.meetings_planned ? " of " + n(h.meetings_planned) + " planned" : std::string()) +
              ", " + n(h.skipped) + " skipped, " + n(h.cancelled) + " cancelled")});
    rows.push_back(
        {strong("Last meeting: "),
         text(h.days_since_meeting ? n(*h.days_since_meeting) + " days ago" : "none yet")});
    rows.push_back({strong("Check-ins: "), text(n(h.meetings_with_checkin) + " of " +
                                                n(h.meetings_held) + " meetings had one")});
    std::string actions = n(h.actions_open) + " open, " + n(h.actions_overdue) + " overdue, " +
                          n(h.actions_done) + " done";
    const int finished = h.actions_done + h.actions_open;
    if (finished > 0) actions += " (" + n(h.actions_done * 100 / finished) + "% completed)";
    if (h.median_days_to_done) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", *h.median_days_to_done);
        actions += ", median " + std::string(buf) + " days to done";
    }
    rows.push_back({strong("Actions: "), text(actions)});
    rows.push_back(
        {strong("Goals: "), text(n(h.goals_active) + " active, " + n(h.goals_done) + " done, " +
                                 n(h.goals_past_target) + " past their target")});
    rows.push_back({strong("Agreement: "),
                    text(std::string(h.agreement_signed ? "signed" : "not signed by both") +
                         (h.review_date ? ", review " + *h.review_date : ", no review date"))});
    d.bullets(std::move(rows));
    if (h.flags.empty()) {
        d.paragraph("No flags: keep going.");
    } else {
        std::vector<Line> flags;
        for (const HealthFlag& f : h.flags)
            flags.push_back({strong(f.name), text(" — " + f.suggestion)});
        d.paragraph(Line{strong("Flags")}).bullets(std::move(flags));
    }
    return d;
}

Outcome handle_health(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (!args.empty())
        return mistake("\"health\" takes nothing more (add \"with @person\" to choose a pair)");
    if (!access->member && !ctx.coordinator)
        return mistake("only the pair's members or a coordinator can see its health");
    Reply reply;
    reply.answer = health_document(ctx, access->pair, assess_health(ctx, access->pair));
    return reply;
}

Outcome handle_program(Context& ctx, Args& args) {
    if (!ctx.coordinator) return mistake("\"program\" is for the program's coordinators");
    if (!args.empty()) return mistake("\"program\" takes nothing more");
    Reply reply;
    Document& d = reply.answer;
    const auto pairs = ctx.store.pairs.all(ctx.command.platform);
    d.heading("Program — " + std::to_string(pairs.size()) + " active pairs");
    std::vector<Line> items;
    std::size_t flagged = 0;
    for (const Pair& p : pairs) {
        const Health h = assess_health(ctx, p);
        Line line = ctx.pair_line(p);
        line.push_back(
            text(" — " + std::to_string(h.meetings_held) + " held" +
                 (h.meetings_planned ? "/" + std::to_string(h.meetings_planned) : std::string()) +
                 ", " + std::to_string(h.skipped + h.cancelled) + " skipped or cancelled, " +
                 std::to_string(h.actions_overdue) + " overdue"));
        std::string names;
        for (const HealthFlag& f : h.flags) names += (names.empty() ? "" : ", ") + f.name;
        if (!names.empty()) {
            ++flagged;
            line.push_back(strong(" ⚑ " + names));
        }
        items.push_back(std::move(line));
    }
    if (items.empty()) d.paragraph("No active pairs.");
    d.bullets(std::move(items));
    d.paragraph(std::to_string(flagged) + " of " + std::to_string(pairs.size()) +
                " pairs have flags. Numbers only: what pairs wrote stays theirs.");
    return reply;
}

}  // namespace mentorbot
