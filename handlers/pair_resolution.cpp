// handlers/pair_resolution: which pair a command means (PRODUCT.md §2) and who may see what of it.
#include "handlers/pair_resolution.hpp"

#include "handlers/agreement_terms.hpp"

namespace mentorbot {
namespace {

PairAccess access_for(Context& ctx, const Pair& pair) {
    ctx.pairs_in_play.push_back(pair);
    PairAccess a{pair, pair.has_member(ctx.caller.id), false};
    a.sees_content = a.member || (ctx.coordinator && shares_with_coordinators(ctx, pair));
    return a;
}

}  // namespace

UserError no_pair_with(const std::string& who) {
    return mistake("you have no active pair with " + who);
}

bool shares_with_coordinators(Context& ctx, const Pair& pair) {
    return terms_share_with_coordinators(load_agreement(ctx.store, pair), pair);
}

std::optional<UserError> refuse_unless_member(const PairAccess& access, std::string_view what) {
    if (access.member) return std::nullopt;
    return mistake("only the pair's members can " + std::string(what));
}

std::optional<UserError> refuse_unless_sees_content(const PairAccess& access) {
    if (access.sees_content) return std::nullopt;
    return mistake(
        "what this pair writes is private to its two members; their agreement does "
        "not share it with coordinators");
}

Expected<PairAccess> resolve_pair(Context& ctx, Args& args) {
    const std::vector<Token> with = args.take_with_clause();

    // (1) The pair whose space this is (when the caller may act on it).
    if (with.empty() && !ctx.command.conversation.empty()) {
        std::vector<Pair> here;
        for (Pair& p :
             ctx.store.pairs.active_in_space(ctx.command.platform, ctx.command.conversation))
            if (p.has_member(ctx.caller.id)) here.push_back(std::move(p));
        if (here.size() == 1) return access_for(ctx, here.front());
    }

    // (2) `with @person [@person]`.
    if (!with.empty()) {
        std::vector<Person> named;
        for (const Token& t : with) named.push_back(ctx.person_from(t));
        const std::string who = "@" + named.front().display_name;
        if (named.size() > 2) return mistake("name at most two people after \"with\"");
        if (named.size() == 2) {
            auto pair = ctx.store.pairs.active_between(named[0].id, named[1].id);
            if (!pair || (!pair->has_member(ctx.caller.id) && !ctx.coordinator))
                return mistake("there is no active pair of @" + named[0].display_name + " and @" +
                               named[1].display_name + " that you can see");
            return access_for(ctx, *pair);
        }
        if (named[0].id == ctx.caller.id)
            return mistake("\"with\" names the other member of your pair, not yourself");
        if (auto pair = ctx.store.pairs.active_between(ctx.caller.id, named[0].id))
            return access_for(ctx, *pair);
        if (ctx.coordinator) {
            auto theirs = ctx.store.pairs.of_person(named[0].id);
            if (theirs.size() == 1) return access_for(ctx, theirs.front());
            if (theirs.size() > 1)
                return mistake(who + " is in " + std::to_string(theirs.size()) +
                               " pairs; name both members: with @mentor @mentee");
            return mistake(who + " is in no active pair");
        }
        return no_pair_with(who);
    }

    // (3) The caller's only active pair.
    const auto mine = ctx.store.pairs.of_person(ctx.caller.id);
    if (mine.size() == 1) return access_for(ctx, mine.front());
    if (mine.empty())
        return mistake("you are not in an active pair; start one with " +
                       ctx.command_text("pair @mentor @mentee"));
    std::string list;
    for (const Pair& p : mine) {
        if (!list.empty()) list += ", ";
        list += "@" + ctx.name_of(p.partner_of(ctx.caller.id));
    }
    return mistake("you are in " + std::to_string(mine.size()) + " pairs (with " + list +
                   "); say which one by adding \"with @person\"");
}

}  // namespace mentorbot
