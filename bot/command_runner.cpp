// bot/command_runner: runs platform commands on the storage thread, committing those that arrive
// together in one transaction.
#include "bot/command_runner.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>

#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace mentorbot {
namespace asio = boost::asio;

CommandRunner::CommandRunner(StorageThread& storage, const Settings& settings, const Clock& clock)
    : storage_(storage), settings_(settings), clock_(clock) {}

asio::awaitable<Dispatched> CommandRunner::run(Command command) {
    auto caller = co_await asio::this_coro::executor;
    auto initiate = [this, caller](Completion done, Command c) {
        submit(std::move(c), caller, std::move(done));
    };
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(Dispatched)>(
        initiate, asio::use_awaitable, std::move(command));
}

void CommandRunner::submit(Command command, asio::any_io_executor caller, Completion done) {
    asio::post(storage_.executor(), [this, caller = std::move(caller), c = std::move(command),
                                     done = std::move(done)]() mutable {
        pending_.push_back({std::move(c), std::move(done), std::move(caller)});
        if (!draining_) {
            draining_ = true;
            asio::post(storage_.executor(), [this] { drain(); });
        }
    });
}

void CommandRunner::drain() {
    const StorageThread::Timed timed(storage_, "a batch of commands");
    std::deque<Pending> batch;
    batch.swap(pending_);
    draining_ = false;
    const Instant now = clock_.now();
    std::vector<Dispatched> results(batch.size());
    Store& store = storage_.store();
    const std::uint64_t planned = store.reminders.plans_made();
    try {
        if (!write(batch, results, now, false)) {
            ++rewritten_;
            write(batch, results, now, true);
        }
    } catch (const std::exception& e) {
        spdlog::error("a batch of {} commands could not be committed: {}", batch.size(), e.what());
        for (auto& r : results) r = Dispatched{internal_error_answer(), false, 0};
    }
    ++batches_;
    commands_ += batch.size();
    // Each result counts the messages its command queued (none when it was undone). The
    // reminders have no such count: a batch rolled back may report them, one wake too many.
    const Committed committed{std::any_of(results.begin(), results.end(),
                                          [](const Dispatched& r) { return r.queued > 0; }),
                              store.reminders.plans_made() != planned};
    resume(batch, results);  // moves the results away
    if (on_committed_) on_committed_(committed);
}

bool CommandRunner::write(const std::deque<Pending>& batch, std::vector<Dispatched>& results,
                          Instant now, bool savepoints) {
    Store& store = storage_.store();
    Database::Transaction tx(store.db);
    std::optional<Database::SavepointFree> savepoint_free;
    if (!savepoints) savepoint_free.emplace(store.db);
    const std::uint64_t undone_before = store.db.undone();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const Command& c = batch[i].command;
        try {
            results[i] = dispatch(c, store, settings_, now);
        } catch (const std::exception& e) {
            if (savepoint_free) return false;  // written again with savepoints, which logs it
            // Only the verb is logged: the rest of the text may be private.
            spdlog::error("{} command \"{}\" from {} failed: {}", to_string(c.platform),
                          c.text.substr(0, c.text.find(' ')), c.user, e.what());
            results[i] = Dispatched{internal_error_answer(), false, 0};
        }
        // A command undone after writing, with no savepoint of its own: all is rolled back.
        if (savepoint_free && store.db.undone() != undone_before) return false;
    }
    tx.commit();
    return true;
}

void CommandRunner::resume(std::deque<Pending>& batch, std::vector<Dispatched>& results) {
    // Each caller resumes on its own executor, in the order the commands came; the callers that
    // share one (all of a platform's) are resumed by one handler, so a batch wakes a network
    // thread once instead of once per command.
    using Resumption = std::pair<Completion, Dispatched>;
    std::vector<std::pair<asio::any_io_executor, std::vector<Resumption>>> by_executor;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        auto group = std::find_if(by_executor.begin(), by_executor.end(),
                                  [&](const auto& g) { return g.first == batch[i].caller; });
        if (group == by_executor.end())
            group =
                by_executor.emplace(by_executor.end(), batch[i].caller, std::vector<Resumption>{});
        group->second.emplace_back(std::move(batch[i].done), std::move(results[i]));
    }
    for (auto& [executor, resumptions] : by_executor)
        asio::post(executor, [resumptions = std::move(resumptions)]() mutable {
            for (auto& [done, result] : resumptions) std::move(done)(std::move(result));
        });
}

}  // namespace mentorbot
