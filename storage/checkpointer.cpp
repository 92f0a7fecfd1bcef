// storage/checkpointer: copies the write-ahead log back into the database file on a connection
// and thread of its own, so a commit never waits for a checkpoint's writes and fsyncs.
#include "storage/checkpointer.hpp"

#include <pthread.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace mentorbot {

Checkpointer::Checkpointer(std::string path, int pages) : path_(std::move(path)), pages_(pages) {}

Checkpointer::~Checkpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

void Checkpointer::log_grew(int pages) {
    commits_.fetch_add(1, std::memory_order_relaxed);
    // The log keeps its length after a checkpoint until the writer starts it over, so count from
    // the last request: one checkpoint per `pages_` new pages, not one per commit.
    if (pages < asked_at_) asked_at_ = 0;  // the log was started over
    if (pages - asked_at_ < pages_) return;
    asked_at_ = pages;
    {
        std::lock_guard lock(mutex_);
        if (requested_ || stopping_) return;
        requested_ = true;
        if (!thread_.joinable())
            thread_ = std::thread([this] {
                pthread_setname_np(pthread_self(), "mb-checkpoint");
                run();
            });
    }
    wake_.notify_one();
}

bool Checkpointer::wait_completed(int count, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return progressed_.wait_for(lock, timeout, [&] { return completed_ >= count; });
}

int Checkpointer::completed() {
    std::lock_guard lock(mutex_);
    return completed_;
}

void Checkpointer::run() {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    db.setBusyTimeout(5000);
    std::unique_lock lock(mutex_);
    bool behind = false;  // the last pass left pages uncopied: the writer added them meanwhile
    for (;;) {
        if (behind)
            wake_.wait_for(lock, kRetry, [this] { return stopping_; });
        else
            wake_.wait(lock, [this] { return requested_ || stopping_; });
        if (stopping_) return;
        requested_ = false;
        lock.unlock();
        const auto commits_before = commits_.load(std::memory_order_relaxed);
        // PASSIVE: copies what it can without ever blocking the writer. Only a complete copy
        // with no commit since lets the writer's next transaction start the log from its
        // beginning again, so the pass is repeated shortly until one ends that way — as soon
        // as the writer pauses.
        try {
            SQLite::Statement checkpoint(db, "PRAGMA wal_checkpoint(PASSIVE)");
            behind = !checkpoint.executeStep() ||
                     checkpoint.getColumn(2).getInt() < checkpoint.getColumn(1).getInt();
        } catch (const std::exception&) {
            behind = true;  // busy or a transient I/O error: try again shortly
        }
        if (commits_.load(std::memory_order_relaxed) != commits_before) behind = true;
        lock.lock();
        if (!behind) ++completed_;
        progressed_.notify_all();
    }
}

}  // namespace mentorbot
