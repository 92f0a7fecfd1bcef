// tests/bot/config_test: config file and environment, and the clear errors for bad settings.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "bot/logging.hpp"
#include "config/config.hpp"
#include "config/cpu_list.hpp"

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

TEST_CASE("Thread placement is read as CPU lists from the file and the environment") {
    CHECK(load_config(std::nullopt, env_of({})).threads.network_cpus.empty());
    const auto file = write_file("[threads]\nnetwork_cpus = \"0\"\nstorage_cpus = \"1-3, 5\"\n");
    const Config from_file = load_config(file, env_of({}));
    CHECK(from_file.threads.network_cpus == std::vector<int>{0});
    CHECK(from_file.threads.storage_cpus == std::vector<int>{1, 2, 3, 5});
    const Config overridden = load_config(file, env_of({{"MENTORBOT_STORAGE_CPUS", "2"}}));
    CHECK(overridden.threads.network_cpus == std::vector<int>{0});
    CHECK(overridden.threads.storage_cpus == std::vector<int>{2});
    std::filesystem::remove(file);
}

TEST_CASE("A bad CPU list is an error that shows how to write one") {
    for (const char* bad : {"1-", "one", "3-1", "-2", "0,,1", "2048"}) {
        const std::string error = error_of(std::nullopt, env_of({{"MENTORBOT_NETWORK_CPUS", bad}}));
        CHECK_THAT(error,
                   Catch::Contains("MENTORBOT_NETWORK_CPUS \"" + std::string(bad) +
                                   "\" is not a list of CPU numbers like \"1\" or \"0-3,6\""));
    }
    const auto typo = write_file("[threads]\nstorage_cpu = \"1\"\n");
    CHECK_THAT(error_of(typo, env_of({})),
               Catch::Contains("[threads]: unknown setting \"storage_cpu\""));
    const auto number = write_file("[threads]\nstorage_cpus = 1\n");
    CHECK_THAT(error_of(number, env_of({})), Catch::Contains("\"storage_cpus\" must be a string"));
    std::filesystem::remove(number);
}

TEST_CASE("CPU lists are read and written as taskset -c writes them") {
    CHECK(parse_cpu_list("") == std::vector<int>{});
    CHECK(parse_cpu_list("7") == std::vector<int>{7});
    CHECK(parse_cpu_list("4,0-2,1") == std::vector<int>{0, 1, 2, 4});
    CHECK_FALSE(parse_cpu_list("0-1-2"));
    CHECK(format_cpu_list({0, 1, 2, 5}) == "0-2,5");
    CHECK(format_cpu_list({0, 1}) == "0,1");
    CHECK(format_cpu_list({3}) == "3");
    CHECK(format_cpu_list({}) == "");
}
