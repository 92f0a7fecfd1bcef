// storage/migrations: the ordered schema versions and the code that applies them.
#include "storage/migrations.hpp"

#include <string>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "storage/database.hpp"

namespace mentorbot {
namespace {

// Version 6 keeps every CHECK constraint but writes `x IN ('a', 'b', 'c')` as `x = 'a' OR x = 'b'
// OR x = 'c'`. SQLite evaluates an IN list of three or more constants by building a temporary
// b-tree of it for each statement run, which made each insert into these tables several times
// dearer (measured: 3.9 µs an insert into action_items with the IN list, 1.1 µs with the
// comparisons). The two forms accept and refuse the same values, NULL included, so the stored
// definitions are rewritten in place — SQLite's documented procedure for changing constraints
// that existing rows already satisfy (https://www.sqlite.org/lang_altertable.html#otheralter):
// writable schema, the new text, schema_version plus one, in one transaction.
struct InListCheck {
    const char* table;
    const char* column;
    const char* values;  // as written in the CREATE TABLE, ", "-separated
};
constexpr InListCheck kInListChecks[] = {
    {"people", "platform", "'console', 'slack', 'matrix'"},
    {"pairs", "platform", "'console', 'slack', 'matrix'"},
    {"pairs", "status", "'active', 'ended', 'graduated'"},
    {"outbox", "platform", "'console', 'slack', 'matrix'"},
    {"goals", "status", "'active', 'done', 'dropped'"},
    {"action_items", "status", "'open', 'done', 'dropped'"},
    {"schedules", "rule", "'weekly', 'biweekly', 'monthly'"},
    {"schedules", "nth", "-1, 1, 2, 3, 4"},
    {"meetings", "status", "'planned', 'open', 'held', 'skipped', 'cancelled'"},
    {"reminders", "state", "'pending', 'sent', 'dropped'"},
};

void compare_instead_of_in_lists(SQLite::Database& db) {
    const int schema = db.execAndGet("PRAGMA schema_version").getInt();
    struct WritableSchema {
        SQLite::Database& db;
        explicit WritableSchema(SQLite::Database& d) : db(d) {
            db.exec("PRAGMA writable_schema = ON");
        }
        ~WritableSchema() {
            try {
                db.exec("PRAGMA writable_schema = OFF");
            } catch (...) {
                // the connection is closing
            }
        }
    } writable(db);
    for (const InListCheck& c : kInListChecks) {
        const std::string column = c.column, values = c.values;
        std::string comparisons;
        for (std::size_t start = 0; start <= values.size();) {
            std::size_t end = values.find(", ", start);
            if (end == std::string::npos) end = values.size();
            comparisons += (comparisons.empty() ? "" : " OR ") + column + " = " +
                           values.substr(start, end - start);
            start = end + 2;
        }
        const std::string from = "CHECK (" + column + " IN (" + values + "))";
        const std::string to = "CHECK (" + comparisons + ")";
        SQLite::Statement q(db,
                            "UPDATE sqlite_schema SET sql = replace(sql, ?1, ?2) "
                            "WHERE type = 'table' AND name = ?3 AND instr(sql, ?1) > 0");
        q.bind(1, from);
        q.bind(2, to);
        q.bind(3, c.table);
        if (q.exec() != 1)
            throw StorageError("schema version 6: table " + std::string(c.table) +
                               " does not have the constraint " + from +
                               "; the database was changed by hand? Restore a backup");
    }
    db.exec("PRAGMA schema_version = " + std::to_string(schema + 1));
}

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
    {2, "agreements, goals, check-ins, action items, notes and feedback", R"sql(
-- Each version of a pair's agreement changes one field; the agreement at version N is the latest
-- value of every field among versions 1..N. Signatures belong to one version, so a new version
-- starts unsigned.
CREATE TABLE agreement_versions (
    id         INTEGER PRIMARY KEY,
    pair_id    INTEGER NOT NULL REFERENCES pairs (id),
    version    INTEGER NOT NULL CHECK (version > 0),
    field      TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    changed_by INTEGER NOT NULL REFERENCES people (id),
    created_at INTEGER NOT NULL,
    UNIQUE (pair_id, version)
);

CREATE TABLE agreement_signatures (
    pair_id   INTEGER NOT NULL REFERENCES pairs (id),
    version   INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id),
    signed_at INTEGER NOT NULL,
    PRIMARY KEY (pair_id, version, person_id)
);

-- Goals and action items carry a short number per pair (#3); users never see row ids.
-- Dates a person typed (targets, due dates) are calendar dates, 'YYYY-MM-DD'.
CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    pair_id     INTEGER NOT NULL REFERENCES pairs (id),
    number      INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    target_date TEXT CHECK (target_date IS NULL OR length(target_date) = 10),
    status      TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'dropped')),
    created_by  INTEGER NOT NULL REFERENCES people (id),
    created_at  INTEGER NOT NULL,
    closed_at   INTEGER,
    UNIQUE (pair_id, number)
);

CREATE TABLE goal_evidence (
    id         INTEGER PRIMARY KEY,
    goal_id    INTEGER NOT NULL REFERENCES goals (id),
    text       TEXT    NOT NULL,
    added_by   INTEGER NOT NULL REFERENCES people (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX goal_evidence_by_goal ON goal_evidence (goal_id, created_at);

-- A check-in replaced by a later one of the same period keeps its row, marked replaced.
CREATE TABLE checkins (
    id          INTEGER PRIMARY KEY,
    pair_id     INTEGER NOT NULL REFERENCES pairs (id),
    author_id   INTEGER NOT NULL REFERENCES people (id),
    progress    TEXT,
    challenges  TEXT,
    questions   TEXT,
    focus       TEXT,
    energy      INTEGER CHECK (energy IS NULL OR energy BETWEEN 1 AND 5),
    created_at  INTEGER NOT NULL,
    replaced_by INTEGER REFERENCES checkins (id)
);
CREATE INDEX checkins_by_pair ON checkins (pair_id, created_at);

CREATE TABLE action_items (
    id         INTEGER PRIMARY KEY,
    pair_id    INTEGER NOT NULL REFERENCES pairs (id),
    number     INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    owner_id   INTEGER NOT NULL REFERENCES people (id),
    due_date   TEXT CHECK (due_date IS NULL OR length(due_date) = 10),
    status     TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    created_by INTEGER NOT NULL REFERENCES people (id),
    created_at INTEGER NOT NULL,
    closed_at  INTEGER,
    UNIQUE (pair_id, number)
);
CREATE INDEX action_items_open_by_due ON action_items (status, due_date);

-- A private note is its author's alone: it is read back only together with its author.
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    pair_id    INTEGER NOT NULL REFERENCES pairs (id),
    author_id  INTEGER NOT NULL REFERENCES people (id),
    private    INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    text       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX notes_by_pair ON notes (pair_id, private, created_at);

-- SBI feedback from one member to the other; delivered as a direct message, never to the space.
CREATE TABLE feedback (
    id           INTEGER PRIMARY KEY,
    pair_id      INTEGER NOT NULL REFERENCES pairs (id),
    from_id      INTEGER NOT NULL REFERENCES people (id),
    to_id        INTEGER NOT NULL REFERENCES people (id),
    situation    TEXT    NOT NULL,
    behavior     TEXT    NOT NULL,
    impact       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    CHECK (from_id <> to_id)
);
CREATE INDEX feedback_to ON feedback (to_id, created_at);
)sql"},
    {3, "schedules, meetings, pauses and reminders", R"sql(
-- A pair's recurring rule: wall-clock time in an IANA zone, so 15:00 stays 15:00 across DST.
CREATE TABLE schedules (
    pair_id          INTEGER PRIMARY KEY REFERENCES pairs (id),
    rule             TEXT    NOT NULL CHECK (rule IN ('weekly', 'biweekly', 'monthly')),
    weekday          INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    nth              INTEGER CHECK (nth IN (-1, 1, 2, 3, 4)),
    local_minutes    INTEGER NOT NULL CHECK (local_minutes BETWEEN 0 AND 1439),
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    zone             TEXT    NOT NULL,
    anchor_day       INTEGER NOT NULL,
    set_by           INTEGER NOT NULL REFERENCES people (id),
    set_at           INTEGER NOT NULL
);

CREATE TABLE meetings (
    id               INTEGER PRIMARY KEY,
    pair_id          INTEGER NOT NULL REFERENCES pairs (id),
    number           INTEGER NOT NULL,
    starts_at        INTEGER NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    origin           TEXT    NOT NULL CHECK (origin IN ('schedule', 'one-off')),
    status           TEXT    NOT NULL DEFAULT 'planned'
                     CHECK (status IN ('planned', 'open', 'held', 'skipped', 'cancelled')),
    opened_at        INTEGER,
    closed_at        INTEGER,
    closed_by        TEXT CHECK (closed_by IN ('hand', 'auto')),
    reason           TEXT,
    UNIQUE (pair_id, number)
);
CREATE INDEX meetings_by_pair ON meetings (pair_id, starts_at);

-- Vacations: no meetings are planned and no reminders go out until this local day.
CREATE TABLE pauses (
    pair_id   INTEGER PRIMARY KEY REFERENCES pairs (id),
    until_day INTEGER NOT NULL,
    zone      TEXT    NOT NULL,
    set_by    INTEGER NOT NULL REFERENCES people (id)
);

-- Every automatic reminder, fired once: its message is queued in the outbox in the same
-- transaction that marks it sent.
CREATE TABLE reminders (
    id         INTEGER PRIMARY KEY,
    pair_id    INTEGER NOT NULL REFERENCES pairs (id),
    number     INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    meeting_id INTEGER REFERENCES meetings (id),
    subject_id INTEGER,
    person_id  INTEGER REFERENCES people (id),
    due_at     INTEGER NOT NULL,
    nudge      INTEGER NOT NULL DEFAULT 0,
    state      TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dropped')),
    settled_at INTEGER,
    note       TEXT,
    UNIQUE (pair_id, number)
);
CREATE INDEX reminders_due ON reminders (due_at) WHERE state = 'pending';

-- Answers to the periodic retrospective.
CREATE TABLE retros (
    id         INTEGER PRIMARY KEY,
    pair_id    INTEGER NOT NULL REFERENCES pairs (id),
    author_id  INTEGER NOT NULL REFERENCES people (id),
    helped     TEXT,
    slowed     TEXT,
    change     TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX retros_by_pair ON retros (pair_id, created_at);
CREATE INDEX reminders_by_meeting ON reminders (meeting_id) WHERE state = 'pending';
)sql"},
    {4, "Matrix session, sync position, handled events, direct rooms; replies into a conversation",
     R"sql(
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
    {5, "How many parts of a long message were posted", R"sql(
-- A message too long for one platform message goes out in parts; after a crash or a retry the
-- parts already posted are not posted again. platform_ref holds the first part's reference.
ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
)sql"},
    {6, "The same CHECK constraints, as comparisons SQLite checks without a temporary table", "",
     compare_instead_of_in_lists},
    {7, "No index of action items by status and due date", R"sql(
-- No query reads it: every query on action items asks about one pair (its items, the open and
-- overdue among them) and goes through the UNIQUE (pair_id, number) index. Yet each new item,
-- each closed one and each new due date wrote it: ~1.5 of the ~12.5 pages of log a batch of
-- `action add` commands wrote (docs/benchmarks.md, round 15).
DROP INDEX action_items_open_by_due;
)sql"},
};

int user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

}  // namespace

std::span<const Migration> migrations() {
    return kMigrations;
}

int newest_schema_version() {
    return kMigrations[std::size(kMigrations) - 1].version;
}

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
        if (!m.sql.empty()) db.exec(std::string(m.sql));
        if (m.code) m.code(db);
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

void migrate(SQLite::Database& db) {
    migrate_to(db, newest_schema_version());
}

}  // namespace mentorbot
