// bench/reminders: the reminder engine at scale — 100,000 pairs with 1,000,000 pending
// reminders. Prints the time from process start to the first timer armed, peak memory, and the
// firing rate when 10,000 reminders fall due in the same minute.
//
//   reminder_bench [--pairs N] [--per-pair M] [--same-minute K] [--db PATH]
//
// It runs itself three times: once to fill the database, then twice as a fresh process — to
// arm the timer, and to fire — so each figure is that of a process that starts like the bot.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "handlers/reminder_engine.hpp"
#include "storage/store.hpp"

using namespace mentorbot;
using Clock = std::chrono::steady_clock;

namespace {

const Clock::time_point g_started = Clock::now();
const Instant kNow{std::chrono::seconds{1'800'000'000}};  // 2027-01-15
const Instant kBurst = kNow + std::chrono::hours{24};

long peak_rss_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

void fill(const std::string& path, int pairs, int per_pair, int same_minute) {
    std::filesystem::remove(path);
    Store store(path);
    Database::Transaction tx(store.db);
    int burst_left = same_minute;
    for (int p = 0; p < pairs; ++p) {
        const Person mentor = store.people.find_or_create(Platform::slack, "UM" + std::to_string(p),
                                                          "mentor" + std::to_string(p), kNow);
        const Person mentee = store.people.find_or_create(Platform::slack, "UE" + std::to_string(p),
                                                          "mentee" + std::to_string(p), kNow);
        const Pair pair = store.pairs.create(Platform::slack, mentor.id, mentee.id, mentor.id,
                                             std::nullopt, kNow);
        for (int r = 0; r < per_pair; ++r) {
            Reminder reminder;
            reminder.pair = pair.id;
            reminder.kind = "retro";
            // Spread over the next 90 days; the burst all falls in one minute.
            const bool burst =
                burst_left > 0 && r == 0 && p % std::max(1, pairs / same_minute) == 0;
            if (burst) --burst_left;
            reminder.due_at =
                burst ? kBurst + std::chrono::seconds{p % 60}
                      : kBurst + std::chrono::hours{1} +
                            std::chrono::seconds{(p * 7919L + r * 104729L) % (90L * 86400)};
            store.reminders.add(reminder);
        }
    }
    tx.commit();
}

int arm(const std::string& path) {
    Store store(path);
    const auto next = store.reminders.next_due();
    const double ms = ms_since(g_started);
    std::printf("start to first timer armed: %.1f ms (next reminder in %lld s; %zu pending)\n", ms,
                next ? static_cast<long long>((*next - kNow).count()) : -1LL,
                store.reminders.pending_count());
    std::printf("peak memory while arming: %.1f MiB\n", peak_rss_kib() / 1024.0);
    return next ? 0 : 1;
}

int fire(const std::string& path, int same_minute) {
    Store store(path);
    Settings settings;
    const Instant at = kBurst + std::chrono::seconds{59};
    const auto t0 = Clock::now();
    std::size_t sent = 0, batches = 0;
    for (;;) {
        const FireReport r = fire_due(store, settings, at);
        if (r.sent + r.dropped == 0) break;
        sent += r.sent;
        ++batches;
    }
    const double seconds = ms_since(t0) / 1000.0;
    std::printf(
        "fired %zu reminders due in the same minute in %.2f s: %.0f reminders/s (%zu batches)\n",
        sent, seconds, sent / seconds, batches);
    std::printf("peak memory while firing: %.1f MiB (%zu still pending)\n", peak_rss_kib() / 1024.0,
                store.reminders.pending_count());
    return sent == static_cast<std::size_t>(same_minute) ? 0 : 1;
}

int run_child(const char* self, const std::string& phase, const std::string& path,
              int same_minute) {
    const pid_t pid = fork();
    if (pid == 0) {
        const std::string k = std::to_string(same_minute);
        execl(self, self, "--phase", phase.c_str(), "--db", path.c_str(), "--same-minute",
              k.c_str(), nullptr);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace

int main(int argc, char** argv) {
    int pairs = 100'000, per_pair = 10, same_minute = 10'000;
    std::string db =
        (std::filesystem::temp_directory_path() / "mentorbot-reminder-bench.db").string();
    std::string phase;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--pairs")
            pairs = std::stoi(v);
        else if (k == "--per-pair")
            per_pair = std::stoi(v);
        else if (k == "--same-minute")
            same_minute = std::stoi(v);
        else if (k == "--db")
            db = v;
        else if (k == "--phase")
            phase = v;
        else {
            std::fprintf(
                stderr,
                "usage: reminder_bench [--pairs N] [--per-pair M] [--same-minute K] [--db PATH]\n");
            return 2;
        }
    }
    if (phase == "arm") return arm(db);
    if (phase == "fire") return fire(db, same_minute);

    const auto t0 = Clock::now();
    fill(db, pairs, per_pair, same_minute);
    std::printf("filled %d pairs with %lld pending reminders in %.1f s\n", pairs,
                static_cast<long long>(pairs) * per_pair, ms_since(t0) / 1000.0);
    std::fflush(stdout);
    int rc = run_child(argv[0], "arm", db, same_minute);
    rc |= run_child(argv[0], "fire", db, same_minute);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    return rc;
}
