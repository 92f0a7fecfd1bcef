// bot/main: the mentorbot command line — reads config, opens the database, starts the transports.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "bot/console_loop.hpp"
#include "bot/logging.hpp"
#include "bot/matrix/transport.hpp"
#include "bot/service.hpp"
#include "bot/slack/slack_transport.hpp"
#include "config/config.hpp"
#include "handlers/when.hpp"
#include "storage/store.hpp"

namespace {

std::string default_console_zone(const mentorbot::Config& config, bool zone_configured) {
    if (zone_configured) return config.default_timezone;
    try {
        return date::current_zone()->name();
    } catch (const std::exception&) {
        return "UTC";
    }
}

}  // namespace

int main(int argc, char** argv) {
    using namespace mentorbot;
    CLI::App app{"mentorbot — runs mentorship programs in Slack, Matrix or the local console"};
    app.set_version_flag("--version", std::string("mentorbot ") + MENTORBOT_VERSION);
    app.fallthrough();
    std::optional<std::string> config_file, db_path, log_level;
    app.add_option("--config", config_file, "TOML config file (see config/mentorbot.example.toml)")
        ->check(CLI::ExistingFile);
    app.add_option("--db", db_path, "SQLite database file [env MENTORBOT_DB, default ./mentorbot.db]");
    app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off");

    auto* run = app.add_subcommand(
        "run", "connect to Slack and/or Matrix as configured; the console if neither is (default)");
    auto* console = app.add_subcommand("console", "the local console: act as several people");
    std::optional<std::string> simulated, tz;
    std::string as;
    for (auto* sub : {run, console}) {
        sub->add_option("--simulated-clock", simulated,
                        "console: start a simulated clock at this local time (2026-11-02T09:00); "
                        "time moves only with /wait");
        sub->add_option("--tz", tz, "console: the time zone of console people (Area/City)");
        sub->add_option("--as", as, "console: who acts first (default: your login name)");
    }
    app.require_subcommand(0, 1);
    CLI11_PARSE(app, argc, argv);

    Config config;
    try {
        config = load_config(config_file, process_environment());
    } catch (const ConfigError& e) {
        std::cerr << "mentorbot: " << e.what() << "\n";
        return 2;
    }
    const bool zone_configured = std::getenv("MENTORBOT_TIMEZONE") || config_file;
    if (db_path) config.database = *db_path;
    if (log_level) config.log_level = *log_level;
    try {
        init_logging(config.log_level);
    } catch (const std::exception&) {
        std::cerr << "mentorbot: --log-level must be trace, debug, info, warn, error or off\n";
        return 2;
    }
    if (!find_zone(config.default_timezone)) {
        std::cerr << "mentorbot: default_timezone \"" << config.default_timezone
                  << "\" is not an IANA time zone (e.g. Europe/Berlin)\n";
        return 2;
    }

    const bool use_console =
        console->parsed() || (!config.slack.configured() && !config.matrix.configured());
    if (!use_console) {
        try {
            Store store(config.database);
            spdlog::info("database {} at schema version {}", config.database,
                         store.db.schema_version());
            Settings settings{config.coordinators, config.default_timezone};
            SystemClock clock;
            Service service(store, settings, clock);
            if (config.slack.configured()) service.add(make_slack_transport(service, config.slack));
            if (config.matrix.configured())
                service.add(std::make_unique<MatrixTransport>(
                    service.io().get_executor(), service.storage(), settings, clock, config.matrix,
                    [&service] { service.wake_outbox(); }));
            return service.run();
        } catch (const std::exception& e) {
            spdlog::critical("{}", e.what());
            return 1;
        }
    }

    ConsoleOptions options;
    options.zone = tz.value_or(default_console_zone(config, zone_configured));
    if (!find_zone(options.zone)) {
        std::cerr << "mentorbot: --tz \"" << options.zone
                  << "\" is not an IANA time zone (e.g. Europe/Berlin)\n";
        return 2;
    }
    if (simulated) {
        options.simulated_start = parse_simulated_start(*simulated, options.zone);
        if (!options.simulated_start) {
            std::cerr << "mentorbot: --simulated-clock \"" << *simulated
                      << "\" is not a local date and time like 2026-11-02T09:00\n";
            return 2;
        }
    }
    const char* login = std::getenv("USER");
    options.first_person = !as.empty() ? as : (login && *login ? login : "me");

    try {
        Store store(config.database);
        spdlog::info("database {} at schema version {}", config.database, store.db.schema_version());
        Settings settings{config.coordinators, config.default_timezone};
        return run_console(store, settings, options);
    } catch (const std::exception& e) {
        spdlog::critical("{}", e.what());
        return 1;
    }
}
