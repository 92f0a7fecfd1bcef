// handlers/help: `help` and `help <verb>`, generated from the verb table.
#include "handlers/similarity.hpp"
#include "handlers/verb_handlers.hpp"
#include "handlers/verbs.hpp"

namespace mentorbot {

Outcome handle_help(Context& ctx, Args& args) {
    const std::string p(ctx.prefix());
    Document d;
    if (auto asked = args.next()) {
        const Verb* verb = asked->kind == Token::Kind::word ? find_verb(asked->text) : nullptr;
        if (!verb) {
            std::string reason = "there is no verb \"" + excerpt(asked->text, 30) + "\"";
            if (auto near = similar_verbs(asked->text); !near.empty())
                reason += "; did you mean \"" + near.front() + "\"?";
            return mistake(reason);
        }
        d.heading(p + " " + std::string(verb->name) + " — " + std::string(verb->summary));
        std::vector<Line> forms;
        const std::string usage = usage_of(*verb, p);
        for (std::size_t b = 0; b < usage.size();) {
            const auto e = std::min(usage.find('\n', b), usage.size());
            forms.push_back({code(usage.substr(b, e - b))});
            b = e + 1;
        }
        d.paragraph("Usage:").bullets(std::move(forms));
        if (!verb->details.empty()) d.paragraph(std::string(verb->details));
        d.paragraph(Line{text("Example: "), code(p + " " + std::string(verb->example))});
        return Reply{std::move(d), {}};
    }

    d.heading("mentorbot — your mentorship, kept in chat");
    d.paragraph(Line{text("Type "), code(p + " <verb> …"), text("; "), code(p + " help <verb>"),
                     text(" explains one verb with an example.")});
    std::vector<Line> items;
    for (const Verb& v : verbs()) {
        Line line{code(std::string(v.name)), text(" — " + std::string(v.summary))};
        items.push_back(std::move(line));
    }
    d.bullets(std::move(items));
    d.paragraph(
        "Dates: today, tomorrow, fri (the next Friday), 2026-12-01, in 3 days, in 2 weeks. "
        "Times: 15:00, 3pm, 3:30pm. Durations: 30m, 1h, 90m, 2d, 1w. Mentions: @person.");
    d.paragraph(
        "Texts are limited to 2,000 characters (whole commands to 4,000). If you are in "
        "several pairs, add \"with @person\" to say which one.");
    return Reply{std::move(d), {}};
}

}  // namespace mentorbot
