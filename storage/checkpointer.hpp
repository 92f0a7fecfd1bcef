// storage/checkpointer: copies the write-ahead log back into the database file on a connection
// and thread of its own, so a commit never waits for a checkpoint's writes and fsyncs.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace mentorbot {

class Checkpointer {
  public:
    // Checkpoints `path` whenever its log has grown past `pages` pages (SQLite's own default
    // for its automatic checkpoints is 1000).
    Checkpointer(std::string path, int pages);
    ~Checkpointer();  // waits for a running checkpoint; closing the last connection does a final
                      // one
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Told by the writing connection after each commit: the log now holds `pages` pages.
    void log_grew(int pages);
    // How many checkpoints copied the whole log with the writer idle (tests and benchmarks).
    int completed();
    // Waits until `count` checkpoints completed; false if that took longer than `timeout`.
    bool wait_completed(int count, std::chrono::milliseconds timeout);

  private:
    void run();
    static constexpr std::chrono::milliseconds kRetry{20};  // after an incomplete pass

    const std::string path_;
    const int pages_;
    int asked_at_ = 0;  // the log's length at the last request (the writer's thread only)
    std::atomic<std::uint64_t> commits_{0};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable progressed_;
    bool requested_ = false;
    bool stopping_ = false;
    int completed_ = 0;
    std::thread thread_;  // started by the first request
};

}  // namespace mentorbot
