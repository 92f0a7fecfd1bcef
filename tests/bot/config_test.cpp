// tests/bot/config_test: config file and environment, and the clear errors for bad settings.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "bot/logging.hpp"
#include "config/config.hpp"

using namespace mentorbot;

namespace {

Environment env_of(std::map<std::string, std::string> vars) {
    return [vars](const std::string& k) -> std::optional<std::string> {
        auto it = vars.find(k);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

std::string write_file(const std::string& text) {
    auto path = std::filesystem::temp_directory_path() /
                ("mentorbot-config-" + std::to_string(::getpid()) + ".toml");
    std::ofstream(path) << text;
    return path.string();
}

std::string error_of(const std::optional<std::string>& file, const Environment& env) {
    try {
        load_config(file, env);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("Defaults apply when nothing is configured") {
    const Config c = load_config(std::nullopt, env_of({}));
    CHECK(c.database == "./mentorbot.db");
    CHECK(c.default_timezone == "UTC");
    CHECK_FALSE(c.slack.configured());
    CHECK_FALSE(c.matrix.configured());
    CHECK(c.slack.api_url == "https://slack.com/api");
}

TEST_CASE("The file sets values and the environment overrides them") {
    const auto file = write_file(
        "database = \"/var/lib/mentorbot/db\"\ndefault_timezone = \"Europe/Berlin\"\n"
        "coordinators = [\"slack:U1\"]\n[matrix]\nhomeserver = \"https://hs.example\"\n");
    const Config c = load_config(file, env_of({{"MENTORBOT_DB", "/tmp/other.db"},
                                               {"MATRIX_ACCESS_TOKEN", "syt_secret"},
                                               {"MENTORBOT_COORDINATORS", "slack:U1, console:carol"}}));
    CHECK(c.database == "/tmp/other.db");
    CHECK(c.default_timezone == "Europe/Berlin");
    CHECK(c.coordinators == std::vector<std::string>{"slack:U1", "console:carol"});
    CHECK(c.matrix.homeserver == "https://hs.example");
    CHECK(c.matrix.access_token == "syt_secret");
    std::filesystem::remove(file);
}

TEST_CASE("The example config in config/ loads") {
    const Config c = load_config(std::string(MENTORBOT_SOURCE_DIR) + "/config/mentorbot.example.toml",
                                 env_of({}));
    CHECK(c.default_timezone == "Europe/Berlin");
    CHECK(c.coordinators.size() == 3);
}

TEST_CASE("Bad settings are errors that name the file, the key and what is wrong") {
    const auto typo = write_file("databse = \"x\"\n");
    CHECK_THAT(error_of(typo, env_of({})), Catch::Contains("unknown setting \"databse\""));
    const auto token = write_file("[slack]\nbot_token = \"xoxb-1\"\n");
    CHECK_THAT(error_of(token, env_of({})), Catch::Contains("SLACK_BOT_TOKEN"));
    const auto broken = write_file("database = \n");
    CHECK_THAT(error_of(broken, env_of({})), Catch::Contains(":1:"));
    std::filesystem::remove(typo);
    CHECK_THAT(error_of(std::nullopt, env_of({{"SLACK_APP_TOKEN", "xapp-1-A"}})),
               Catch::Contains("needs both"));
    CHECK_THAT(error_of(std::nullopt, env_of({{"SLACK_APP_TOKEN", "xoxb-1"}, {"SLACK_BOT_TOKEN", "xoxb-2"}})),
               Catch::Contains("xapp-"));
    CHECK_THAT(error_of(std::nullopt, env_of({{"MATRIX_HOMESERVER", "https://hs"}})),
               Catch::Contains("MATRIX_ACCESS_TOKEN, or MATRIX_USER and MATRIX_PASSWORD"));
    CHECK_THAT(error_of(std::nullopt, env_of({{"MENTORBOT_COORDINATORS", "carol"}})),
               Catch::Contains("platform:user"));
    CHECK_THAT(error_of(std::nullopt, env_of({{"MENTORBOT_LOG_LEVEL", "loud"}})),
               Catch::Contains("log_level"));
}

TEST_CASE("Secrets are masked for logs: the kind shows but the secret does not") {
    const std::string masked = mask_secret("xoxb-fake.SECRET.token");
    CHECK(masked.find("SECRET") == std::string::npos);
    CHECK(masked.rfind("xoxb-", 0) == 0);
    CHECK(mask_secret("") == "(none)");
}
