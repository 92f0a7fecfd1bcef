// bot/slack/home_view: the App Home tab — a person's pairs, as a views.publish view.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "handlers/document.hpp"

namespace mentorbot::slack {

struct HomePair {
    std::string partner;  // Slack user id
    std::string partner_name;
    bool as_mentor = false;  // the viewer's role in the pair
    std::string since;       // "2026-11-02"
    bool active = true;
};

// What the tab says (platform-neutral, so it is escaped like every other message).
Document home_document(const std::vector<HomePair>& pairs);
// {"type":"home","blocks":[…]} within the 100-block limit.
nlohmann::json home_view(const std::vector<HomePair>& pairs);

}  // namespace mentorbot::slack
