// bot/storage_thread: the one thread that touches the database.
#include "bot/storage_thread.hpp"

#include <pthread.h>

namespace mentorbot {

StorageThread::StorageThread(Store& store)
    : store_(store), work_(io_.get_executor()), thread_([this] {
          pthread_setname_np(pthread_self(), "mb-storage");  // as top -H and perf show it
          io_.run();
      }) {}

StorageThread::~StorageThread() {
    finish();
}

void StorageThread::finish() {
    if (!thread_.joinable()) return;
    work_.reset();  // io_.run() returns once the queued work is done
    thread_.join();
}

}  // namespace mentorbot
