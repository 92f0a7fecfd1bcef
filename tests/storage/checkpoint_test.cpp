// tests/storage/checkpoint_test: the write-ahead log is copied back into the database file in
// the background once it passes 1000 pages, and starts over once past its restart mark instead
// of growing for ever — also while the writer never pauses — and not more often than that; the
// log is handed to the kernel in steps of 64 pages.
#include <unistd.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "storage/checkpointer.hpp"
#include "storage/store.hpp"
#include "support/scratch_database.hpp"

using namespace mentorbot;
using namespace std::chrono_literals;
using mentorbot::testing::ScratchDatabase;

namespace {

// 300 commits of a 4 KB message each: 4 pages of log apiece (the row's page, its overflow page,
// the index's page and a parent's), some 1,200 pages in all, past the 1000-page mark.
// `after_commit` runs after each commit.
void write_messages(Store& store, const Person& to, Instant t0,
                    const std::function<void()>& after_commit = {}) {
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
        if (after_commit) after_commit();
    }
}

// A store on a scratch database, and the person its messages go to.
struct ScratchStore {
    explicit ScratchStore(const std::string& name) : scratch(name), store(scratch.path) {}
    // The longest the log became (its file is reused, not shortened, when it starts over).
    std::uintmax_t longest_log() const { return std::filesystem::file_size(scratch.path + "-wal"); }

    ScratchDatabase scratch;  // first: removed after the store has closed
    Store store;
    const Instant t0{std::chrono::seconds{1'800'000'000}};
    const Person dana = store.people.find_or_create(Platform::console, "dana", "Dana", t0);
};

// 13,500 commits back to back, no pause between them: some 54,000 pages of log. A background
// checkpoint can never copy all of a log that grows meanwhile; unless the writer finishes the
// checkpoints the background began, the log only starts over at its limit of 40,000 pages
// (164 MB), the commit that reaches it copying all of it. The store has it start over once past
// 16,000 pages: three times here. How far past the mark it gets depends on how much CPU the
// background has while the writer runs flat out: on a host with two other busy processes the
// longest log reached ~23,000 pages (round 14); "long before its limit" is checked as under
// 28,000, halfway from the mark to the limit.
constexpr int kWrittenWithoutPausing = 45 * 300;
constexpr std::uintmax_t kLongBeforeTheLimit = 28'000 * 4120;  // pages of 4 KB and their headers
void write_without_pausing(ScratchStore& s, const std::function<void()>& after_commit = {}) {
    for (int round = 0; round < kWrittenWithoutPausing / 300; ++round)
        write_messages(s.store, s.dana, s.t0, after_commit);
}

// A connection of the test's own on `path` whose commits report to `checkpointer`, as the
// store's connection does; each `write()` commits one note of `note_bytes` bytes.
struct HookedWriter {
    HookedWriter(const std::string& path, Checkpointer& to, int note_bytes, const char* synchronous)
        : checkpointer(to), db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
        db.setBusyTimeout(5000);  // as the store's connection
        db.exec("PRAGMA journal_mode=WAL");
        db.exec(std::string("PRAGMA synchronous=") + synchronous);
        db.exec("CREATE TABLE notes (body BLOB)");
        note = std::make_unique<SQLite::Statement>(
            db, "INSERT INTO notes (body) VALUES (zeroblob(" + std::to_string(note_bytes) + "))");
        sqlite3_wal_hook(
            db.getHandle(),
            [](void* self, sqlite3* writer, const char*, int pages) {
                auto& w = *static_cast<HookedWriter*>(self);
                w.grown += pages >= w.pages ? pages - w.pages : pages;
                w.pages = pages;
                ++w.commits;
                w.checkpointer.committed(writer, pages);
                return SQLITE_OK;
            },
            this);
    }
    HookedWriter(const HookedWriter&) = delete;
    HookedWriter& operator=(const HookedWriter&) = delete;
    void write() {
        note->exec();
        note->reset();
    }

    Checkpointer& checkpointer;
    SQLite::Database db;
    std::unique_ptr<SQLite::Statement> note;
    int pages = 0;  // in the log now
    int grown = 0;  // written to it in all, across its restarts
    int commits = 0;
};

}  // namespace

TEST_CASE("The log is checkpointed in the background once it passes 1000 pages") {
    ScratchStore s("checkpoint");
    CHECK(s.store.db.checkpoints() == 0);
    write_messages(s.store, s.dana, s.t0);
    REQUIRE(s.store.db.wait_for_checkpoints(1, 20s));
    // The messages were copied back into the database file itself: at least the ~250 (1 MB) in
    // the log's first 1000 pages, all 300 (1.2 MB) when the writer was done before the copy.
    CHECK(std::filesystem::file_size(s.scratch.path) > 1'000'000);
    CHECK(s.store.outbox.pending_count(Platform::console) == 300);
}

TEST_CASE("Against a writer that never pauses the log still starts over, long before its limit") {
    ScratchStore s("checkpoint-busy");
    write_without_pausing(s);
    CHECK(s.store.db.checkpoints() >= 2);
    CHECK(s.longest_log() < kLongBeforeTheLimit);
    CHECK(s.store.outbox.pending_count(Platform::console) == kWrittenWithoutPausing);
}

TEST_CASE(
    "A writer that defers its part of a checkpoint runs it after the commit, and the log "
    "still starts over") {
    std::vector<std::function<void()>> deferred;  // outlives the store that fills it
    ScratchStore s("checkpoint-deferred");
    s.store.db.defer_checkpoints(
        [&](std::function<void()> finish) { deferred.push_back(std::move(finish)); });
    int finished_later = 0;
    write_without_pausing(s, [&] {
        const int before = s.store.db.checkpoints();
        for (auto& finish : std::exchange(deferred, {})) finish();
        finished_later += s.store.db.checkpoints() - before;
    });
    // Every checkpoint the writer finished, it finished in the work handed to the owner: after
    // its commit, not in it. (Not a fixed number: a writer descheduled for 20 ms on a busy
    // machine looks paused, and then the background completes one by itself.)
    const int by_writer = s.store.db.checkpoints_finished_by_writer();
    CHECK(by_writer >= 1);
    CHECK(finished_later >= by_writer);
    CHECK(s.store.db.checkpoints() >= 2);
    CHECK(s.longest_log() < kLongBeforeTheLimit);
    CHECK(s.store.outbox.pending_count(Platform::console) == kWrittenWithoutPausing);
}

TEST_CASE(
    "After the writer finished a checkpoint the next begins only once the log has grown by 1000 "
    "pages again") {
    // The checkpointer on a connection of the test's own, looking again 1 ms after it handed the
    // end of a checkpoint over (the bot waits 20 ms), and a writer paced by a sync at each commit
    // (~0.1 ms apiece here), so the log grows slowly next to those looks. The writer takes each
    // hand-over at its next commit; a look after that must not begin the next checkpoint early
    // (it did: checkpoints came as often as the looks, whatever the log's length).
    ScratchDatabase scratch("checkpoint-cadence");
    Checkpointer checkpointer(scratch.path, 1000, 1000, 20'000, 1ms);
    HookedWriter writer(scratch.path, checkpointer, 4000, "FULL");
    while (writer.grown < 5'000) writer.write();
    REQUIRE(checkpointer.wait_completed(1, 10s));
    // At most one per 1,000 pages (checkpoints that followed the looks came ~100 times here).
    CHECK(checkpointer.completed() <= writer.grown / 1000 + 1);
}

TEST_CASE(
    "A log shorter than the restart mark is copied in the background without the writer's part, "
    "and starts over once past it") {
    // A checkpoint every 100 pages, the log started over once past 1,000: the writer finishes
    // a checkpoint (and stops for its fsyncs) about once per 1,000 pages, not once per 100.
    ScratchDatabase scratch("checkpoint-restart");
    Checkpointer checkpointer(scratch.path, 100, 1000, 20'000, 50ms);
    HookedWriter writer(scratch.path, checkpointer, 4000, "NORMAL");
    // Eight requests, none of which hands the end to the writer; once it pauses, the background
    // copies what is left by itself.
    while (writer.pages < 800) writer.write();
    REQUIRE(checkpointer.wait_completed(1, 10s));
    CHECK(checkpointer.finished_by_writer() == 0);
    int longest = 0;
    while (writer.grown < 6'000) {
        writer.write();
        longest = std::max(longest, writer.pages);
    }
    // It started over only past the mark, and so the writer's part came at most once per 1,000
    // pages (handed over at every request, up to once per 100). Should the writer be descheduled
    // for 50 ms, the background completes a checkpoint by itself: that does not stop the writer.
    CHECK(longest > 1000);
    CHECK(checkpointer.finished_by_writer() <= writer.grown / 1000 + 1);
}

TEST_CASE("The writer starts the log's writing out once per 64 new pages, not after every commit") {
    // Small commits of a few pages each, well short of a checkpoint: each write-out is a
    // request to the disk of its own, so one per commit would cost the writer more than the pages.
    ScratchDatabase scratch("checkpoint-write-out");
    Checkpointer checkpointer(scratch.path, 1000, 1000, 20'000);
    HookedWriter writer(scratch.path, checkpointer, 3000, "NORMAL");
    while (writer.pages < 640) writer.write();
    CHECK(writer.commits > 150);  // ~3 pages apiece: a new leaf, its parent, page 1 (the size)
    CHECK(checkpointer.log_write_outs() >= writer.pages / 128);
    CHECK(checkpointer.log_write_outs() <= writer.pages / 64);
}
