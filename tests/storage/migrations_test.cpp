// tests/storage/migrations_test: schema versions applied on start, on empty and older databases.
#include <SQLiteCpp/Database.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "storage/migrations.hpp"
#include "storage/store.hpp"

using namespace mentorbot;

namespace {

std::string temp_db(const char* name) {
    auto path = std::filesystem::temp_directory_path() /
                (std::string("mentorbot-") + name + "-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    return path.string();
}

}  // namespace

TEST_CASE("An empty database is brought to the newest schema with WAL and foreign keys on") {
    const std::string path = temp_db("empty");
    {
        Store store(path);
        CHECK(store.db.schema_version() == newest_schema_version());
        CHECK(store.db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK(store.db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    }
    std::filesystem::remove(path);
}

TEST_CASE("An older database keeps its data and gains the newer tables") {
    const std::string path = temp_db("older");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate_to(raw, 1);
        raw.exec(
            "INSERT INTO people (platform, platform_user, display_name, created_at) "
            "VALUES ('console', 'dana', 'dana', 0)");
        CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 1);
    }
    {
        Store store(path);
        CHECK(store.db.schema_version() == newest_schema_version());
        auto dana = store.people.find(Platform::console, "dana");
        REQUIRE(dana);
        CHECK(dana->display_name == "dana");
    }
    std::filesystem::remove(path);
}

TEST_CASE("Every migration has the next version number and a description") {
    int expected = 1;
    for (const Migration& m : migrations()) {
        CHECK(m.version == expected++);
        CHECK_FALSE(m.description.empty());
    }
}

TEST_CASE("A database from a newer mentorbot is refused with a clear error and left untouched") {
    const std::string path = temp_db("newer");
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
    std::filesystem::remove(path);
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
