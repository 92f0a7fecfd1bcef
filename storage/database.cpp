// storage/database: opens the one SQLite file (WAL, foreign keys), migrates it, runs transactions.
#include "storage/database.hpp"

#include "storage/migrations.hpp"

namespace mentorbot {

Database::Database(const std::string& path)
    : path_(path), db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
    db_.setBusyTimeout(5000);
    if (path != ":memory:") db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA synchronous=NORMAL");  // durable in WAL mode across process crashes
    db_.exec("PRAGMA foreign_keys=ON");
    migrate(db_);
}

int Database::schema_version() { return db_.execAndGet("PRAGMA user_version").getInt(); }

Database::Transaction::Transaction(Database& db) : db_(db) {
    outer_ = db_.depth_ == 0;
    if (outer_) db_.db_.exec("BEGIN IMMEDIATE");
    ++db_.depth_;
}

void Database::Transaction::commit() {
    if (done_) return;
    done_ = true;
    --db_.depth_;
    if (outer_) db_.db_.exec("COMMIT");
}

Database::Transaction::~Transaction() {
    if (done_) return;
    --db_.depth_;
    if (outer_) {
        try {
            db_.db_.exec("ROLLBACK");
        } catch (...) {
            // the connection is closing or the transaction already ended: nothing to undo
        }
    }
}

}  // namespace mentorbot
