// config/config: the bot's settings from defaults, the config file and the environment.
#include "config/config.hpp"

#include <toml++/toml.h>

#include <cstdlib>
#include <set>

namespace mentorbot {
namespace {

void check_keys(const toml::table& table, const std::set<std::string>& known,
                const std::string& where) {
    for (const auto& [key, value] : table) {
        if (!known.count(std::string(key.str())))
            throw ConfigError(where + ": unknown setting \"" + std::string(key.str()) + "\"");
    }
}

std::string text_at(const toml::table& t, const char* key, const std::string& where,
                    const std::string& fallback) {
    const toml::node* node = t.get(key);
    if (!node) return fallback;
    if (auto s = node->value<std::string>()) return *s;
    throw ConfigError(where + ": \"" + key + "\" must be a string");
}

std::vector<std::string> list_at(const toml::table& t, const char* key, const std::string& where) {
    std::vector<std::string> out;
    const toml::node* node = t.get(key);
    if (!node) return out;
    const toml::array* arr = node->as_array();
    if (!arr) throw ConfigError(where + ": \"" + key + "\" must be a list of strings");
    for (const auto& item : *arr) {
        auto s = item.value<std::string>();
        if (!s) throw ConfigError(where + ": \"" + key + "\" must be a list of strings");
        out.push_back(*s);
    }
    return out;
}

void read_file(Config& c, const std::string& path) {
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        throw ConfigError(path + ":" + std::to_string(where.line) + ":" +
                          std::to_string(where.column) + ": " + std::string(e.description()));
    }
    check_keys(root,
               {"database", "default_timezone", "coordinators", "log_level", "slack", "matrix"},
               path);
    c.database = text_at(root, "database", path, c.database);
    c.default_timezone = text_at(root, "default_timezone", path, c.default_timezone);
    c.coordinators = list_at(root, "coordinators", path);
    c.log_level = text_at(root, "log_level", path, c.log_level);
    for (const char* secret_table : {"slack", "matrix"}) {
        const toml::node* node = root.get(secret_table);
        if (node && !node->is_table())
            throw ConfigError(path + ": \"" + secret_table + "\" must be a table");
    }
    if (const toml::table* slack = root["slack"].as_table()) {
        const std::string where = path + " [slack]";
        check_keys(*slack, {"api_url"},
                   where + " (tokens belong in SLACK_APP_TOKEN and SLACK_BOT_TOKEN)");
        c.slack.api_url = text_at(*slack, "api_url", where, c.slack.api_url);
    }
    if (const toml::table* matrix = root["matrix"].as_table()) {
        const std::string where = path + " [matrix]";
        check_keys(*matrix, {"homeserver", "user", "allowed"},
                   where + " (secrets belong in MATRIX_ACCESS_TOKEN or MATRIX_PASSWORD)");
        c.matrix.homeserver = text_at(*matrix, "homeserver", where, c.matrix.homeserver);
        c.matrix.user = text_at(*matrix, "user", where, c.matrix.user);
        c.matrix.allowed = list_at(*matrix, "allowed", where);
    }
}

void read_environment(Config& c, const Environment& env) {
    auto set = [&](const char* name, std::string& target) {
        if (auto v = env(name); v && !v->empty()) target = *v;
    };
    set("MENTORBOT_DB", c.database);
    set("MENTORBOT_TIMEZONE", c.default_timezone);
    set("MENTORBOT_LOG_LEVEL", c.log_level);
    if (auto v = env("MENTORBOT_COORDINATORS"); v && !v->empty()) {
        c.coordinators.clear();
        std::string item;
        for (char ch : *v + ",") {
            if (ch == ',' || ch == ' ') {
                if (!item.empty()) c.coordinators.push_back(item);
                item.clear();
            } else {
                item += ch;
            }
        }
    }
    set("SLACK_APP_TOKEN", c.slack.app_token);
    set("SLACK_BOT_TOKEN", c.slack.bot_token);
    set("SLACK_API_URL", c.slack.api_url);
    set("MATRIX_HOMESERVER", c.matrix.homeserver);
    set("MATRIX_ACCESS_TOKEN", c.matrix.access_token);
    set("MATRIX_USER", c.matrix.user);
    set("MATRIX_PASSWORD", c.matrix.password);
    if (auto v = env("MATRIX_ALLOWED"); v && !v->empty()) {
        c.matrix.allowed.clear();
        std::string item;
        for (char ch : *v + ",") {
            if (ch == ',') {
                if (!item.empty()) c.matrix.allowed.push_back(item);
                item.clear();
            } else if (ch != ' ') {
                item += ch;
            }
        }
    }
}

void validate(const Config& c) {
    static const std::set<std::string> levels = {"trace", "debug", "info", "warn", "error", "off"};
    if (!levels.count(c.log_level))
        throw ConfigError("log_level \"" + c.log_level +
                          "\" is not one of trace, debug, info, warn, error, off");
    for (const auto& who : c.coordinators) {
        const auto colon = who.find(':');
        const std::string platform = who.substr(0, colon);
        if (colon == std::string::npos || colon + 1 == who.size() ||
            (platform != "slack" && platform != "matrix" && platform != "console"))
            throw ConfigError("coordinator \"" + who +
                              "\" must be written platform:user, e.g. slack:U0123ABCD, "
                              "matrix:@carol:example.org or console:carol");
    }
    if (c.slack.configured() && (c.slack.app_token.empty() || c.slack.bot_token.empty()))
        throw ConfigError("Slack needs both SLACK_APP_TOKEN (xapp-…) and SLACK_BOT_TOKEN (xoxb-…)");
    if (!c.slack.app_token.empty() && c.slack.app_token.rfind("xapp-", 0) != 0)
        throw ConfigError("SLACK_APP_TOKEN must be an app-level token starting with xapp-");
    if (!c.slack.bot_token.empty() && c.slack.bot_token.rfind("xoxb-", 0) != 0)
        throw ConfigError("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
    if (c.matrix.configured() && c.matrix.access_token.empty() &&
        (c.matrix.user.empty() || c.matrix.password.empty()))
        throw ConfigError("Matrix needs MATRIX_ACCESS_TOKEN, or MATRIX_USER and MATRIX_PASSWORD");
    if (!c.matrix.configured() && (!c.matrix.access_token.empty() || !c.matrix.password.empty()))
        throw ConfigError("MATRIX_HOMESERVER is not set, so the Matrix credentials have no server");
}

}  // namespace

Environment process_environment() {
    return [](const std::string& name) -> std::optional<std::string> {
        if (const char* v = std::getenv(name.c_str())) return std::string(v);
        return std::nullopt;
    };
}

Config load_config(const std::optional<std::string>& file, const Environment& env) {
    Config c;
    if (file) read_file(c, *file);
    read_environment(c, env);
    validate(c);
    return c;
}

}  // namespace mentorbot
