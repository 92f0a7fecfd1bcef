// handlers/dispatch: runs one command — tokenize, find the verb, run its handler in one
// transaction with the messages it queues — and returns the answer for the caller.
#include "handlers/dispatch.hpp"

#include <algorithm>

#include "handlers/context.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/verbs.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

Document error_answer(const UserError& e, std::string_view usage) {
    Document d;
    d.paragraph(Line{strong("⚠ "), text(e.reason)});
    if (!usage.empty()) d.paragraph(Line{text("Usage: "), code(std::string(usage))});
    return d;
}

Dispatched refused(const UserError& e, std::string_view usage) {
    return Dispatched{error_answer(e, usage), false, 0, {}};
}

// The caller and the other members of the pairs the command worked on, each once.
std::vector<std::string> people_of(const Context& ctx) {
    std::vector<std::string> users{ctx.caller.platform_user};
    auto add = [&](PersonId id) {
        if (id == ctx.caller.id) return;
        std::string user = ctx.person(id).platform_user;
        if (std::find(users.begin(), users.end(), user) == users.end())
            users.push_back(std::move(user));
    };
    for (const Pair& pair : ctx.pairs_in_play) {
        add(pair.mentor);
        add(pair.mentee);
    }
    return users;
}

std::string general_usage(Platform p) {
    return std::string(command_prefix(p)) + " <verb> …   (" + std::string(command_prefix(p)) +
           " help lists the verbs)";
}

}  // namespace

Dispatched dispatch(const Command& command, Store& store, const Settings& settings, Instant now) {
    if (command.text.size() > kMaxCommandBytes)
        return refused(
            mistake("that command is " + std::to_string(command.text.size()) +
                    " characters long; the limit is " + std::to_string(kMaxCommandBytes)),
            general_usage(command.platform));
    auto tokens = tokenize(command.text);
    if (!tokens) return refused(tokens.error(), general_usage(command.platform));
    Args args(command.text, std::move(*tokens));

    const Verb* verb = find_verb("help");
    if (auto first = args.next()) {
        verb = first->kind == Token::Kind::word ? find_verb(first->text) : nullptr;
        if (!verb) {
            std::string reason = "I don't know the verb \"" + excerpt(first->text, 30) + "\"";
            if (auto near = similar_verbs(first->text); !near.empty()) {
                reason += "; did you mean ";
                for (std::size_t i = 0; i < near.size(); ++i)
                    reason +=
                        (i ? (i + 1 == near.size() ? " or " : ", ") : "") + ("\"" + near[i] + "\"");
                reason += "? (" + std::string(command_prefix(command.platform)) +
                          " help lists every verb)";
            }
            return refused(mistake(reason), general_usage(command.platform));
        }
    }
    const std::string_view prefix = command_prefix(command.platform);
    const std::string form =
        args.peek() && args.peek()->kind == Token::Kind::word ? args.peek()->text : std::string{};

    Database::Transaction tx(store.db);
    Person caller =
        store.people.find_or_create(command.platform, command.user, command.user_name, now);
    if (command.profile_zone && find_zone(*command.profile_zone) &&
        store.people.set_profile_time_zone(caller.id, *command.profile_zone))
        caller = *store.people.find(caller.id);
    Context ctx{command, store,  settings,
                now,     caller, settings.is_coordinator(command.platform, command.user)};

    Outcome outcome = verb->handle(ctx, args);
    if (!outcome) {
        const UserError& e = outcome.error();
        return refused(e, e.usage.empty() ? usage_of(*verb, prefix, form) : e.usage);
    }
    Reply& reply = outcome.value();
    for (Post& post : reply.posts) {
        QueuedMessage m;
        m.platform = command.platform;
        m.pair = post.pair;
        m.person = post.pair ? std::nullopt : post.person;
        m.kind = std::move(post.kind);
        m.body = serialize(post.body);
        m.due_at = post.due.value_or(now);
        m.late = false;
        store.outbox.enqueue(m, now);
    }
    Dispatched done{std::move(reply.answer), true, reply.posts.size(), {}};
    if (verb->changes_plans) done.plans_changed_for = people_of(ctx);
    tx.commit();
    return done;
}

Document internal_error_answer() {
    Document d;
    d.paragraph(Line{strong("⚠ "), text("Something went wrong on my side and nothing was "
                                        "changed. Please try again in a minute.")});
    return d;
}

}  // namespace mentorbot
