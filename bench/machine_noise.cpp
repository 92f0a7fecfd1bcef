// bench/machine_noise: what the machine itself does to a latency figure, with none of the bot
// running — how much a thread wake-up costs on the same vCPU and across vCPUs, how late timed
// wake-ups come, and how long a busy vCPU is stopped (by the host) with one and with both busy.
// The Slack benchmark's p99 cannot be lower than these allow (docs/benchmarks.md, round 15).
#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "bench/process_cpu.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using Micros = std::chrono::duration<double, std::micro>;
constexpr auto kWindow = std::chrono::milliseconds(800);  // as long as a benchmark phase
constexpr int kWindows = 8;

// Keeps the calling thread on one vCPU.
void keep_on(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

// Runs body(c) on a thread kept on vCPU c, for each of the first `cpus` vCPUs, and waits for all.
void on_each_vcpu(int cpus, const std::function<void(int)>& body) {
    std::vector<std::thread> threads;
    for (int c = 0; c < cpus; ++c)
        threads.emplace_back([&body, c] {
            keep_on(c);
            body(c);
        });
    for (auto& t : threads) t.join();
}

// Two threads hand a turn back and forth through a condition variable, as the bot's threads
// hand work over: wall time and CPU time of one round trip (two wake-ups).
void wake_up_round_trip(int cpu_a, int cpu_b) {
    constexpr int kRounds = 20'000;
    std::mutex mutex;
    std::condition_variable turned;
    int turn = 0;
    auto take_turns = [&](int me, int cpu) {
        keep_on(cpu);
        std::unique_lock lock(mutex);
        for (int i = 0; i < kRounds; ++i) {
            turned.wait(lock, [&] { return turn == me; });
            turn = 1 - me;
            turned.notify_one();
        }
    };
    const double cpu_before = mentorbot::bench::process_cpu_seconds();
    const auto start = Clock::now();
    std::thread a(take_turns, 0, cpu_a), b(take_turns, 1, cpu_b);
    a.join();
    b.join();
    const double wall = Micros(Clock::now() - start).count() / kRounds;
    const double cpu = (mentorbot::bench::process_cpu_seconds() - cpu_before) * 1e6 / kRounds;
    std::printf("  %-13s %6.1f µs a round trip, %5.1f µs of CPU\n",
                cpu_a == cpu_b ? "same vCPU:" : "across vCPUs:", wall, cpu);
}

// One thread per vCPU wakes every 200 µs: how late, per window.
void timed_wake_ups(int cpus) {
    std::printf("timed wake-ups every 200 µs on each vCPU, %d windows of %.1f s (late by):\n",
                kWindows, std::chrono::duration<double>(kWindow).count());
    std::vector<double> late_shares;
    double latest = 0;
    for (int w = 0; w < kWindows; ++w) {
        std::vector<double> worst(cpus, 0);
        std::vector<int> over(cpus, 0), count(cpus, 0);
        on_each_vcpu(cpus, [&](int c) {
            auto next = Clock::now();
            const auto end = next + kWindow;
            while (next < end) {
                next += std::chrono::microseconds(200);
                std::this_thread::sleep_until(next);
                const double late = Micros(Clock::now() - next).count();
                worst[c] = std::max(worst[c], late);
                over[c] += late > 1000;
                ++count[c];
            }
        });
        int all_over = 0, all = 0;
        std::printf("  window %d:", w + 1);
        for (int c = 0; c < cpus; ++c) {
            std::printf(" vCPU %d up to %.2f ms (%d over 1 ms)", c, worst[c] / 1e3, over[c]);
            all_over += over[c];
            all += count[c];
            latest = std::max(latest, worst[c]);
        }
        std::printf("\n");
        late_shares.push_back(100.0 * all_over / all);
    }
    std::sort(late_shares.begin(), late_shares.end());
    std::printf(
        "  over 1 ms late: median %.2f %% of wake-ups a window (worst %.2f %%); latest %.2f ms\n",
        late_shares[late_shares.size() / 2], late_shares.back(), latest / 1e3);
}

// Threads spin on `busy` vCPUs reading the clock; a gap between two readings longer than 0.1 ms
// is time the vCPU was taken away (by the host: nothing else runs in the guest).
void stops_while_busy(int busy) {
    std::vector<double> lost;  // ms a window, summed over the busy vCPUs
    double longest = 0;
    for (int w = 0; w < kWindows; ++w) {
        std::vector<double> gaps(busy, 0), max_gap(busy, 0);
        on_each_vcpu(busy, [&](int c) {
            auto last = Clock::now();
            const auto end = last + kWindow;
            while (last < end) {
                const auto now = Clock::now();
                const double gap = Micros(now - last).count();
                if (gap > 100) gaps[c] += gap;
                max_gap[c] = std::max(max_gap[c], gap);
                last = now;
            }
        });
        double sum = 0;
        for (int c = 0; c < busy; ++c) {
            sum += gaps[c] / 1e3;
            longest = std::max(longest, max_gap[c]);
        }
        lost.push_back(sum);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the host settle
    }
    std::sort(lost.begin(), lost.end());
    std::printf(
        "  %d vCPU%s busy: stopped %.1f ms a window (median; worst %.1f ms), longest stop "
        "%.2f ms\n",
        busy, busy == 1 ? " " : "s", lost[lost.size() / 2], lost.back(), longest / 1e3);
}

}  // namespace

int main() {
    // The two vCPUs of the machine the figures are for (hardware_concurrency may say 0: unknown).
    const int cpus = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 2u));
    std::printf("thread wake-up round trip (condition variable, 20,000 rounds):\n");
    wake_up_round_trip(0, 0);
    if (cpus > 1) wake_up_round_trip(0, 1);
    timed_wake_ups(cpus);
    std::printf(
        "vCPU stops while spinning (gaps over 0.1 ms between clock readings), %d windows:\n",
        kWindows);
    for (int busy = 1; busy <= cpus; ++busy) stops_while_busy(busy);
    return 0;
}
