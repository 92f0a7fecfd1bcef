// bot/storage_thread: the one thread that touches the database.
#include "bot/storage_thread.hpp"

namespace mentorbot {

StorageThread::StorageThread(Store& store)
    : store_(store), work_(io_.get_executor()), thread_([this] { io_.run(); }) {}

StorageThread::~StorageThread() {
    finish();
}

void StorageThread::finish() {
    if (!thread_.joinable()) return;
    work_.reset();  // io_.run() returns once the queued work is done
    thread_.join();
}

}  // namespace mentorbot
