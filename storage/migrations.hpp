// storage/migrations: the ordered schema versions and the code that applies them.
#pragma once

#include <SQLiteCpp/Database.h>

#include <span>
#include <string_view>

namespace mentorbot {

struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
    // Run after `sql`, in the same transaction, for changes SQL text alone cannot make.
    void (*code)(SQLite::Database&) = nullptr;
};

// Every schema version this binary knows, oldest first; versions are 1, 2, 3, ...
std::span<const Migration> migrations();
int newest_schema_version();

// Brings `db` to the newest version, one transaction per migration. Throws StorageError if the
// file was written by a newer mentorbot.
void migrate(SQLite::Database& db);
void migrate_to(SQLite::Database& db, int version);  // for tests of older databases

}  // namespace mentorbot
