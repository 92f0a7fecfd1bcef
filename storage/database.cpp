// storage/database: opens the one SQLite file (WAL, foreign keys), migrates it, runs transactions.
#include "storage/database.hpp"

#include <sqlite3.h>

#include "storage/log_writes.hpp"
#include "storage/migrations.hpp"
#include "storage/query.hpp"

namespace mentorbot {

namespace {

// Returns `path` once the process-wide SQLite settings are made (once, before the first
// connection opens): no memory statistics, which take a global lock on every allocation and
// which nothing reads. (SQLITE_MISUSE if SQLite was already initialized: harmless.)
const std::string& after_configuring_sqlite(const std::string& path) {
    static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    static_cast<void>(configured);
    return path;
}

}  // namespace

// NOMUTEX: each connection is used by one thread at a time (the bot's storage thread), so
// SQLite's per-connection lock is pure cost. The log is written through joined_log_writes_vfs:
// one write a commit instead of two a page.
Database::Database(const std::string& path)
    : path_(path),
      db_(after_configuring_sqlite(path),
          SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, 0,
          path == ":memory:" ? "" : joined_log_writes_vfs()) {
    db_.setBusyTimeout(5000);
    if (path != ":memory:") db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA synchronous=NORMAL");  // durable in WAL mode across process crashes
    db_.exec("PRAGMA foreign_keys=ON");
    migrate(db_);
    if (path != ":memory:") {
        // Replaces SQLite's automatic checkpoint, which runs inside the commit that crosses the
        // mark and makes that command wait for the whole copy and its fsyncs.
        checkpointer_ =
            std::make_unique<Checkpointer>(path, kCheckpointPages, kRestartPages, kLogLimitPages);
        sqlite3_wal_hook(
            db_.getHandle(),
            [](void* checkpointer, sqlite3* db, const char*, int pages) {
                // Nothing is held after a commit (log_writes.hpp); should anything be, it is
                // written before the commit returns, and a failure fails the COMMIT.
                if (const int rc = write_held_log(db); rc != SQLITE_OK) return rc;
                static_cast<Checkpointer*>(checkpointer)->committed(db, pages);
                return SQLITE_OK;
            },
            checkpointer_.get());
    }
}

bool Database::wait_for_checkpoints(int count, std::chrono::milliseconds timeout) {
    return checkpointer_ && checkpointer_->wait_completed(count, timeout);
}

void Database::defer_checkpoints(Checkpointer::Defer defer) {
    if (checkpointer_) checkpointer_->defer_finishing(std::move(defer));
}

int Database::checkpoints() {
    return checkpointer_ ? checkpointer_->completed() : 0;
}

int Database::checkpoints_finished_by_writer() {
    return checkpointer_ ? checkpointer_->finished_by_writer() : 0;
}

int Database::schema_version() {
    return db_.execAndGet("PRAGMA user_version").getInt();
}

std::unique_ptr<SQLite::Statement> Database::borrow(const std::string& sql) {
    auto found = idle_.find(sql);
    if (found != idle_.end() && !found->second.empty()) {
        auto statement = std::move(found->second.back());
        found->second.pop_back();
        return statement;
    }
    return std::make_unique<SQLite::Statement>(db_, sql);
}

void Database::give_back(std::unique_ptr<SQLite::Statement> statement) noexcept {
    try {
        statement->tryReset();  // the error, if any, was already thrown by the step that met it
        statement->clearBindings();
        idle_[statement->getQuery()].push_back(std::move(statement));
    } catch (...) {
        // out of memory or a broken statement: finalize it instead of keeping it
    }
}

void Database::run(const std::string& sql) {
    Query(*this, sql).exec();
}

Database::Transaction::Transaction(Database& db)
    : db_(db),
      level_(db.depth_),
      without_savepoint_(level_ > 0 && db.savepoint_free_),
      changes_at_start_(sqlite3_total_changes64(db.db_.getHandle())) {
    if (!without_savepoint_)
        db_.run(level_ == 0 ? std::string("BEGIN IMMEDIATE") : "SAVEPOINT " + savepoint());
    ++db_.depth_;
}

std::string Database::Transaction::savepoint() const {
    return "nested_" + std::to_string(level_);
}

void Database::Transaction::commit() {
    if (done_) return;
    done_ = true;
    --db_.depth_;
    if (without_savepoint_) return;  // its work commits with the outer transaction
    try {
        db_.run(level_ == 0 ? std::string("COMMIT") : "RELEASE " + savepoint());
    } catch (...) {
        ++db_.undone_;
        if (level_ == 0) {
            // A failed COMMIT can leave the transaction open; end it so the next one can begin.
            try {
                db_.run("ROLLBACK");
            } catch (...) {
                // SQLite already rolled it back
            }
        }
        throw;
    }
}

Database::Transaction::~Transaction() {
    if (done_) return;
    --db_.depth_;
    if (sqlite3_total_changes64(db_.db_.getHandle()) != changes_at_start_) ++db_.undone_;
    if (without_savepoint_) return;  // nothing of its own to roll back to: see SavepointFree
    try {
        if (level_ == 0) {
            db_.run("ROLLBACK");
        } else {
            db_.run("ROLLBACK TO " + savepoint());
            db_.run("RELEASE " + savepoint());
        }
    } catch (...) {
        // the connection is closing or the transaction already ended: nothing to undo
    }
}

}  // namespace mentorbot
