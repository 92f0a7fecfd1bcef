// tests/storage/migrations_test: schema versions applied on start, on empty and older databases.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "storage/migrations.hpp"
#include "storage/store.hpp"
#include "support/scratch_database.hpp"

using namespace mentorbot;
using mentorbot::testing::ScratchDatabase;

namespace {

// A database file left at an older schema version, holding the rows `seed` inserts.
void older_database(const std::string& path, int version, const std::string& seed) {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate_to(raw, version);
    raw.exec(seed);
    REQUIRE(raw.execAndGet("PRAGMA user_version").getInt() == version);
}

}  // namespace

TEST_CASE("An empty database is brought to the newest schema with WAL and foreign keys on") {
    const ScratchDatabase scratch("migrations-empty");
    const std::string& path = scratch.path;
    {
        Store store(path);
        CHECK(store.db.schema_version() == newest_schema_version());
        CHECK(store.db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK(store.db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    }
}

TEST_CASE("An older database keeps its data and gains the newer tables") {
    const ScratchDatabase scratch("migrations-older");
    const std::string& path = scratch.path;
    older_database(path, 1,
                   "INSERT INTO people (platform, platform_user, display_name, created_at) "
                   "VALUES ('console', 'dana', 'dana', 0)");
    {
        Store store(path);
        CHECK(store.db.schema_version() == newest_schema_version());
        auto dana = store.people.find(Platform::console, "dana");
        REQUIRE(dana);
        CHECK(dana->display_name == "dana");
    }
}

TEST_CASE("The CHECK constraints written as comparisons refuse what the IN lists refused") {
    const ScratchDatabase scratch("migrations-checks");
    const std::string& path = scratch.path;
    older_database(path, 5,
                   "INSERT INTO people (platform, platform_user, display_name, created_at) "
                   "VALUES ('slack', 'U1', 'Ana', 0), ('slack', 'U2', 'Ben', 0);"
                   "INSERT INTO pairs (platform, mentor_id, mentee_id, created_by, created_at) "
                   "VALUES ('slack', 1, 2, 1, 0)");
    Store store(path);  // version 6 applied on this connection, which then writes
    REQUIRE(store.db.schema_version() >= 6);
    SQLite::Database& sql = store.db.sql();
    CHECK(store.people.find(Platform::slack, "U1")->display_name == "Ana");
    const std::string actions =
        sql.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'action_items'").getString();
    CHECK_THAT(actions, Catch::Contains("CHECK (status = 'open' OR status = 'done' OR "
                                        "status = 'dropped')"));
    CHECK(sql.execAndGet("SELECT count(*) FROM sqlite_schema WHERE "
                         "instr(sql, 'IN (''console'', ''slack'', ''matrix'')') > 0")
              .getInt() == 0);

    auto refused = [&](const std::string& statement) {
        try {
            sql.exec(statement);
            return false;
        } catch (const SQLite::Exception& e) {
            return std::string(e.what()).find("CHECK constraint failed") != std::string::npos;
        }
    };
    CHECK(
        refused("INSERT INTO people (platform, platform_user, display_name, created_at) "
                "VALUES ('irc', 'U3', 'Cy', 0)"));
    CHECK(refused("UPDATE pairs SET status = 'paused' WHERE id = 1"));
    CHECK(
        refused("INSERT INTO action_items (pair_id, number, text, owner_id, status, created_by, "
                "created_at) VALUES (1, 1, 'read', 1, 'finished', 1, 0)"));
    const std::string schedule =
        "INSERT INTO schedules (pair_id, rule, weekday, nth, local_minutes, duration_minutes, "
        "zone, anchor_day, set_by, set_at) VALUES (1, 'monthly', 1, ";
    CHECK(refused(schedule + "5, 540, 30, 'UTC', 0, 1, 0)"));
    // What the constraints allow, NULL included, still goes in.
    CHECK_NOTHROW(sql.exec("UPDATE pairs SET status = 'graduated' WHERE id = 1"));
    CHECK_NOTHROW(
        sql.exec("INSERT INTO action_items (pair_id, number, text, owner_id, status, created_by, "
                 "created_at) VALUES (1, 1, 'read', 1, 'done', 1, 0)"));
    CHECK(store.actions.find(PairId{1}, 1)->status == ActionStatus::done);
    CHECK_NOTHROW(sql.exec(schedule + "NULL, 540, 30, 'UTC', 0, 1, 0)"));
}

TEST_CASE("Without the index by status and due date a pair's pressing actions come as before") {
    const ScratchDatabase scratch("migrations-actions-index");
    const std::string& path = scratch.path;
    // Version 6, with the index: one pair, an item due long ago, one undated, one due later, and
    // one done; a second pair's overdue item must not show up in the first pair's list.
    older_database(path, 6,
                   "INSERT INTO people (platform, platform_user, display_name, created_at) "
                   "VALUES ('slack', 'U1', 'Ana', 0), ('slack', 'U2', 'Ben', 0), "
                   "('slack', 'U3', 'Cy', 0);"
                   "INSERT INTO pairs (platform, mentor_id, mentee_id, created_by, created_at) "
                   "VALUES ('slack', 1, 2, 1, 0), ('slack', 1, 3, 1, 0);"
                   "INSERT INTO action_items (pair_id, number, text, owner_id, due_date, status, "
                   "created_by, created_at) VALUES "
                   "(1, 1, 'undated', 2, NULL, 'open', 1, 0), "
                   "(1, 2, 'due later', 2, '2031-05-01', 'open', 1, 0), "
                   "(1, 3, 'overdue', 2, '2020-01-02', 'open', 1, 0), "
                   "(1, 4, 'finished', 2, '2020-01-01', 'done', 1, 0), "
                   "(2, 1, 'other pair', 3, '2020-01-01', 'open', 1, 0)");
    {
        SQLite::Database raw(path, SQLite::OPEN_READONLY);
        REQUIRE(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = "
                               "'action_items_open_by_due'")
                    .getInt() == 1);
    }
    Store store(path);
    REQUIRE(store.db.schema_version() >= 7);
    CHECK(store.db.sql()
              .execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = "
                          "'action_items_open_by_due'")
              .getInt() == 0);
    const Day today{date::year{2026} / 11 / 23};
    const auto pressing = store.actions.most_pressing(PairId{1}, today, 10);
    CHECK(pressing.open == 3);
    REQUIRE(pressing.first.size() == 3);
    CHECK(pressing.first[0].text == "overdue");
    CHECK(pressing.first[1].text == "due later");
    CHECK(pressing.first[2].text == "undated");
    // A new item still gets the pair's next number.
    const ActionItem added =
        store.actions.add(PairId{1}, PersonId{2}, "next", std::nullopt, PersonId{1}, Instant{});
    CHECK(added.number == 5);
}

TEST_CASE("Every migration has the next version number and a description") {
    int expected = 1;
    for (const Migration& m : migrations()) {
        CHECK(m.version == expected++);
        CHECK_FALSE(m.description.empty());
    }
}

TEST_CASE("A database from a newer mentorbot is refused with a clear error and left untouched") {
    const ScratchDatabase scratch("migrations-newer");
    const std::string& path = scratch.path;
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE future (x)");
        raw.exec("PRAGMA user_version = " + std::to_string(newest_schema_version() + 5));
    }
    try {
        Store store(path);
        FAIL("opening a newer database should fail");
    } catch (const StorageError& e) {
        CHECK_THAT(e.what(), Catch::Contains("newer mentorbot") &&
                                 Catch::Contains(std::to_string(newest_schema_version() + 5)));
    }
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == newest_schema_version() + 5);
    CHECK_FALSE(raw.tableExists("people"));
}

TEST_CASE("A transaction that is not committed leaves nothing behind, nested ones too") {
    Store store(":memory:");
    const Instant t{};
    {
        Database::Transaction outer(store.db);
        store.people.find_or_create(Platform::console, "kept", "kept", t);
        {
            Database::Transaction inner(store.db);
            store.people.find_or_create(Platform::console, "undone", "undone", t);
        }  // inner rolled back
        outer.commit();
    }
    {
        Database::Transaction abandoned(store.db);
        store.people.find_or_create(Platform::console, "lost", "lost", t);
    }
    CHECK(store.people.find(Platform::console, "kept"));
    CHECK_FALSE(store.people.find(Platform::console, "undone"));
    CHECK_FALSE(store.people.find(Platform::console, "lost"));
}
