// handlers/notes: `note` — takeaways for the pair and its recap, and private notes that only
// their author ever reads.
#include "handlers/pair_resolution.hpp"
#include "handlers/user_input.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

Line note_line(const Context& ctx, const Note& n) {
    return {text(format_local(n.at, ctx.zone()) + " · "), ctx.mention_of(n.author), text(": "),
            text(n.text)};
}

Outcome write(Context& ctx, const PairAccess& access, Args& args, bool is_private) {
    if (auto no = refuse_unless_member(access, "write notes")) return *no;
    const std::string typed = args.rest_text();
    if (auto bad = refuse_text(is_private ? "the private note" : "the note", typed)) return *bad;
    ctx.store.notes.add(Note{access.pair.id, ctx.caller.id, is_private, typed, ctx.now});

    Reply reply;
    if (is_private) {
        reply.answer.paragraph(
            Line{text("Saved to your private notes. Nobody else can read them; "),
                 code(ctx.command_text("note list")), text(" shows them to you.")});
        return reply;
    }
    reply.answer.paragraph("Noted for the pair; it will be in the next recap.");
    Document post;
    post.paragraph(Line{ctx.mention_of(ctx.caller.id), text(" noted:")});
    post.quote(typed);
    reply.posts.push_back(Post{access.pair.id, std::nullopt, "note", std::move(post), {}});
    return reply;
}

Outcome list(Context& ctx, const PairAccess& access) {
    if (auto no = refuse_unless_sees_content(access)) return *no;
    Reply reply;
    Document& d = reply.answer;
    std::vector<Line> shared;
    for (const Note& n : ctx.store.notes.shared(access.pair.id))
        shared.push_back(note_line(ctx, n));
    d.heading("Notes of " + ctx.pair_title(access.pair) + " (" + std::to_string(shared.size()) +
              ")");
    if (shared.empty()) d.paragraph("No notes yet.");
    d.bullets(std::move(shared));
    if (!access.member) return reply;  // private notes exist only for their author
    std::vector<Line> own;
    for (const Note& n : ctx.store.notes.private_of(access.pair.id, ctx.caller.id))
        own.push_back(note_line(ctx, n));
    if (own.empty()) return reply;
    d.heading("Your private notes (" + std::to_string(own.size()) + ", only you see them)");
    d.bullets(std::move(own));
    return reply;
}

}  // namespace

Outcome handle_note(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (args.size() == 1 && args.take_word("list")) return list(ctx, *access);
    const bool is_private = args.take_word("private");
    return write(ctx, *access, args, is_private);
}

}  // namespace mentorbot
