// handlers/command: the platform-neutral command every transport produces, and program settings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/types.hpp"

namespace mentorbot {

// One `/mentor …` (or `!mentor …`) as a transport received it.
struct Command {
    Platform platform = Platform::console;
    std::string conversation;  // where it was issued: Slack channel, Matrix room, console space
    std::string user;          // the caller's platform id: "U123", "@bob:hs", "bob"
    std::string user_name;     // the caller's display name, if the platform told it
    std::optional<std::string> profile_zone;  // the caller's zone from their platform profile
    // Members of `conversation` when the platform knows them (Matrix rooms); lets `pair` use the
    // current room as the pair's space when both people are in it.
    std::optional<std::vector<std::string>> conversation_members;
    std::string text;  // everything after the command word, unescaped from platform syntax
};

// Program-wide settings handlers read (from config/).
struct Settings {
    std::vector<std::string> coordinators;  // "platform:user", e.g. "slack:U123", "console:carol"
    std::string default_zone = "UTC";

    bool is_coordinator(Platform platform, const std::string& user) const;
};

// The word users type before verbs on a platform: "/mentor" or "!mentor".
std::string_view command_prefix(Platform platform);

}  // namespace mentorbot
