// bench/slack_commands: drives the bot through the fake Slack (TLS websocket + HTTPS Web API on
// loopback) with `/mentor` commands against a SQLite file — 20,000 with 64 always in flight (its
// capacity), then 20,000 offered at a steady 25,000/s (its latency under that load) — and prints
// throughput, ack latency p50/p99/max, CPU a command (in all and by thread) and peak memory.
// Every command is committed before its ack.
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "bench/process_cpu.hpp"
#include "bot/logging.hpp"
#include "bot/service.hpp"
#include "bot/slack/slack_transport.hpp"
#include "storage/log_writes.hpp"
#include "support/fake_slack.hpp"

using namespace mentorbot;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

namespace {

// What each thread of the process has used so far, by thread name (mb-network, mb-storage,
// mb-checkpoint, fake-slack, bench-driver): CPU seconds from /proc/self/task/*/schedstat
// (nanoseconds), and how often it went to sleep waiting for work (voluntary context switches,
// from its status). Each sleep costs a wakeup later: on this VM that is what makes a command
// dearer when few arrive together (docs/benchmarks.md, round 14).
struct ThreadUse {
    double cpu = 0;
    double sleeps = 0;
};
std::map<std::string, ThreadUse> use_by_thread() {
    std::map<std::string, ThreadUse> out;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream comm(task.path() / "comm"), schedstat(task.path() / "schedstat"),
            status(task.path() / "status");
        std::string name, line;
        double ns = 0;
        if (!std::getline(comm, name) || !(schedstat >> ns)) continue;
        ThreadUse& use = out[name];
        use.cpu += ns / 1e9;
        while (std::getline(status, line))
            if (line.starts_with("voluntary_ctxt_switches:"))
                use.sleeps += std::atof(line.c_str() + line.find(':') + 1);
    }
    return out;
}

// What kept the bot's storage thread longer than kStall (the commands that arrive meanwhile
// wait): how often and how long in all, by what it was. Filled on the storage thread.
constexpr auto kStall = 500us;
struct Stalls {
    int count = 0;
    Steady::duration took{};
};
class StallLog {
  public:
    void add(std::string what, Steady::duration took) {
        // "mentorbot::OutboxPump::run()::{lambda(mentorbot::Store&)#1}" -> "OutboxPump::run() #1"
        for (std::size_t at; (at = what.find("mentorbot::")) != std::string::npos;)
            what.erase(at, 11);
        if (const auto at = what.find("::{lambda(Store&)#"); at != std::string::npos)
            what = what.substr(0, at) + " #" + what.substr(at + 18, what.size() - at - 19);
        std::lock_guard lock(mutex_);
        Stalls& s = by_what_[what];
        ++s.count;
        s.took += took;
    }
    std::map<std::string, Stalls> take() {
        std::lock_guard lock(mutex_);
        return std::exchange(by_what_, {});
    }

  private:
    std::mutex mutex_;
    std::map<std::string, Stalls> by_what_;
};

struct Figures {
    double seconds = 0, cpu = 0;
    std::map<std::string, ThreadUse> by_thread;
    std::map<std::string, Stalls> stalls;  // of the storage thread, by what it was
    std::size_t batches = 0;               // transactions the commands shared
    std::uint64_t log_writes = 0;          // writes of the log (storage/log_writes)
    int acked = 0, answered_in_ack = 0;
    std::vector<Steady::duration> latency;  // sorted
};

// Sends `total` commands through the fake and waits for every ack. With rate 0 the next command
// leaves as soon as an ack frees a place among the `window` in flight, and its latency counts
// from then; with a rate, command n is due at start + n / rate and its latency counts from that
// moment even when the window held it back.
Figures drive(testing::FakeSlack& fake, StallLog& stalls, const std::string& text, int total,
              int window, double rate, const std::string& id_prefix) {
    std::vector<Steady::time_point> due(total);
    Figures f;
    f.latency.resize(total);
    std::mutex mutex;
    std::condition_variable all_acked;
    int next = 0;
    Steady::time_point start;
    auto due_at = [&](int n) {
        return start + std::chrono::duration_cast<Steady::duration>(
                           std::chrono::duration<double>(n / rate));
    };
    std::vector<testing::FakeSlack::Slash> leaving;
    auto send_due = [&](Steady::time_point now) {  // with `mutex` held
        // Commands due together leave together, as Slack sends envelopes that are ready at once.
        leaving.clear();
        while (next < total && next - f.acked < window && (rate == 0 || due_at(next) <= now)) {
            const int n = next++;
            due[n] = rate == 0 ? Steady::now() : due_at(n);
            leaving.push_back(
                {text, "U" + std::to_string(n % 64), "C1", id_prefix + std::to_string(n)});
        }
        if (!leaving.empty()) fake.send_slashes(leaving);
    };
    fake.on_ack([&](const testing::FakeSlack::Ack& ack) {
        if (!ack.envelope_id.starts_with(id_prefix)) return;
        std::lock_guard lock(mutex);
        const int n = std::stoi(ack.envelope_id.substr(id_prefix.size()));
        f.latency[n] = ack.at - due[n];
        f.answered_in_ack += ack.answered;
        if (++f.acked == total) all_acked.notify_all();
        send_due(ack.at);
    });
    const double cpu_before = bench::process_cpu_seconds();
    const auto threads_before = use_by_thread();
    stalls.take();  // before this phase
    std::unique_lock lock(mutex);
    start = Steady::now();
    send_due(start);
    const auto give_up = start + 120s;
    while (f.acked < total && Steady::now() < give_up) {
        if (rate == 0 || next == total) {
            all_acked.wait_until(lock, give_up, [&] { return f.acked == total; });
        } else {
            // Wake for the next command due, but not more often than every half millisecond:
            // commands due meanwhile leave together.
            const auto wake = std::max(due_at(next), Steady::now() + 500us);
            lock.unlock();
            std::this_thread::sleep_until(wake);
            lock.lock();
            send_due(Steady::now());
        }
    }
    f.seconds = std::chrono::duration<double>(Steady::now() - start).count();
    f.cpu = bench::process_cpu_seconds() - cpu_before;
    f.by_thread = use_by_thread();
    f.stalls = stalls.take();
    for (auto& [name, use] : f.by_thread) {
        auto before = threads_before.find(name);
        if (before == threads_before.end()) continue;
        use.cpu -= before->second.cpu;
        use.sleeps -= before->second.sleeps;
    }
    lock.unlock();
    fake.on_ack(nullptr);
    std::sort(f.latency.begin(), f.latency.begin() + f.acked);
    return f;
}

// Transactions the bot's commands have shared so far, read on the storage thread that counts them.
std::size_t batches_so_far(Service& service) {
    std::promise<std::size_t> batches;
    boost::asio::post(service.storage().executor(),
                      [&] { batches.set_value(service.commands().batches()); });
    return batches.get_future().get();
}

// `value` with `decimals` digits after the point.
std::string fixed(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

int report(const std::string& phase, const Figures& f, int total) {
    auto ms = [](Steady::duration d) {
        return std::chrono::duration<double, std::milli>(d).count();
    };
    std::printf("%s:\n", phase.c_str());
    if (f.acked < total) {
        std::printf("  only %d of %d commands were acked\n", f.acked, total);
        return 1;
    }
    std::printf("  throughput:    %.0f commands/s (%.2f s), %d answered in the ack\n",
                total / f.seconds, f.seconds, f.answered_in_ack);
    std::printf("  ack latency:   p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                ms(f.latency[total / 2]), ms(f.latency[std::min(total - 1, total * 99 / 100)]),
                ms(f.latency.back()));
    std::printf("  transactions:  %zu (%.1f commands each, %.2f writes of the log each)\n",
                f.batches, f.batches ? static_cast<double>(total) / f.batches : 0.0,
                f.batches ? static_cast<double>(f.log_writes) / f.batches : 0.0);
    std::printf("  CPU used:      %.2f s user+sys (%.0f µs a command), %.2f cores busy\n", f.cpu,
                f.cpu / total * 1e6, f.cpu / f.seconds);
    // The threads that did something (at least 0.5 µs a command), one line of each figure.
    std::string cpu_line, sleeps_line;
    for (const auto& [name, use] : f.by_thread) {
        if (use.cpu * 1e6 / total < 0.5) continue;
        cpu_line += " " + name + " " + fixed(use.cpu * 1e6 / total, 1);
        sleeps_line += " " + name + " " + fixed(use.sleeps / total, 2);
    }
    std::printf("  by thread:    %s (µs a command)\n", cpu_line.c_str());
    std::printf("  sleeps:       %s (a command: times the thread waited for work)\n",
                sleeps_line.c_str());
    Stalls all;
    for (const auto& [what, s] : f.stalls) {
        all.count += s.count;
        all.took += s.took;
    }
    std::printf("  storage stops: %d over %.1f ms, %.1f ms in all", all.count, ms(kStall),
                ms(all.took));
    for (const auto& [what, s] : f.stalls)
        std::printf("%s %s %d (%.1f ms)", &what == &f.stalls.begin()->first ? ":" : ",",
                    what.c_str(), s.count, ms(s.took));
    std::printf("\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const int total = argc > 1 ? std::atoi(argv[1]) : 20'000;
    const int window = argc > 2 ? std::atoi(argv[2]) : 64;
    // Each of the 64 users is in one pair, so `action add` needs no pair selector; the item is a
    // new row (with its per-pair number) plus the answer listing it.
    const std::string text = argc > 3 ? argv[3] : "action add read the chapter on feedback";
    // The offered load of the second phase (0 skips it).
    const double rate = argc > 4 ? std::atof(argv[4]) : 25'000;
    init_logging("warn");
    pthread_setname_np(pthread_self(), "bench-driver");

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
        StallLog stalls;  // before the service: its storage thread reports here until it stops
        Service service(store, settings, clock);
        service.storage().watch_stalls(kStall, [&](const std::string& what, Steady::duration took) {
            stalls.add(what, took);
        });
        SlackOptions options;
        options.config = {"xapp-1-bench", "xoxb-bench", fake.api_url()};
        service.add(std::make_unique<SlackTransport>(service.io().get_executor(), service.storage(),
                                                     service.commands(), options));
        auto running = std::async(std::launch::async, [&] {
            pthread_setname_np(pthread_self(), "mb-network");
            return service.run();
        });
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

        // 1. Saturation: a closed loop with `window` commands always in flight. Its throughput is
        //    the bot's capacity; its latency is mostly queueing (mean = window / throughput).
        fake.keep_acks(false);  // the fake's own bookkeeping stays out of the figures
        std::size_t batches = batches_so_far(service);
        std::uint64_t log_writes = log_write_counts().writes;
        Figures closed = drive(fake, stalls, text, total, window, 0, "bench-");
        closed.batches = batches_so_far(service) - batches;
        closed.log_writes = log_write_counts().writes - log_writes;
        // 2. A steady offered load: commands are sent at `rate` per second (at most `window`
        //    unacked); each latency counts from the moment its command was due to be sent, so a
        //    bot that falls behind is charged for the wait as well.
        std::optional<Figures> paced;
        if (rate > 0) {
            batches = batches_so_far(service);
            log_writes = log_write_counts().writes;
            paced = drive(fake, stalls, text, total, window, rate, "paced-");
            paced->batches = batches_so_far(service) - batches;
            paced->log_writes = log_write_counts().writes - log_writes;
        }
        service.stop();
        const int restarts = store.db.checkpoints();
        const int finished_by_writer = store.db.checkpoints_finished_by_writer();
        running.get();

        std::printf(
            "commands:        %d per phase (\"/mentor %s\", at most %d in flight, %d users)\n",
            total, text.c_str(), window, 64);
        std::printf(
            "log restarts:    %d in both phases, %d of them finished by the bot's storage thread "
            "(its commands wait for two fsyncs)\n",
            restarts, finished_by_writer);
        exit_code |=
            report("saturation (closed loop, always " + std::to_string(window) + " in flight)",
                   closed, total);
        if (paced)
            exit_code |= report(
                "steady load (" + std::to_string(static_cast<int>(rate)) + " commands/s offered)",
                *paced, total);
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("peak memory:     %.1f MiB (bot and fake Slack in one process)\n",
                    usage.ru_maxrss / 1024.0);
    }
    std::filesystem::remove_all(dir);
    return exit_code;
}
