// storage/checkpointer: copies the write-ahead log back into the database file on a connection
// and thread of its own, so a commit never waits for a checkpoint's writes and fsyncs.
#include "storage/checkpointer.hpp"

#include <SQLiteCpp/Database.h>

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
    // The log keeps its length after a checkpoint until the writer starts it over, so count from
    // the last request: one checkpoint per `pages_` new pages, not one per commit.
    if (pages < asked_at_) asked_at_ = 0;  // the log was started over
    if (pages - asked_at_ < pages_) return;
    asked_at_ = pages;
    {
        std::lock_guard lock(mutex_);
        if (requested_ || stopping_) return;
        requested_ = true;
        if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    }
    wake_.notify_one();
}

int Checkpointer::completed() {
    std::lock_guard lock(mutex_);
    return completed_;
}

void Checkpointer::run() {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    db.setBusyTimeout(5000);
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return requested_ || stopping_; });
        if (stopping_) return;
        lock.unlock();
        // PASSIVE: copies what it can without ever blocking the writer. Once everything is
        // copied, the writer's next transaction starts the log from its beginning again.
        bool done = false;
        try {
            db.exec("PRAGMA wal_checkpoint(PASSIVE)");
            done = true;
        } catch (const std::exception&) {
            // busy or a transient I/O error: the next commit past the mark asks again
        }
        lock.lock();
        requested_ = false;
        completed_ += done;
    }
}

}  // namespace mentorbot
