// storage/checkpointer: copies the write-ahead log back into the database file on a connection
// and thread of its own, so that a commit waits at most for the last few pages of a checkpoint.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;
namespace SQLite {
class Database;
}

namespace mentorbot {

// SQLite starts the log over only after a checkpoint that copied all of it with no commit in
// between, and such a checkpoint ends with two fsyncs. Against a writer that never pauses the
// background can never finish one, so it copies and syncs all but the last few pages — each
// pass shorter than the one before — and then hands over: the writer copies what is left after
// its next commit (a few pages, two small fsyncs) and its next transaction starts the log over.
// The writer's part stops its commands for those fsyncs (milliseconds on some disks), so it is
// asked for only once the log is long; until then each request copies what it can and stops.
class Checkpointer {
  public:
    // How long the background waits, after handing the end of a checkpoint over or failing a
    // pass, before it looks again (in case the writer paused before finishing).
    static constexpr std::chrono::milliseconds kRetry{20};
    // Checkpoints `path` whenever its log has grown by `pages` pages (SQLite's own default
    // for its automatic checkpoints is 1000), and has the log started over once it is longer than
    // `restart_pages`. Should the log ever reach `limit_pages` pages (the background that far
    // behind), the writer checkpoints by itself, as SQLite's own automatic checkpoint would, so
    // that the log stays bounded. `retry`: see kRetry (tests shorten it).
    Checkpointer(std::string path, int pages, int restart_pages, int limit_pages,
                 std::chrono::milliseconds retry = kRetry);
    ~Checkpointer();  // waits for a running checkpoint; closing the last connection does a final
                      // one
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Called on the writing connection `writer` after each of its commits (from its log hook):
    // the log now holds `pages` pages. Has the kernel start writing out what the commits added to
    // the log (every kWriteOutPages pages; see start_writing_out_log), and finishes a checkpoint
    // the background handed over — at once, or by way of `defer` when one is set.
    void committed(sqlite3* writer, int pages);
    // From now on the writer's part of a checkpoint is handed to `defer`, which runs it later on
    // the writer's thread (e.g., once the callers of the transaction that just committed are
    // answered) instead of inside the commit; an empty `defer` puts it back inside the commit.
    using Defer = std::function<void(std::function<void()>)>;
    void defer_finishing(Defer defer) { defer_ = std::move(defer); }
    // How many checkpoints copied the whole log (tests and benchmarks).
    int completed();
    // Of those, how many the writer finished (benchmarks: each stopped its commands for two
    // fsyncs).
    int finished_by_writer();
    // How many times the writer asked for the log's writing out (tests; the writer's thread).
    int log_write_outs() const { return write_outs_; }
    // Waits until `count` checkpoints completed; false if that took longer than `timeout`.
    bool wait_completed(int count, std::chrono::milliseconds timeout);

  private:
    // complete: the log was copied whole; handed_over: all but what the writer finishes;
    // copied: what was there, the log still short of `restart_pages`; behind: busy or failed.
    enum class Progress { complete, handed_over, copied, behind };
    struct Pass {
        bool ok = false;  // false: busy, or a transient I/O error
        int log = 0;      // pages in the log when it began
        int copied = 0;   // of those, copied into the database file
    };
    bool log_grew(int pages);  // true: the writer is to finish a checkpoint now
    // A checkpoint syncs the log before it copies it; left to that sync, the ~4 MB of log a
    // checkpoint covers go to the disk at once, and that burst (the kernel's writeback and the
    // disk's completions) stalled the bot's threads for milliseconds. Started by the writer as the
    // log grows instead, the writing out goes in small steps and the sync finds little left
    // (docs/benchmarks.md, round 9). Not a sync: durability is unchanged. Once per
    // kWriteOutPages new pages, not per commit: each call hands the disk a request of its own,
    // and on some hosts that costs the writer more than the pages (round 10). Up to the restart
    // mark the writer only asks and the background makes the call, which hands the pages to the
    // disk (~0.1 ms for 64 pages here, time the writer's commands do not wait for; round 14).
    void start_writing_out_log(int pages);
    void write_out_log();         // on either thread
    void start_thread();          // with mutex_ held
    // The writer's part; `completed_before`: checkpoints completed when it was asked for.
    void finish(sqlite3* writer, int completed_before);
    // Counts a checkpoint that copied the whole log, unless the other side (the writer or a look)
    // counted it since `completed_before`; either way nothing is left to hand over.
    void completed_since(int completed_before, bool by_writer);
    void run();
    Progress catch_up(SQLite::Database& db, int completed_before);

    // Left to the writer: about what it adds while one short pass runs, copied and synced in
    // well under a millisecond here (docs/benchmarks.md, round 6).
    static constexpr int kFewPages = 64;
    static constexpr int kMaxPasses = 4;  // then the writer finishes whatever is left
    // The log is handed to the kernel in steps of this many pages (256 KB), so a pass's sync
    // finds at most this much of it still to write.
    static constexpr int kWriteOutPages = 64;

    const std::string path_;
    const int pages_;
    const int restart_pages_;
    const int limit_pages_;
    const std::chrono::milliseconds retry_;
    Defer defer_;                 // the writer's thread only
    bool finish_queued_ = false;  // handed to defer_ and not run yet (the writer's thread only)
    int asked_at_ = 0;            // the log's length at the last request (the writer's thread only)
    // The log file, opened read-only by the first write_out_log (guarded by mutex_; the call
    // itself is made on either thread).
    // SQLite keeps no POSIX locks on the log (only on the database and -shm files), so closing
    // this descriptor releases none of its locks.
    static constexpr int kNotOpened = -2;
    int log_fd_ = kNotOpened;
    int written_out_at_ = 0;  // the log's length at the last write-out (the writer's thread only)
    int write_outs_ = 0;      // (the writer's thread only)
    std::atomic<std::uint64_t> commits_{0};
    std::atomic<int> log_pages_{0};
    std::atomic<bool> hand_over_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable progressed_;
    bool requested_ = false;
    bool write_out_ = false;  // the writer asked for the log's writing out
    bool stopping_ = false;
    int completed_ = 0;
    int finished_by_writer_ = 0;
    std::thread thread_;  // started by the first request
};

}  // namespace mentorbot
