// bot/storage_thread: the one thread that touches the database.
#include "bot/storage_thread.hpp"

#include <cxxabi.h>
#include <pthread.h>

#include <boost/asio/post.hpp>
#include <cstdlib>
#include <memory>

namespace mentorbot {

StorageThread::StorageThread(Store& store)
    : store_(store), work_(io_.get_executor()), thread_([this] {
          pthread_setname_np(pthread_self(), "mb-storage");  // as top -H and perf show it
          io_.run();
      }) {
    // The commit that is to finish a checkpoint answers its commands first: the finishing is
    // queued as a piece of work of its own on this thread (set before any work arrives).
    store_.db.defer_checkpoints([this](std::function<void()> finish) {
        boost::asio::post(io_, [this, finish = std::move(finish)] {
            const Timed timed(*this, "checkpoint finish");
            finish();
        });
    });
}

void StorageThread::watch_stalls(std::chrono::nanoseconds over, StallReport report) {
    // Set on the storage thread, which alone reads them (from work after this).
    boost::asio::post(io_, [this, over, report = std::move(report)]() mutable {
        stall_over_ = over;
        stall_report_ = std::move(report);
    });
}

StorageThread::Timed::~Timed() {
    if (!thread_) return;
    const auto took = std::chrono::steady_clock::now() - start_;
    if (took <= thread_->stall_over_) return;
    // A lambda's type reads as where it was written, e.g. "mentorbot::OutboxPump::run()::
    // {lambda(mentorbot::Store&)#1}"; a plain name is not a mangled one and stays as it is.
    int status = 0;
    const std::unique_ptr<char, decltype(&std::free)> readable(
        abi::__cxa_demangle(what_, nullptr, nullptr, &status), &std::free);
    thread_->stall_report_(status == 0 && readable ? readable.get() : what_, took);
}

StorageThread::~StorageThread() {
    finish();
}

void StorageThread::finish() {
    if (!thread_.joinable()) return;
    work_.reset();  // io_.run() returns once the queued work is done
    thread_.join();
    store_.db.defer_checkpoints(nullptr);  // commits from now on finish checkpoints themselves
}

}  // namespace mentorbot
