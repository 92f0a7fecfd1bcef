// bot/slack/home_view: the App Home tab — a person's home summary as a views.publish view.
#pragma once

#include <nlohmann/json.hpp>

#include "handlers/document.hpp"

namespace mentorbot::slack {

// {"type":"home","blocks":[…]} within Slack's 100-block limit of a view.
nlohmann::json home_view(const Document& summary);

}  // namespace mentorbot::slack
