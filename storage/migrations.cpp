// storage/migrations: the ordered schema versions and the code that applies them.
#include "storage/migrations.hpp"

#include <string>

#include <SQLiteCpp/Transaction.h>

#include "storage/database.hpp"

namespace mentorbot {
namespace {

// Append new versions at the end; never edit a version that has shipped.
constexpr Migration kMigrations[] = {
    {1, "people, pairs and the outgoing message queue", R"sql(
CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    platform      TEXT    NOT NULL CHECK (platform IN ('console', 'slack', 'matrix')),
    platform_user TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    time_zone     TEXT,
    zone_source   TEXT CHECK (zone_source IN ('profile', 'command')),
    created_at    INTEGER NOT NULL,
    UNIQUE (platform, platform_user)
);

CREATE TABLE pairs (
    id         INTEGER PRIMARY KEY,
    platform   TEXT    NOT NULL CHECK (platform IN ('console', 'slack', 'matrix')),
    mentor_id  INTEGER NOT NULL REFERENCES people (id),
    mentee_id  INTEGER NOT NULL REFERENCES people (id),
    status     TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended', 'graduated')),
    space      TEXT,
    origin     TEXT,
    created_by INTEGER NOT NULL REFERENCES people (id),
    created_at INTEGER NOT NULL,
    ended_at   INTEGER,
    end_reason TEXT,
    CHECK (mentor_id <> mentee_id)
);
CREATE INDEX pairs_by_mentor ON pairs (mentor_id, status);
CREATE INDEX pairs_by_mentee ON pairs (mentee_id, status);
CREATE INDEX pairs_by_space ON pairs (platform, space);

-- Every message the bot will post, written in the same transaction as the change that caused
-- it and marked sent only once the platform confirmed it.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    platform        TEXT    NOT NULL CHECK (platform IN ('console', 'slack', 'matrix')),
    pair_id         INTEGER REFERENCES pairs (id),
    person_id       INTEGER REFERENCES people (id),
    kind            TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    due_at          INTEGER NOT NULL,
    late            INTEGER NOT NULL DEFAULT 0,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    sent_at         INTEGER,
    platform_ref    TEXT,
    dropped_reason  TEXT,
    CHECK (pair_id IS NOT NULL OR person_id IS NOT NULL)
);
CREATE INDEX outbox_pending ON outbox (platform, due_at) WHERE sent_at IS NULL AND dropped_reason IS NULL;
)sql"},
    // Version 4 (Matrix): numbers 2, 3 and 5 are other features' and are renumbered at merge.
    {4, "Matrix session, sync position, handled events, direct rooms; replies into a conversation", R"sql(
-- The bot's one Matrix login, kept so restarts reuse the access token and device.
CREATE TABLE matrix_session (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    homeserver   TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    access_token TEXT,
    device_id    TEXT,
    since        TEXT
);

-- Events whose commands have been run (written with their effects, so none runs twice).
CREATE TABLE matrix_handled_events (
    event_id   TEXT    PRIMARY KEY,
    room_id    TEXT    NOT NULL,
    handled_at INTEGER NOT NULL
);
CREATE INDEX matrix_handled_by_age ON matrix_handled_events (handled_at);

-- The direct-message room the bot opened with each Matrix person.
CREATE TABLE matrix_direct_rooms (
    person_id INTEGER PRIMARY KEY REFERENCES people (id),
    room_id   TEXT    NOT NULL
);

-- A message for one conversation (the answer to a command, posted where it was issued).
ALTER TABLE outbox ADD COLUMN conversation TEXT;
)sql"},
};

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int newest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

void migrate_to(SQLite::Database& db, int target) {
    const int current = user_version(db);
    if (current > newest_schema_version()) {
        throw StorageError("database " + db.getFilename() + " has schema version " +
                           std::to_string(current) + " but this mentorbot knows only up to " +
                           std::to_string(newest_schema_version()) +
                           "; run a newer mentorbot or restore a backup");
    }
    for (const Migration& m : kMigrations) {
        if (m.version <= current || m.version > target) continue;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        if (user_version(db) >= m.version) continue;  // another process migrated meanwhile
        db.exec(std::string(m.sql));
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

void migrate(SQLite::Database& db) { migrate_to(db, newest_schema_version()); }

}  // namespace mentorbot
