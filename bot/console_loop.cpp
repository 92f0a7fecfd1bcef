// bot/console_loop: runs the console transport on standard input and output, on the simulated
// clock (one line after another) or in real time (reminders fire while you type).
#include "bot/console_loop.hpp"

#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <csignal>
#include <iostream>
#include <sstream>
#include <thread>

#include "bot/console.hpp"
#include "handlers/when.hpp"

namespace mentorbot {
namespace asio = boost::asio;

std::optional<Instant> parse_simulated_start(const std::string& text, const std::string& zone_name) {
    const date::time_zone* zone = find_zone(zone_name);
    if (!zone) return std::nullopt;
    std::string t = text;
    if (t.size() > 10 && (t[10] == 'T' || t[10] == 't')) t[10] = ' ';
    for (const char* format : {"%F %H:%M:%S", "%F %H:%M"}) {
        std::istringstream in(t);
        date::local_seconds local;
        in >> date::parse(format, local);
        if (!in.fail() && in.peek() == std::char_traits<char>::eof()) return to_instant(local, zone);
    }
    return std::nullopt;
}

namespace {

volatile std::sig_atomic_t g_stop_signal = 0;

// SIGINT/SIGTERM interrupt the blocking read (no SA_RESTART), so the loop ends and the database
// is closed normally.
void stop_reading_on_signals() {
    struct sigaction action {};
    action.sa_handler = [](int signal) { g_stop_signal = signal; };
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int run_simulated(ConsoleSession& session, bool interactive) {
    stop_reading_on_signals();
    std::string line;
    if (interactive) std::cout << session.prompt() << std::flush;
    while (!g_stop_signal && std::getline(std::cin, line)) {
        if (!session.handle_line(line)) return 0;
        if (interactive) std::cout << session.prompt() << std::flush;
    }
    if (g_stop_signal) return 0;
    session.deliver_due();
    return 0;
}

// Real time: a reader thread hands lines to the I/O thread, where one timer is armed for the
// earliest queued message.
int run_real_time(ConsoleSession& session, const Clock& clock, bool interactive) {
    asio::io_context io;
    asio::steady_timer timer(io);
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](auto, int) { io.stop(); });

    std::function<void()> arm = [&] {
        timer.cancel();
        auto next = session.next_due();
        if (!next) return;
        const auto wait = std::max(std::chrono::seconds{0}, *next - clock.now());
        timer.expires_after(wait + std::chrono::milliseconds{50});
        timer.async_wait([&](const boost::system::error_code& ec) {
            if (ec) return;
            session.deliver_due();
            if (interactive) std::cout << session.prompt() << std::flush;
            arm();
        });
    };
    auto work = asio::make_work_guard(io);
    std::thread reader([&] {
        std::string line;
        while (std::getline(std::cin, line)) {
            asio::post(io, [&session, &io, &arm, interactive, line] {
                if (!session.handle_line(line)) return io.stop();
                if (interactive) std::cout << session.prompt() << std::flush;
                arm();
            });
        }
        asio::post(io, [&] {
            session.deliver_due();
            io.stop();
        });
    });
    if (interactive) std::cout << session.prompt() << std::flush;
    arm();
    io.run();
    reader.detach();  // still blocked on input after /quit or a signal; the process is ending
    return 0;
}

}  // namespace

int run_console(Store& store, const Settings& settings, const ConsoleOptions& options) {
    const date::time_zone* zone = find_zone(options.zone);
    if (!zone) zone = date::locate_zone("UTC");
    Settings console_settings = settings;
    console_settings.default_zone = zone->name();

    SystemClock system_clock;
    std::optional<ManualClock> manual;
    if (options.simulated_start) manual.emplace(*options.simulated_start);
    const Clock& clock = manual ? static_cast<const Clock&>(*manual) : system_clock;

    const bool interactive = isatty(STDIN_FILENO) != 0;
    ConsoleSession session(store, console_settings, clock, manual ? &*manual : nullptr, std::cout,
                           zone, options.first_person);
    if (interactive) session.print_banner();
    session.deliver_due();  // whatever was queued while the bot was not running
    return manual ? run_simulated(session, interactive) : run_real_time(session, clock, interactive);
}

}  // namespace mentorbot
