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

int Database::schema_version() {
    return db_.execAndGet("PRAGMA user_version").getInt();
}

Database::Transaction::Transaction(Database& db) : db_(db), level_(db.depth_) {
    db_.db_.exec(level_ == 0 ? std::string("BEGIN IMMEDIATE") : "SAVEPOINT " + savepoint());
    ++db_.depth_;
}

std::string Database::Transaction::savepoint() const {
    return "nested_" + std::to_string(level_);
}

void Database::Transaction::commit() {
    if (done_) return;
    done_ = true;
    --db_.depth_;
    db_.db_.exec(level_ == 0 ? std::string("COMMIT") : "RELEASE " + savepoint());
}

Database::Transaction::~Transaction() {
    if (done_) return;
    --db_.depth_;
    try {
        if (level_ == 0) {
            db_.db_.exec("ROLLBACK");
        } else {
            db_.db_.exec("ROLLBACK TO " + savepoint());
            db_.db_.exec("RELEASE " + savepoint());
        }
    } catch (...) {
        // the connection is closing or the transaction already ended: nothing to undo
    }
}

}  // namespace mentorbot
