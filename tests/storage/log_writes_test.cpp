// tests/storage/log_writes_test: the log layer writes each commit's frames in one write, and a
// commit is in the file when it returns: a process killed right after a commit loses nothing —
// also a transaction larger than the page cache, whose frames SQLite rewrites before its commit.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "storage/database.hpp"
#include "storage/log_writes.hpp"
#include "support/scratch_database.hpp"

using namespace mentorbot;
using mentorbot::testing::ScratchDatabase;

namespace {

// A connection through the layer, as the bot's own (WAL, synchronous=NORMAL).
SQLite::Database layered(const std::string& path, int cache_pages = 2000) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 0,
                        joined_log_writes_vfs());
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=NORMAL");
    db.exec("PRAGMA cache_size=" + std::to_string(cache_pages));
    return db;
}

// Ends the child process at once, as a kill would: no destructors, no files closed, so nothing
// the layer still held is written by a close.
[[noreturn]] void die(int status) {
    ::_exit(status);
}

// Runs `work` in a child process, which ends it with die() while its connection is still open,
// and returns the child's exit status.
int in_a_process_killed_after(const std::function<void()>& work) {
    const pid_t child = ::fork();
    if (child == 0) {
        try {
            work();
        } catch (...) {
            die(2);  // SQLite refused something
        }
        die(3);  // work() did not die
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

// What a fresh connection (the default VFS, nothing of the layer) finds in the file.
std::string integrity(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA integrity_check").getString();
}
long long count(const std::string& path, const std::string& sql) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

}  // namespace

TEST_CASE("Every commit is in the log file when it returns: a process killed after it loses none") {
    ScratchDatabase scratch("log-writes-kill");
    const int status = in_a_process_killed_after([&] {
        auto db = layered(scratch.path);
        db.exec("CREATE TABLE actions (pair INTEGER, number INTEGER, text TEXT)");
        db.exec("CREATE INDEX actions_by_pair ON actions (pair, number)");
        SQLite::Statement add(db, "INSERT INTO actions VALUES (?, ?, ?)");
        for (int i = 0; i < 500; ++i) {
            SQLite::Transaction tx(db);
            for (int pair = 0; pair < 8; ++pair) {  // several pages a commit, as a batch writes
                add.bind(1, pair);
                add.bind(2, i);
                add.bind(3, std::string(200, static_cast<char>('a' + pair)));
                add.exec();
                add.reset();
            }
            tx.commit();
        }
        die(0);
    });
    REQUIRE(status == 0);
    CHECK(integrity(scratch.path) == "ok");
    CHECK(count(scratch.path, "SELECT count(*) FROM actions") == 500 * 8);
    CHECK(count(scratch.path, "SELECT count(DISTINCT number) FROM actions WHERE pair = 7") == 500);
}

TEST_CASE("A transaction larger than the page cache survives a kill after its commit") {
    // With a 20-page cache SQLite writes pages to the log before the commit, writes some of them
    // again in place as the transaction changes them again, and at the commit rewrites the
    // checksums of the frames after the first one it overwrote (reading each back first).
    ScratchDatabase scratch("log-writes-spill");
    const int status = in_a_process_killed_after([&] {
        auto db = layered(scratch.path, 20);
        db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        SQLite::Transaction tx(db);
        SQLite::Statement add(db, "INSERT INTO notes (body) VALUES (?)");
        for (int i = 0; i < 3000; ++i) {
            add.bind(1, std::string(300, 'x'));
            add.exec();
            add.reset();
        }
        db.exec("UPDATE notes SET body = 'kept ' || id");
        db.exec("UPDATE notes SET body = body || ' twice'");
        tx.commit();
        write_held_log(db.getHandle());  // as the bot's log hook does: counts anything still held
        die(log_write_counts().held_past_commit == 0 ? 0 : 1);
    });
    REQUIRE(status == 0);
    CHECK(integrity(scratch.path) == "ok");
    CHECK(count(scratch.path,
                "SELECT count(*) FROM notes WHERE body = 'kept ' || id || ' twice'") == 3000);
}

TEST_CASE("A commit of several pages reaches the log in one write, and nothing is held after it") {
    ScratchDatabase scratch("log-writes-count");
    auto db = layered(scratch.path);
    db.exec("CREATE TABLE actions (pair INTEGER, number INTEGER, text TEXT)");
    db.exec("CREATE INDEX actions_by_pair ON actions (pair, number)");
    db.exec("INSERT INTO actions VALUES (0, 0, 'first')");
    const LogWriteCounts before = log_write_counts();
    {
        SQLite::Transaction tx(db);
        for (int pair = 0; pair < 40; ++pair)
            db.exec("INSERT INTO actions VALUES (" + std::to_string(pair) + ", 1, '" +
                    std::string(1000, 'y') + "')");
        tx.commit();
    }
    write_held_log(db.getHandle());  // as the bot's log hook does: counts anything still held
    const LogWriteCounts after = log_write_counts();
    CHECK(after.writes - before.writes == 1);
    CHECK(after.held_past_commit == before.held_past_commit);
    // Another connection (the default VFS) sees the commit while this one stays open.
    CHECK(count(scratch.path, "SELECT count(*) FROM actions") == 41);
}

TEST_CASE("The bot's database writes its log through the layer") {
    ScratchDatabase scratch("log-writes-store");
    const LogWriteCounts before = log_write_counts();
    {
        Database db(scratch.path);  // migrations: commits of their own
    }
    CHECK(log_write_counts().writes > before.writes);
    CHECK(log_write_counts().held_past_commit == before.held_past_commit);
}
