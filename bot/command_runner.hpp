// bot/command_runner: runs platform commands on the storage thread. Commands that arrive while a
// batch is being written share one transaction, and one user's mistake undoes only their own
// command; each caller resumes only after the batch is committed.
#pragma once

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <deque>
#include <functional>
#include <vector>

#include "bot/clock.hpp"
#include "bot/storage_thread.hpp"
#include "handlers/command.hpp"
#include "handlers/dispatch.hpp"

namespace mentorbot {

class CommandRunner {
  public:
    CommandRunner(StorageThread& storage, const Settings& settings, const Clock& clock);

    using Completion = boost::asio::any_completion_handler<void(Dispatched)>;

    // Runs the command; resumes once its effects (and the messages it queued) are committed.
    boost::asio::awaitable<Dispatched> run(Command command);
    // The same without a coroutine: `done` is called on `caller` once the command's batch is
    // committed.
    void submit(Command command, boost::asio::any_io_executor caller, Completion done);

    // What a committed batch may have changed for the outbox pumps and the reminder timer.
    struct Committed {
        bool messages_queued = false;
        bool reminders_planned = false;  // added or moved (only these can come due sooner)
    };
    // Called on the storage thread after each commit, so that only what changed is woken.
    void on_committed(std::function<void(const Committed&)> callback) {
        on_committed_ = std::move(callback);
    }

    const Settings& settings() const { return settings_; }
    const Clock& clock() const { return clock_; }

    // Figures for benchmarks and tests (read them from the storage thread or after it stopped).
    std::size_t batches() const { return batches_; }
    std::size_t commands() const { return commands_; }
    // Batches written a second time, with a savepoint per command (see write).
    std::size_t rewritten() const { return rewritten_; }

  private:
    struct Pending {
        Command command;
        Completion done;
        boost::asio::any_io_executor caller;
    };
    void drain();
    // Runs the batch's commands in one transaction and commits it. With `savepoints` each
    // command runs in a savepoint of its own, so that one that fails undoes only its own work.
    // Without them (cheaper: SQLite copies each page a savepoint changes) a command that fails
    // after writing leaves nothing to roll back to but the whole batch: then nothing is
    // committed and it returns false, for the batch to be written again with savepoints.
    bool write(const std::deque<Pending>& batch, std::vector<Dispatched>& results, Instant now,
               bool savepoints);
    void resume(std::deque<Pending>& batch, std::vector<Dispatched>& results);

    StorageThread& storage_;
    const Settings& settings_;
    const Clock& clock_;
    std::function<void(const Committed&)> on_committed_;
    std::deque<Pending> pending_;  // touched only on the storage thread
    bool draining_ = false;
    std::size_t batches_ = 0, commands_ = 0, rewritten_ = 0;
};

}  // namespace mentorbot
