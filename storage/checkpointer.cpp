// storage/checkpointer: copies the write-ahead log back into the database file on a connection
// and thread of its own, so that a commit waits at most for the last few pages of a checkpoint.
#include "storage/checkpointer.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <utility>

namespace mentorbot {

namespace {

// Flushes one of the connection's files (`which`: SQLITE_FCNTL_FILE_POINTER for the database,
// SQLITE_FCNTL_JOURNAL_POINTER for the log) to the disk through SQLite's own file layer.
void sync(SQLite::Database& db, int which) {
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(db.getHandle(), "main", which, &file) == SQLITE_OK && file &&
        file->pMethods)
        file->pMethods->xSync(file, SQLITE_SYNC_NORMAL);
}

// True, and `mark` moves to `pages`, once the log has grown `step` pages past `mark`. The log
// keeps its length after a checkpoint until the writer starts it over, so a length below the mark
// means it was started over and counts from its beginning.
bool grew_past(int& mark, int pages, int step) {
    if (pages < mark) mark = 0;
    if (pages - mark < step) return false;
    mark = pages;
    return true;
}

}  // namespace

Checkpointer::Checkpointer(std::string path, int pages, int restart_pages, int limit_pages,
                           std::chrono::milliseconds retry)
    : path_(std::move(path)),
      pages_(pages),
      restart_pages_(restart_pages),
      limit_pages_(limit_pages),
      retry_(retry) {}

Checkpointer::~Checkpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
    if (log_fd_ >= 0) ::close(log_fd_);
}

void Checkpointer::start_writing_out_log(int pages) {
    if (!grew_past(written_out_at_, pages, kWriteOutPages)) return;
    ++write_outs_;
    if (pages > restart_pages_) {
        // Past the mark the log is waiting for a checkpoint to end: the writer writes out its
        // own pages, and so cannot outrun a background that is short of CPU.
        write_out_log();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        write_out_ = true;
        start_thread();
    }
    wake_.notify_one();
}

void Checkpointer::write_out_log() {
    int fd;
    {
        std::lock_guard lock(mutex_);  // opened by whichever thread comes first
        if (log_fd_ == kNotOpened)
            log_fd_ = ::open((path_ + "-wal").c_str(), O_RDONLY | O_CLOEXEC);  // no locks: header
        fd = log_fd_;
    }
    // Whatever of the log is dirty and not already on its way: without waiting, and not a sync
    // (a hint to the kernel: should it fail, the checkpoint's own sync writes the pages).
    if (fd >= 0) ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
}

void Checkpointer::start_thread() {
    if (!thread_.joinable())
        thread_ = std::thread([this] {
            pthread_setname_np(pthread_self(), "mb-checkpoint");
            run();
        });
}

bool Checkpointer::log_grew(int pages) {
    commits_.fetch_add(1, std::memory_order_relaxed);
    log_pages_.store(pages, std::memory_order_relaxed);
    if (hand_over_.exchange(false, std::memory_order_acquire)) return true;
    // One checkpoint per `pages_` new pages, not one per commit.
    if (!grew_past(asked_at_, pages, pages_)) return false;
    {
        std::lock_guard lock(mutex_);
        if (requested_ || stopping_) return false;
        requested_ = true;
        start_thread();
    }
    wake_.notify_one();
    return false;
}

void Checkpointer::committed(sqlite3* writer, int pages) {
    start_writing_out_log(pages);
    if (!log_grew(pages) && pages < limit_pages_) return;
    const int completed_before = completed();
    if (!defer_) {
        finish(writer, completed_before);
        return;
    }
    // Once: the commits before it runs (past the limit, each would ask) find it already queued.
    if (std::exchange(finish_queued_, true)) return;
    defer_([this, writer, completed_before] {
        finish_queued_ = false;
        finish(writer, completed_before);
    });
}

void Checkpointer::finish(sqlite3* writer, int completed_before) {
    int log = 0;
    int copied = 0;
    const int rc =
        sqlite3_wal_checkpoint_v2(writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
    if (rc == SQLITE_BUSY) {
        hand_over_.store(true, std::memory_order_release);  // mid-pass: after the next commit
        return;
    }
    if (rc == SQLITE_OK && copied == log) completed_since(completed_before, true);
    // else the background looks again shortly
}

void Checkpointer::completed_since(int completed_before, bool by_writer) {
    std::lock_guard lock(mutex_);
    // Whatever a look handed over meanwhile is copied now.
    hand_over_.store(false, std::memory_order_relaxed);
    if (completed_ != completed_before) return;  // the other side completed this one first
    ++completed_;
    if (by_writer) ++finished_by_writer_;
    progressed_.notify_all();
}

bool Checkpointer::wait_completed(int count, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return progressed_.wait_for(lock, timeout, [&] { return completed_ >= count; });
}

int Checkpointer::completed() {
    std::lock_guard lock(mutex_);
    return completed_;
}

int Checkpointer::finished_by_writer() {
    std::lock_guard lock(mutex_);
    return finished_by_writer_;
}

Checkpointer::Progress Checkpointer::catch_up(SQLite::Database& db, int completed_before) {
    for (int passes = 1;; ++passes) {
        const auto commits_before = commits_.load(std::memory_order_relaxed);
        // PASSIVE: copies what it can without ever blocking the writer.
        Pass done;
        try {
            SQLite::Statement checkpoint(db, "PRAGMA wal_checkpoint(PASSIVE)");
            // (busy, log, copied); busy (the writer is finishing one) reports -1 pages of both
            if (checkpoint.executeStep() && checkpoint.getColumn(0).getInt() == 0)
                done = {true, checkpoint.getColumn(1).getInt(), checkpoint.getColumn(2).getInt()};
        } catch (const std::exception&) {
            // busy (the writer is finishing one) or a transient I/O error: try again shortly
        }
        if (!done.ok) return Progress::behind;
        // All of it with no commit meanwhile: SQLite synced the database file, and the writer's
        // next transaction starts the log over.
        if (done.copied == done.log && commits_.load(std::memory_order_relaxed) == commits_before)
            return Progress::complete;
        // Sync what this pass copied now, so the writer's final sync finds only its own pages.
        sync(db, SQLITE_FCNTL_FILE_POINTER);
        // A short log is left to grow: the next request copies on from here.
        if (done.log <= restart_pages_) return Progress::copied;
        if (log_pages_.load(std::memory_order_relaxed) - done.copied <= kFewPages ||
            passes == kMaxPasses) {
            sync(db, SQLITE_FCNTL_JOURNAL_POINTER);  // the pages the writer added meanwhile
            std::lock_guard lock(mutex_);
            // Not when the writer completed it meanwhile (what an earlier look handed over).
            if (completed_ != completed_before) return Progress::complete;
            hand_over_.store(true, std::memory_order_release);
            return Progress::handed_over;
        }
    }
}

void Checkpointer::run() {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    db.setBusyTimeout(5000);
    std::unique_lock lock(mutex_);
    // Not complete: look again shortly, in case the writer paused before finishing (or, a short
    // log copied, paused for good: then a pass copies the rest and the log can start over).
    bool look_again = false;
    int looked_at = 0;  // checkpoints completed when the last pass began
    Progress progress = Progress::complete;
    std::uint64_t commits_seen = 0;  // after a short log was copied, at the last look
    const auto woken = [this] { return requested_ || stopping_ || write_out_; };
    for (;;) {
        // Until a request (or, looking again, the retry's time): the log's writing out, each
        // time the writer asks for it, does not move that time.
        const auto look_at = std::chrono::steady_clock::now() + retry_;
        for (;;) {
            if (!look_again)
                wake_.wait(lock, woken);
            else if (!wake_.wait_until(lock, look_at, woken))
                break;  // time to look again
            if (stopping_) return;
            // A checkpoint first: its sync writes the log out as well.
            if (requested_ || !std::exchange(write_out_, false)) break;
            lock.unlock();
            write_out_log();
            lock.lock();
            if (requested_ || stopping_) break;
        }
        if (stopping_) return;
        if (look_again && !requested_ && completed_ > looked_at) {
            // The writer finished what was left; a pass now would begin the next checkpoint
            // long before the log has grown by `pages_` again.
            look_again = false;
            continue;
        }
        if (look_again && !requested_ && progress == Progress::copied) {
            const std::uint64_t commits = commits_.load(std::memory_order_relaxed);
            if (commits != commits_seen) {
                commits_seen = commits;
                continue;  // still writing: its next request copies on
            }
        }
        requested_ = false;
        looked_at = completed_;
        lock.unlock();
        progress = catch_up(db, looked_at);
        if (progress == Progress::complete) completed_since(looked_at, false);
        commits_seen = commits_.load(std::memory_order_relaxed);
        look_again = progress != Progress::complete;
        lock.lock();
    }
}

}  // namespace mentorbot
