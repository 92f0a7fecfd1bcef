// bot/command_runner: runs platform commands on the storage thread, committing those that arrive
// together in one transaction.
#include "bot/command_runner.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/this_coro.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace mentorbot {
namespace asio = boost::asio;

CommandRunner::CommandRunner(StorageThread& storage, const Settings& settings, const Clock& clock)
    : storage_(storage), settings_(settings), clock_(clock) {}

asio::awaitable<Dispatched> CommandRunner::run(Command command) {
    auto caller = co_await asio::this_coro::executor;
    auto initiate = [this, caller](Completion done, Command c) {
        asio::post(storage_.executor(), [this, caller, c = std::move(c),
                                         done = std::move(done)]() mutable {
            pending_.push_back({std::move(c), std::move(done), caller});
            if (!draining_) {
                draining_ = true;
                asio::post(storage_.executor(), [this] { drain(); });
            }
        });
    };
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(Dispatched)>(
        initiate, asio::use_awaitable, std::move(command));
}

void CommandRunner::drain() {
    std::deque<Pending> batch;
    batch.swap(pending_);
    draining_ = false;
    const Instant now = clock_.now();
    std::vector<Dispatched> results(batch.size());
    Store& store = storage_.store();
    try {
        Database::Transaction tx(store.db);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const Command& c = batch[i].command;
            try {
                results[i] = dispatch(c, store, settings_, now);
            } catch (const std::exception& e) {
                // Only the verb is logged: the rest of the text may be private.
                spdlog::error("{} command \"{}\" from {} failed: {}", to_string(c.platform),
                              c.text.substr(0, c.text.find(' ')), c.user, e.what());
                results[i] = Dispatched{internal_error_answer(), false, 0};
            }
        }
        tx.commit();
    } catch (const std::exception& e) {
        spdlog::error("a batch of {} commands could not be committed: {}", batch.size(), e.what());
        for (auto& r : results) r = Dispatched{internal_error_answer(), false, 0};
    }
    ++batches_;
    commands_ += batch.size();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        // Each caller resumes on its own executor.
        asio::post(batch[i].caller, [done = std::move(batch[i].done),
                                     r = std::move(results[i])]() mutable {
            std::move(done)(std::move(r));
        });
    }
    if (on_committed_) on_committed_();
}

}  // namespace mentorbot
