// config/config: the bot's settings from defaults, the config file and the environment.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace mentorbot {

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct SlackConfig {
    std::string app_token;  // SLACK_APP_TOKEN (xapp-…), environment only
    std::string bot_token;  // SLACK_BOT_TOKEN (xoxb-…), environment only
    std::string api_url = "https://slack.com/api";
    bool configured() const { return !app_token.empty() || !bot_token.empty(); }
};

struct MatrixConfig {
    std::string homeserver;            // MATRIX_HOMESERVER, e.g. https://matrix.example.org
    std::string access_token;          // MATRIX_ACCESS_TOKEN, environment only
    std::string user;                  // MATRIX_USER, with MATRIX_PASSWORD to log in once
    std::string password;              // environment only
    std::vector<std::string> allowed;  // globs of users/servers whose invites are accepted
    bool configured() const { return !homeserver.empty(); }
};

struct Config {
    std::string database = "./mentorbot.db";
    std::string default_timezone = "UTC";
    std::vector<std::string>
        coordinators;  // "slack:U123", "matrix:@carol:example.org", "console:carol"
    std::string log_level = "info";
    SlackConfig slack;
    MatrixConfig matrix;
};

using Environment = std::function<std::optional<std::string>(const std::string&)>;
Environment process_environment();

// Defaults, then the file (if given), then the environment. Throws ConfigError with the file,
// the key and what is wrong; half-configured platforms (one Slack token only) are errors.
Config load_config(const std::optional<std::string>& file, const Environment& env);

}  // namespace mentorbot
