// bench/slack_commands: drives the bot through the fake Slack (TLS websocket + HTTPS Web API on
// loopback) with 20,000 `/mentor` commands, 64 in flight, against a SQLite file; prints
// throughput, ack latency p50/p99/max and peak memory. Every command is committed before its ack.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <future>
#include <mutex>

#include "bot/logging.hpp"
#include "bot/service.hpp"
#include "bot/slack/slack_transport.hpp"
#include "support/fake_slack.hpp"

using namespace mentorbot;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

namespace {

// User and system CPU time of the whole process (bot and fake Slack) so far.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto s = [](timeval t) { return t.tv_sec + t.tv_usec / 1e6; };
    return s(usage.ru_utime) + s(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
    const int total = argc > 1 ? std::atoi(argv[1]) : 20'000;
    const int window = argc > 2 ? std::atoi(argv[2]) : 64;
    // Each of the 64 users is in one pair, so `action add` needs no pair selector; the item is a
    // new row (with its per-pair number) plus the answer listing it.
    const std::string text = argc > 3 ? argv[3] : "action add read the chapter on feedback";
    init_logging("warn");

    auto& ca = testing::TestCa::trusted();
    testing::FakeSlack fake(ca.server_certificate(), "xapp-1-bench", "xoxb-bench");
    const auto dir =
        std::filesystem::temp_directory_path() / ("mentorbot-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    int exit_code = 0;
    {
        Store store((dir / "bench.db").string());
        Settings settings;
        SystemClock clock;
        Service service(store, settings, clock);
        SlackOptions options;
        options.config = {"xapp-1-bench", "xoxb-bench", fake.api_url()};
        service.add(std::make_unique<SlackTransport>(service.io().get_executor(), service.storage(),
                                                     service.commands(), options));
        auto running = std::async(std::launch::async, [&] { return service.run(); });
        if (!fake.wait_for_links(1, 5s)) {
            std::fprintf(stderr, "the bot did not connect\n");
            return 1;
        }

        // Not timed: user 2k pairs themself with user 2k+1 (32 pairs, 64 people).
        for (int k = 0; k < 32; ++k) {
            const std::string id = "pairing-" + std::to_string(k);
            fake.send_slash(
                "pair <@U" + std::to_string(2 * k) + "> <@U" + std::to_string(2 * k + 1) + ">",
                "U" + std::to_string(2 * k), "C1", id);
            if (!fake.wait_for_ack(id, 10s)) {
                std::fprintf(stderr, "pairing was not acked\n");
                return 1;
            }
        }

        std::vector<Steady::time_point> sent(total);
        std::vector<Steady::duration> latency(total);
        std::mutex mutex;
        int next = 0, acked = 0, answered_in_ack = 0;
        std::promise<void> all_acked;
        auto send_one = [&] {  // with `mutex` held
            const int n = next++;
            sent[n] = Steady::now();
            fake.send_slash(text, "U" + std::to_string(n % 64), "C1", "bench-" + std::to_string(n));
        };
        fake.keep_acks(false);  // the fake's own bookkeeping stays out of the figures
        fake.on_ack([&](const testing::FakeSlack::Ack& ack) {
            std::lock_guard lock(mutex);
            const int n = std::stoi(ack.envelope_id.substr(6));
            latency[n] = ack.at - sent[n];
            answered_in_ack += ack.answered;
            if (++acked == total)
                all_acked.set_value();
            else if (next < total)
                send_one();
        });
        const double cpu_before = cpu_seconds();
        const auto start = Steady::now();
        {
            std::lock_guard lock(mutex);
            for (int i = 0; i < std::min(window, total); ++i) send_one();
        }
        if (all_acked.get_future().wait_for(120s) != std::future_status::ready) {
            std::fprintf(stderr, "only %d of %d commands were acked\n", acked, total);
            exit_code = 1;
        }
        const double seconds = std::chrono::duration<double>(Steady::now() - start).count();
        const double cpu = cpu_seconds() - cpu_before;
        service.stop();
        running.get();

        std::sort(latency.begin(), latency.end());
        auto ms = [](Steady::duration d) {
            return std::chrono::duration<double, std::milli>(d).count();
        };
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("commands:        %d (\"/mentor %s\", %d in flight, %d users)\n", total,
                    text.c_str(), window, 64);
        std::printf("answered in ack: %d\n", answered_in_ack);
        std::printf("transactions:    %zu (commands that arrive together share one)\n",
                    service.commands().batches());
        std::printf("throughput:      %.0f commands/s (%.2f s)\n", total / seconds, seconds);
        std::printf("ack latency:     p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                    ms(latency[total / 2]), ms(latency[std::min(total - 1, total * 99 / 100)]),
                    ms(latency.back()));
        std::printf("CPU used:        %.2f s user+sys, %.2f of the machine's cores busy\n", cpu,
                    cpu / seconds);
        std::printf("peak memory:     %.1f MiB (bot and fake Slack in one process)\n",
                    usage.ru_maxrss / 1024.0);
    }
    std::filesystem::remove_all(dir);
    return exit_code;
}
