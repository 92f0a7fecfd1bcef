// handlers/agreement: `agreement` — show, set a field (each change a new, unsigned version),
// sign (both signatures post the signed agreement) and history.
#include <sstream>

#include "handlers/agreement_terms.hpp"
#include "handlers/pair_resolution.hpp"
#include "handlers/reminder_texts.hpp"
#include "handlers/similarity.hpp"
#include "handlers/user_input.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace {

std::string field_names() {
    std::string out;
    for (const AgreementField& f : agreement_fields())
        out += (out.empty() ? "" : ", ") + std::string(f.name);
    return out;
}

// How a stored value reads: review dates in words, sharing with what it means.
std::string shown_value(const AgreementField& field, const std::string& value) {
    if (field.kind == AgreementField::Kind::date) {
        std::istringstream in(value);
        Day day;
        in >> date::parse("%F", day);
        return in.fail() ? value : format_date(day);
    }
    if (field.kind == AgreementField::Kind::sharing)
        return value == kShareWithCoordinators
                   ? value +
                         " (coordinators may read check-ins, goals, actions, notes and this "
                         "agreement; never private notes or feedback)"
                   : value + " (coordinators see numbers only)";
    return value;
}

Line signature_line(const Context& ctx, const Pair& pair, const AgreementTerms& terms) {
    const int v = terms.version();
    Line line{text("Version " + std::to_string(v) + ": ")};
    std::vector<PersonId> waiting;
    bool any = false;
    for (PersonId who : {pair.mentor, pair.mentee}) {
        if (auto at = terms.signed_at(who, v)) {
            line.push_back(text(any ? " and " : "signed by "));
            line.push_back(ctx.mention_of(who));
            line.push_back(text(" (" + format_date(local_day(*at, ctx.zone())) + ")"));
            any = true;
        } else {
            waiting.push_back(who);
        }
    }
    if (!waiting.empty()) {
        line.push_back(text(any ? "; waiting for " : "not signed yet by "));
        for (std::size_t i = 0; i < waiting.size(); ++i) {
            if (i) line.push_back(text(" or "));
            line.push_back(ctx.mention_of(waiting[i]));
        }
    }
    line.push_back(text("."));
    return line;
}

// The agreement's text with its signatures; for the pair (and coordinators it is shared with).
Document agreement_document(const Context& ctx, const Pair& pair, const AgreementTerms& terms,
                            const std::string& title) {
    Document d;
    d.heading(title + " — version " + std::to_string(terms.version()));
    d.paragraph(ctx.pair_line(pair));
    std::vector<Line> fields;
    std::string open;
    for (const AgreementField& f : agreement_fields()) {
        if (auto v = terms.value(f.name))
            fields.push_back({strong(std::string(f.title) + ": "), text(shown_value(f, *v))});
        else
            open += (open.empty() ? "" : ", ") + std::string(f.name);
    }
    d.bullets(std::move(fields));
    if (!open.empty()) d.paragraph("Not agreed yet: " + open + ".");
    d.paragraph(signature_line(ctx, pair, terms));
    return d;
}

Outcome show(Context& ctx, const PairAccess& access) {
    const Pair& pair = access.pair;
    const AgreementTerms terms = load_agreement(ctx.store, pair);
    Reply reply;
    if (terms.version() == 0) {
        reply.answer.paragraph(Line{text("No agreement yet. Record it field by field with "),
                                    code(ctx.command_text("agreement set <field> <text>")),
                                    text("; fields: " + field_names() + ".")});
        return reply;
    }
    if (!access.sees_content) {
        Document& d = reply.answer;
        d.paragraph(ctx.pair_line(pair));
        d.paragraph(signature_line(ctx, pair, terms));
        if (auto review = terms.value("review"))
            d.paragraph("Review date: " + shown_value(*find_agreement_field("review"), *review) +
                        ".");
        d.paragraph("The agreement's text is private to the pair.");
        return reply;
    }
    reply.answer = agreement_document(ctx, pair, terms, "Agreement");
    return reply;
}

Expected<std::string> typed_value(Context& ctx, const AgreementField& field, Args& args) {
    const std::string what = "the " + std::string(field.name);
    switch (field.kind) {
        case AgreementField::Kind::date: {
            auto day = take_date(args, ctx.today(), "the review date");
            if (!day) return day.error();
            return iso_date(*day);
        }
        case AgreementField::Kind::sharing: {
            const std::string v = ascii_lower(args.rest_text());
            if (v != kSharePrivate && v != kShareWithCoordinators)
                return mistake("sharing is \"private\" or \"coordinator\"");
            return v;
        }
        case AgreementField::Kind::text:
            break;
    }
    std::string value = args.rest_text();
    if (auto bad = refuse_text(what, value)) return *bad;
    return value;
}

Outcome set_field(Context& ctx, const PairAccess& access, Args& args) {
    if (auto no = refuse_unless_member(access, "change the agreement")) return *no;
    const auto name = args.next();
    if (!name) return mistake("name the field to set: " + field_names());
    const AgreementField* field =
        name->kind == Token::Kind::word ? find_agreement_field(name->text) : nullptr;
    if (!field) {
        std::vector<std::string_view> names;
        for (const AgreementField& f : agreement_fields()) names.push_back(f.name);
        return mistake("there is no agreement field \"" + excerpt(name->text, 30) +
                       "\"; did you mean \"" + nearest_name(name->text, names) +
                       "\"? Fields: " + field_names());
    }
    auto value = typed_value(ctx, *field, args);
    if (!value) return value.error();

    const Pair& pair = access.pair;
    const AgreementTerms before = load_agreement(ctx.store, pair);
    Reply reply;
    if (before.value(field->name) == *value) {
        reply.answer.paragraph("The " + std::string(field->name) +
                               " already says that; the agreement is unchanged (version " +
                               std::to_string(before.version()) + ").");
        return reply;
    }
    const bool was_signed =
        before.version() > 0 && (before.signed_by(pair.mentor, before.version()) ||
                                 before.signed_by(pair.mentee, before.version()));
    const int version = ctx.store.agreements.change(pair.id, std::string(field->name), *value,
                                                    ctx.caller.id, ctx.now);
    if (field->kind == AgreementField::Kind::date)
        if (auto day = parse_date(tokenize(*value).value(), ctx.today()))
            remind_of_review(ctx, pair, day->day);

    const std::string sign = ctx.command_text("agreement sign");
    reply.answer.paragraph("Saved as version " + std::to_string(version) +
                           " of your agreement; it is in your pair's space.");
    Document post;
    post.paragraph(Line{ctx.mention_of(ctx.caller.id),
                        text(" set the " + std::string(field->title) + " — agreement version " +
                             std::to_string(version) + ":")});
    post.quote(shown_value(*field, *value));
    if (was_signed)
        post.paragraph(Line{
            text("This change clears the signatures on version " + std::to_string(version - 1) +
                 "; when it reads right, both of you sign again with "),
            code(sign), text(".")});
    else if (version == 1)
        post.paragraph(Line{text("Add the other fields the same way; when the agreement reads "
                                 "right, both of you sign it with "),
                            code(sign), text(".")});
    reply.posts.push_back(Post{pair.id, std::nullopt, "agreement.changed", std::move(post), {}});
    return reply;
}

Outcome sign(Context& ctx, const PairAccess& access, Args& args) {
    if (!args.empty()) return mistake("\"agreement sign\" takes nothing more");
    if (auto no = refuse_unless_member(access, "sign the agreement")) return *no;
    const Pair& pair = access.pair;
    AgreementTerms terms = load_agreement(ctx.store, pair);
    const int v = terms.version();
    if (v == 0)
        return mistake("there is nothing to sign yet; record the agreement first with " +
                       ctx.command_text("agreement set <field> <text>"));
    Reply reply;
    const PersonId partner = pair.partner_of(ctx.caller.id);
    if (terms.signed_by(ctx.caller.id, v)) {
        reply.answer.paragraph(signature_line(ctx, pair, terms));
        return reply;
    }
    ctx.store.agreements.sign(pair.id, v, ctx.caller.id, ctx.now);
    terms.signatures.push_back({v, ctx.caller.id, ctx.now});

    if (terms.signed_by(partner, v)) {
        reply.answer.paragraph("You signed version " + std::to_string(v) +
                               ". Both of you have signed; the signed agreement is posted in your "
                               "pair's space.");
        reply.posts.push_back(Post{pair.id,
                                   std::nullopt,
                                   "agreement.signed",
                                   agreement_document(ctx, pair, terms, "Signed agreement"),
                                   {}});
        return reply;
    }
    reply.answer.paragraph(Line{text("You signed version " + std::to_string(v) + ". Waiting for "),
                                ctx.mention_of(partner), text(".")});
    Document post;
    post.paragraph(Line{ctx.mention_of(ctx.caller.id),
                        text(" signed version " + std::to_string(v) + " of your agreement. "),
                        ctx.mention_of(partner), text(": read it with "),
                        code(ctx.command_text("agreement")), text(" and sign with "),
                        code(ctx.command_text("agreement sign")), text(".")});
    reply.posts.push_back(Post{pair.id, std::nullopt, "agreement.signature", std::move(post), {}});
    return reply;
}

Outcome history(Context& ctx, const PairAccess& access, Args& args) {
    if (!args.empty()) return mistake("\"agreement history\" takes nothing more");
    if (auto no = refuse_unless_sees_content(access)) return *no;
    const Pair& pair = access.pair;
    const AgreementTerms terms = load_agreement(ctx.store, pair);
    Reply reply;
    Document& d = reply.answer;
    const int versions = terms.version();
    d.heading("Agreement history (" + std::to_string(versions) +
              (versions == 1 ? " version)" : " versions)"));
    if (terms.version() == 0) d.paragraph("Nothing recorded yet.");
    std::vector<Line> items;
    for (const AgreementChange& c : terms.changes) {
        const AgreementField* field = find_agreement_field(c.field);
        Line line{strong("v" + std::to_string(c.version)),
                  text(" · " + format_local(c.at, ctx.zone()) + " · "),
                  ctx.mention_of(c.changed_by), text(" set " + c.field + ": "),
                  text(excerpt(field ? shown_value(*field, c.value) : c.value))};
        if (terms.signed_by_both(pair, c.version)) line.push_back(emphasis(" — signed by both"));
        items.push_back(std::move(line));
    }
    d.bullets(std::move(items));
    return reply;
}

}  // namespace

Outcome handle_agreement(Context& ctx, Args& args) {
    auto access = resolve_pair(ctx, args);
    if (!access) return access.error();
    if (args.empty()) return show(ctx, *access);
    if (args.take_word("set")) return set_field(ctx, *access, args);
    if (args.take_word("sign")) return sign(ctx, *access, args);
    if (args.take_word("history")) return history(ctx, *access, args);
    return mistake("\"" + excerpt(args.peek()->text, 20) +
                   "\" is not something agreement does; use set, sign or history");
}

}  // namespace mentorbot
