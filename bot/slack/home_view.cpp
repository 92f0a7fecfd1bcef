// bot/slack/home_view: the App Home tab — a person's home summary as a views.publish view.
#include "bot/slack/home_view.hpp"

#include "bot/slack/render.hpp"

namespace mentorbot::slack {

nlohmann::json home_view(const Document& summary) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const SlackMessage& m : render_slack(summary))
        for (auto& b : blocks_json(m))
            if (blocks.size() < 100) blocks.push_back(std::move(b));
    return {{"type", "home"}, {"blocks", std::move(blocks)}};
}

}  // namespace mentorbot::slack
