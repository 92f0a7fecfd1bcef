// handlers/scheduling: `schedule`, `meeting`, `pause`, `resume` and `snooze` — the pair's cadence
// and the meetings and reminders that follow from it.
#include "handlers/agenda.hpp"
#include "handlers/meeting_plan.hpp"
#include "handlers/pair_resolution.hpp"
#include "handlers/recap.hpp"
#include "handlers/recurrence.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

constexpr int kDefaultMinutes = 60;
constexpr int kMaxMinutes = 8 * 60;
constexpr std::size_t kMaxReason = 500;

Expected<int> take_length(Args& args) {
    const Token* t = args.peek();
    if (!t) return kDefaultMinutes;
    auto d = parse_duration(t->text);
    if (!d || d->count() > kMaxMinutes)
        return mistake("I can't read the length \"" + excerpt(t->text, 20) +
                       "\" (try 30m, 45m, 1h or 90m; at most 8h)");
    args.next();
    return static_cast<int>(d->count());
}

struct LocalTime {
    date::local_days day;
    std::chrono::minutes time;
};

Expected<LocalTime> take_date_time(Context& ctx, Args& args) {
    auto day = parse_date(args.remaining(), ctx.today());
    if (!day) {
        const Token* t = args.peek();
        return mistake(t ? "I can't read the date \"" + excerpt(t->text, 20) +
                               "\" (try 2026-12-01, fri, tomorrow or in 3 days)"
                         : std::string("say the date and time"));
    }
    args.skip(day->used);
    const Token* t = args.peek();
    auto time = t ? parse_time_of_day(t->text) : std::nullopt;
    if (!time)
        return mistake(t ? "I can't read the time \"" + excerpt(t->text, 20) +
                               "\" (try 15:00 or 3pm)"
                         : std::string("say the time too, e.g. 15:00"));
    args.next();
    return LocalTime{day->day, *time};
}

std::string reason_of(Args& args) {
    return args.rest_text();
}

Post space_post(const Pair& pair, const char* kind, Document d) {
    return Post{pair.id, std::nullopt, kind, std::move(d), {}};
}

Outcome show_schedule(Context& ctx, const PairAccess& access) {
    Reply reply;
    Document& d = reply.answer;
    const auto rule = ctx.store.schedules.find(access.pair.id);
    const auto next = ctx.store.meetings.current_or_next(access.pair.id);
    if (!rule && !next) {
        d.paragraph(Line{text("No meetings are planned. Set a rhythm with "),
                         code(ctx.command_text("schedule weekly tue 15:00")), text(".")});
        return reply;
    }
    if (rule) d.paragraph(Line{strong("Schedule: "), text(describe(*rule))});
    std::vector<Line> upcoming;
    std::vector<Instant> times;
    if (next) times.push_back(next->starts_at);
    if (rule)
        for (Instant t : next_occurrences(*rule, next ? next->starts_at : ctx.now, 3))
            if (!paused_at(ctx.store, access.pair.id, t)) times.push_back(t);
    times.resize(std::min<std::size_t>(times.size(), 3));
    for (Instant t : times) upcoming.push_back({text(format_local(t, ctx.zone()))});
    d.paragraph("Next meetings (your time):").bullets(std::move(upcoming));
    if (auto pause = ctx.store.schedules.pause_of(access.pair.id))
        d.paragraph("Paused until " + format_date(date::local_days{date::days{pause->until_day}}) +
                    ".");
    return reply;
}

Outcome set_schedule(Context& ctx, const PairAccess& access, Args& args, Recurrence kind) {
    if (auto no = refuse_unless_member(access, "change the schedule")) return *no;
    ScheduleRule rule;
    rule.pair = access.pair.id;
    rule.rule = kind;
    if (kind == Recurrence::monthly) {
        const Token* t = args.peek();
        static const char* const ordinals[] = {"1st", "2nd", "3rd", "4th"};
        rule.nth = 0;
        for (int i = 0; i < 4 && t; ++i)
            if (t->is_word(ordinals[i])) rule.nth = i + 1;
        if (t && t->is_word("last")) rule.nth = -1;
        if (rule.nth == 0)
            return mistake("say which week of the month: 1st, 2nd, 3rd, 4th or last");
        args.next();
    }
    const Token* day = args.peek();
    const auto weekday = day ? parse_weekday(day->text) : std::nullopt;
    if (!weekday)
        return mistake(day ? "I can't read the weekday \"" + excerpt(day->text, 20) +
                                 "\" (mon … sun)"
                           : std::string("say the weekday and the time"));
    args.next();
    const Token* at = args.peek();
    const auto time = at ? parse_time_of_day(at->text) : std::nullopt;
    if (!time)
        return mistake(at ? "I can't read the time \"" + excerpt(at->text, 20) +
                                "\" (try 15:00 or 3pm)"
                          : std::string("say the time too, e.g. 15:00"));
    args.next();
    auto length = take_length(args);
    if (!length) return length.error();
    if (!args.empty())
        return mistake("unexpected \"" + excerpt(args.peek()->text, 20) + "\" after the length");

    rule.weekday = static_cast<int>(weekday->c_encoding());
    rule.local_minutes = static_cast<int>(time->count());
    rule.duration_minutes = *length;
    rule.zone = ctx.zone()->name();
    rule.set_by = ctx.caller.id;
    rule.set_at = ctx.now;
    // Biweekly meetings count their weeks from the first such weekday.
    ScheduleRule every_week = rule;
    every_week.rule = Recurrence::weekly;
    if (auto first = next_occurrence(every_week, ctx.now))
        rule.anchor_day = local_day(*first, ctx.zone()).time_since_epoch().count();
    ctx.store.schedules.save(rule);
    const auto next = replan_schedule(ctx.store, access.pair, ctx.now);
    remind_of_drift(ctx.store, access.pair, ctx.now, ctx.now);

    Reply reply;
    reply.answer.paragraph("Schedule saved: " + describe(rule) + ".");
    Document post;
    post.paragraph(
        Line{ctx.mention_of(ctx.caller.id), text(" set your meetings: " + describe(rule) + ".")});
    if (next) {
        Line line{strong("First meeting: ")};
        for (auto& s : when_for_both(ctx, access.pair, next->starts_at))
            line.push_back(std::move(s));
        post.paragraph(std::move(line));
    }
    reply.posts.push_back(space_post(access.pair, "schedule", std::move(post)));
    return reply;
}

Outcome meeting_at(Context& ctx, const PairAccess& access, Args& args) {
    if (auto no = refuse_unless_member(access, "plan meetings")) return *no;
    auto when = take_date_time(ctx, args);
    if (!when) return when.error();
    auto length = take_length(args);
    if (!length) return length.error();
    if (!args.empty())
        return mistake("unexpected \"" + excerpt(args.peek()->text, 20) + "\" after the length");
    const Instant at = to_instant(date::local_seconds{when->day} + when->time, ctx.zone());
    if (at <= ctx.now) return mistake("that time has passed; plan a meeting in the future");
    const Meeting m = ctx.store.meetings.add(access.pair.id, at, *length, false);
    remind_for_meeting(ctx.store, access.pair, m, ctx.now);
    Reply reply;
    reply.answer.paragraph("Meeting #" + std::to_string(m.number) + " planned for " +
                           format_local(at, ctx.zone()) + ".");
    Document post;
    Line line{
        ctx.mention_of(ctx.caller.id),
        text(" planned a meeting (" + format_duration(std::chrono::minutes{*length}) + "): ")};
    for (auto& s : when_for_both(ctx, access.pair, at)) line.push_back(std::move(s));
    post.paragraph(std::move(line));
    reply.posts.push_back(space_post(access.pair, "meeting.planned", std::move(post)));
    return reply;
}

Expected<Meeting> next_meeting(Context& ctx, const PairAccess& access) {
    if (auto m = ctx.store.meetings.current_or_next(access.pair.id)) return *m;
    return mistake("no meeting is planned; plan one with " +
                   ctx.command_text("meeting at <date> <time>") + " or " +
                   ctx.command_text("schedule weekly <weekday> <time>"));
}

Outcome meeting_next(Context& ctx, const PairAccess& access) {
    auto m = next_meeting(ctx, access);
    if (!m) return m.error();
    Reply reply;
    if (!access.sees_content) {
        reply.answer.paragraph("Next meeting: " + format_local(m->starts_at, ctx.zone()) + ".");
        return reply;
    }
    reply.answer = agenda_preview(ctx, access.pair, *m);
    reply.answer.blocks.front().lines = {
        {text(m->status == MeetingStatus::open ? "The meeting is on now" : "Next meeting")}};
    return reply;
}

Outcome meeting_start(Context& ctx, const PairAccess& access) {
    if (auto no = refuse_unless_member(access, "start a meeting")) return *no;
    if (auto open = ctx.store.meetings.open_one(access.pair.id))
        return mistake("meeting #" + std::to_string(open->number) +
                       " is already open; close it with " + ctx.command_text("meeting end"));
    auto m = ctx.store.meetings.current_or_next(access.pair.id);
    // Starting early is fine on the day; otherwise this is an extra meeting of its own.
    if (!m || local_day(m->starts_at, ctx.zone()) != ctx.today())
        m = ctx.store.meetings.add(access.pair.id, ctx.now, kDefaultMinutes, false);
    forget_reminders(ctx.store, *m, "the meeting was started by hand", ctx.now);
    ctx.store.meetings.open(m->id, ctx.now);
    // It still closes itself if nobody ends it.
    Reminder recap;
    recap.pair = access.pair.id;
    recap.kind = "recap";
    recap.meeting = m->id;
    recap.due_at =
        std::max(m->ends_at(), ctx.now + std::chrono::minutes{m->duration_minutes}) + kRecapGrace;
    ctx.store.reminders.add(recap);
    Reply reply;
    reply.answer.paragraph("Meeting #" + std::to_string(m->number) +
                           " is open; the agenda is in your pair's space.");
    reply.posts.push_back(
        space_post(access.pair, "meeting.start",
                   meeting_agenda(ctx, access.pair, *ctx.store.meetings.find(m->id))));
    return reply;
}

Outcome meeting_end(Context& ctx, const PairAccess& access) {
    if (auto no = refuse_unless_member(access, "end a meeting")) return *no;
    auto m = ctx.store.meetings.open_one(access.pair.id);
    if (!m) {
        auto next = ctx.store.meetings.current_or_next(access.pair.id);
        if (next && next->starts_at <= ctx.now) m = next;  // it began on time without a start
    }
    if (!m)
        return mistake("no meeting is open; start one with " + ctx.command_text("meeting start"));
    Reply reply;
    reply.answer.paragraph("Meeting #" + std::to_string(m->number) +
                           " closed; the recap is in your pair's space.");
    reply.posts.push_back(
        space_post(access.pair, "recap", close_meeting(ctx, access.pair, *m, true)));
    return reply;
}

Outcome meeting_drop(Context& ctx, const PairAccess& access, Args& args, MeetingStatus status) {
    const bool skip = status == MeetingStatus::skipped;
    if (auto no = refuse_unless_member(access, skip ? "skip a meeting" : "cancel a meeting"))
        return *no;
    auto m = next_meeting(ctx, access);
    if (!m) return m.error();
    if (m->status == MeetingStatus::open)
        return mistake("meeting #" + std::to_string(m->number) + " is under way; close it with " +
                       ctx.command_text("meeting end"));
    const std::string reason = reason_of(args);
    if (reason.size() > kMaxReason) return mistake("keep the reason under 500 characters");
    ctx.store.meetings.close(m->id, status, ctx.now, true,
                             reason.empty() ? std::nullopt : std::optional<std::string>(reason));
    forget_reminders(ctx.store, *m, skip ? "the meeting was skipped" : "the meeting was cancelled",
                     ctx.now);
    const auto next = plan_next_meeting(ctx.store, access.pair, m->starts_at, ctx.now);
    Reply reply;
    const std::string word = skip ? "skipped" : "cancelled";
    reply.answer.paragraph("Meeting #" + std::to_string(m->number) + " " + word + ".");
    Document post;
    post.paragraph(
        Line{ctx.mention_of(ctx.caller.id),
             text(" " + word + " the meeting of " + format_local(m->starts_at, ctx.zone()) + ".")});
    if (!reason.empty()) post.quote(reason);
    if (next) {
        Line line{strong("Next meeting: ")};
        for (auto& s : when_for_both(ctx, access.pair, next->starts_at))
            line.push_back(std::move(s));
        post.paragraph(std::move(line));
    }
    reply.posts.push_back(
        space_post(access.pair, skip ? "meeting.skipped" : "meeting.cancelled", std::move(post)));
    return reply;
}

Outcome meeting_move(Context& ctx, const PairAccess& access, Args& args) {
    if (auto no = refuse_unless_member(access, "move a meeting")) return *no;
    auto m = next_meeting(ctx, access);
    if (!m) return m.error();
    if (m->status == MeetingStatus::open)
        return mistake("the meeting is under way; it cannot move now");
    auto when = take_date_time(ctx, args);
    if (!when) return when.error();
    if (!args.empty())
        return mistake("unexpected \"" + excerpt(args.peek()->text, 20) + "\" after the time");
    const Instant at = to_instant(date::local_seconds{when->day} + when->time, ctx.zone());
    if (at <= ctx.now) return mistake("that time has passed; move the meeting to the future");
    forget_reminders(ctx.store, *m, "the meeting moved", ctx.now);
    ctx.store.meetings.move(m->id, at);
    const Meeting moved = *ctx.store.meetings.find(m->id);
    remind_for_meeting(ctx.store, access.pair, moved, ctx.now);
    Reply reply;
    reply.answer.paragraph("Meeting #" + std::to_string(m->number) + " moved to " +
                           format_local(at, ctx.zone()) + ".");
    Document post;
    Line line{ctx.mention_of(ctx.caller.id), text(" moved the next meeting to ")};
    for (auto& s : when_for_both(ctx, access.pair, at)) line.push_back(std::move(s));
    post.paragraph(std::move(line));
    reply.posts.push_back(space_post(access.pair, "meeting.moved", std::move(post)));
    return reply;
}

}  // namespace

Outcome handle_schedule(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (args.empty()) return show_schedule(ctx, *access);
    if (args.take_word("weekly")) return set_schedule(ctx, *access, args, Recurrence::weekly);
    if (args.take_word("biweekly")) return set_schedule(ctx, *access, args, Recurrence::biweekly);
    if (args.take_word("monthly")) return set_schedule(ctx, *access, args, Recurrence::monthly);
    return mistake("say weekly, biweekly or monthly, or nothing to see the schedule");
}

Outcome handle_meeting(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (args.take_word("at")) return meeting_at(ctx, *access, args);
    if (args.take_word("next")) return meeting_next(ctx, *access);
    if (args.take_word("start")) return meeting_start(ctx, *access);
    if (args.take_word("end")) return meeting_end(ctx, *access);
    if (args.take_word("skip")) return meeting_drop(ctx, *access, args, MeetingStatus::skipped);
    if (args.take_word("cancel")) return meeting_drop(ctx, *access, args, MeetingStatus::cancelled);
    if (args.take_word("move")) return meeting_move(ctx, *access, args);
    return mistake("say what to do: at, next, start, end, skip, cancel or move");
}

Outcome handle_pause(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (auto no = refuse_unless_member(*access, "pause the pair")) return *no;
    if (!args.take_word("until")) return mistake("say until when: pause until <date>");
    auto day = parse_date(args.remaining(), ctx.today());
    if (!day || day->used != args.size())
        return mistake("I can't read that date (try 2027-01-04 or in 2 weeks)");
    if (day->day <= ctx.today()) return mistake("the pause must end after today");
    const Pair& pair = access->pair;
    ctx.store.schedules.set_pause(
        {pair.id, day->day.time_since_epoch().count(), ctx.zone()->name()}, ctx.caller.id);
    // Meetings in the window are skipped (not counted against the pair) and their reminders go.
    std::size_t skipped = 0;
    for (const Meeting& m : ctx.store.meetings.since(pair.id, ctx.now)) {
        if (m.status != MeetingStatus::planned || !paused_at(ctx.store, pair.id, m.starts_at))
            continue;
        ctx.store.meetings.close(m.id, MeetingStatus::skipped, ctx.now, true,
                                 std::string("paused"));
        forget_reminders(ctx.store, m, "the pair is paused", ctx.now);
        ++skipped;
    }
    plan_next_meeting(ctx.store, pair, ctx.now, ctx.now);
    Reply reply;
    reply.answer.paragraph("Paused until " + format_date(day->day) + "; " +
                           std::to_string(skipped) + " meeting(s) in between are skipped.");
    Document post;
    post.paragraph(Line{ctx.mention_of(ctx.caller.id),
                        text(" paused the mentorship until " + format_date(day->day) +
                             ". No meetings or reminders until then; "),
                        code(ctx.command_text("resume")), text(" ends the pause early.")});
    reply.posts.push_back(space_post(pair, "pause", std::move(post)));
    return reply;
}

Outcome handle_resume(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (auto no = refuse_unless_member(*access, "resume the pair")) return *no;
    if (!args.empty()) return mistake("\"resume\" takes nothing more");
    if (!ctx.store.schedules.pause_of(access->pair.id)) return mistake("the pair is not paused");
    ctx.store.schedules.clear_pause(access->pair.id);
    const auto next = replan_schedule(ctx.store, access->pair, ctx.now);
    Reply reply;
    reply.answer.paragraph("Resumed.");
    Document post;
    post.paragraph(Line{ctx.mention_of(ctx.caller.id), text(" ended the pause.")});
    if (next) {
        Line line{strong("Next meeting: ")};
        for (auto& s : when_for_both(ctx, access->pair, next->starts_at))
            line.push_back(std::move(s));
        post.paragraph(std::move(line));
    }
    reply.posts.push_back(space_post(access->pair, "resume", std::move(post)));
    return reply;
}

Outcome handle_snooze(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (auto no = refuse_unless_member(*access, "snooze reminders")) return *no;
    const Token* id = args.peek();
    std::string digits = id ? id->text : "";
    if (!digits.empty() && digits.front() == '#') digits.erase(0, 1);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
        digits.size() > 9)
        return mistake("say which reminder, by its number (#12)");
    args.next();
    const Token* how_long = args.peek();
    const auto d = how_long ? parse_duration(how_long->text) : std::nullopt;
    if (!d || args.size() != 1) return mistake("say for how long: 30m, 2h, 1d");
    const auto r = ctx.store.reminders.pending_by_number(access->pair.id, std::stoi(digits));
    if (!r) return mistake("there is no waiting reminder #" + digits + " in this pair");
    const Instant until = std::max(r->due_at, ctx.now) + *d;
    ctx.store.reminders.postpone(r->id, until);
    Reply reply;
    reply.answer.paragraph("Reminder #" + digits + " (" + r->kind + ") now comes " +
                           format_local(until, ctx.zone()) + ".");
    return reply;
}

}  // namespace mentorbot
