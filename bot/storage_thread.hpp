// bot/storage_thread: the one thread that touches the database. Coroutines on the network
// threads hand it work with run() and resume with the result, so a slow disk never stalls a
// socket (Slack's 3-second ack keeps running while SQLite writes).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <type_traits>
#include <typeinfo>

#include "storage/store.hpp"

namespace mentorbot {

class StorageThread {
  public:
    explicit StorageThread(Store& store);
    StorageThread(const StorageThread&) = delete;
    StorageThread& operator=(const StorageThread&) = delete;
    // Finishes the work already handed over, then joins the thread.
    ~StorageThread();
    // Finishes the work already handed over and stops the thread (idempotent). Owners call it
    // before the objects that work calls back into (pumps, timers) are destroyed.
    void finish();

    // Runs f(store) on the storage thread; the awaiting coroutine resumes on its own executor
    // with the result, or with f's exception rethrown.
    template <class F>
    auto run(F f) -> boost::asio::awaitable<std::invoke_result_t<F, Store&>> {
        using R = std::invoke_result_t<F, Store&>;
        auto on_storage = [this, f = std::move(f)]() mutable -> boost::asio::awaitable<R> {
            const Timed timed(*this, typeid(F).name());
            if constexpr (std::is_void_v<R>) {
                f(store_);
                co_return;
            } else {
                co_return f(store_);
            }
        };
        co_return co_await boost::asio::co_spawn(io_.get_executor(), std::move(on_storage),
                                                 boost::asio::use_awaitable);
    }

    boost::asio::io_context::executor_type executor() { return io_.get_executor(); }
    // Only for code already running on the storage thread.
    Store& store() { return store_; }

    // Benchmarks look for what holds commands up: each piece of work handed over after this call
    // that keeps this thread for longer than `over` is reported here, on this thread, with what
    // it was (a readable name). Off by default (then a piece costs no clock read).
    using StallReport = std::function<void(const std::string& what, std::chrono::nanoseconds)>;
    void watch_stalls(std::chrono::nanoseconds over, StallReport report);
    // Times one piece of work on this thread for watch_stalls; `what`: a name or a mangled type.
    class Timed {
      public:
        Timed(const StorageThread& thread, const char* what)
            : thread_(thread.stall_report_ ? &thread : nullptr),
              what_(what),
              start_(thread_ ? std::chrono::steady_clock::now()
                             : std::chrono::steady_clock::time_point{}) {}
        ~Timed();
        Timed(const Timed&) = delete;
        Timed& operator=(const Timed&) = delete;

      private:
        const StorageThread* thread_;
        const char* what_;
        std::chrono::steady_clock::time_point start_;
    };

  private:
    Store& store_;
    std::chrono::nanoseconds stall_over_{};
    StallReport stall_report_;
    boost::asio::io_context io_{1};  // run by this one thread only (see Service::io_)
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::thread thread_;
};

}  // namespace mentorbot
