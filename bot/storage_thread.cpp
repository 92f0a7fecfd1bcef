// bot/storage_thread: the one thread that touches the database.
#include "bot/storage_thread.hpp"

#include <pthread.h>

#include <boost/asio/post.hpp>

namespace mentorbot {

StorageThread::StorageThread(Store& store)
    : store_(store), work_(io_.get_executor()), thread_([this] {
          pthread_setname_np(pthread_self(), "mb-storage");  // as top -H and perf show it
          io_.run();
      }) {
    // The commit that is to finish a checkpoint answers its commands first: the finishing is
    // queued as a piece of work of its own on this thread (set before any work arrives).
    store_.db.defer_checkpoints(
        [this](std::function<void()> finish) { boost::asio::post(io_, std::move(finish)); });
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
