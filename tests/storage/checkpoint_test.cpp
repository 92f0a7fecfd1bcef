// tests/storage/checkpoint_test: the write-ahead log is copied back into the database file in
// the background once it passes 1000 pages, and then starts over instead of growing for ever.
#include <unistd.h>
#include <catch2/catch.hpp>
#include <filesystem>

#include "storage/store.hpp"

using namespace mentorbot;
using namespace std::chrono_literals;

namespace {

// 300 commits of a 4 KB message each: about 2 pages apiece, past the 1000-page mark.
void write_messages(Store& store, const Person& to, Instant t0) {
    for (int i = 0; i < 300; ++i) {
        Database::Transaction tx(store.db);
        QueuedMessage m;
        m.platform = Platform::console;
        m.person = to.id;
        m.kind = "bulk";
        m.body = std::string(4000, 'x');
        m.due_at = t0;
        store.outbox.enqueue(m, t0);
        tx.commit();
    }
}

}  // namespace

TEST_CASE("The log is checkpointed in the background past 1000 pages and stays bounded") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("mentorbot-checkpoint-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "bot.db").string();
    {
        Store store(path);
        const Instant t0{std::chrono::seconds{1'800'000'000}};
        const Person dana = store.people.find_or_create(Platform::console, "dana", "Dana", t0);
        CHECK(store.db.checkpoints() == 0);
        write_messages(store, dana, t0);
        REQUIRE(store.db.wait_for_checkpoints(1, 20s));
        // The messages (1.2 MB) were copied back into the database file itself.
        CHECK(std::filesystem::file_size(path) > 1'200'000);
        // Three times as much again: each round passes the mark once more, and the log is
        // started over after a complete checkpoint instead of holding everything (~22 MB).
        for (int round = 2; round <= 4; ++round) {
            write_messages(store, dana, t0);
            REQUIRE(store.db.wait_for_checkpoints(round, 20s));
        }
        CHECK(std::filesystem::file_size(path + "-wal") < 3000 * 4120);
        CHECK(store.outbox.pending_count(Platform::console) == 1200);
    }
    std::filesystem::remove_all(dir);
}
