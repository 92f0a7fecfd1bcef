// bot/slack/home_view: the App Home tab built from a person's pairs.
#include "bot/slack/home_view.hpp"

#include "bot/slack/render.hpp"

namespace mentorbot::slack {

Document home_document(const std::vector<HomePair>& pairs) {
    Document d;
    d.heading("Your mentorship pairs");
    std::vector<Line> active, closed;
    for (const HomePair& p : pairs) {
        Line line{text(p.as_mentor ? "mentor of " : "mentee of "),
                  mention(p.partner, p.partner_name), text(" since " + p.since)};
        (p.active ? active : closed).push_back(std::move(line));
    }
    if (active.empty())
        d.paragraph(Line{text("No active pairs yet. Start one with "),
                         code("/mentor pair @mentor @mentee"), text(".")});
    d.bullets(std::move(active));
    if (!closed.empty()) {
        d.paragraph(Line{strong("Ended or graduated")});
        d.bullets(std::move(closed));
    }
    d.paragraph(
        Line{text("Type "), code("/mentor help"), text(" in any conversation to see every verb.")});
    return d;
}

nlohmann::json home_view(const std::vector<HomePair>& pairs) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const SlackMessage& m : render_slack(home_document(pairs)))
        for (const auto& b : m.blocks)
            if (blocks.size() < 100) blocks.push_back(b);
    return {{"type", "home"}, {"blocks", std::move(blocks)}};
}

}  // namespace mentorbot::slack
