// storage/database: opens the one SQLite file (WAL, foreign keys), migrates it, runs transactions.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/checkpointer.hpp"

namespace mentorbot {

// Thrown when the database cannot be used as it is (newer schema, unreadable file).
struct StorageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Database {
  public:
    // Opens (creating if needed) and migrates to the newest schema this binary knows.
    // ":memory:" gives a fresh private database (used by tests).
    explicit Database(const std::string& path);

    SQLite::Database& sql() { return db_; }
    int schema_version();
    // Checkpoints that copied the whole write-ahead log so far (in the background, or finished
    // by the writer after the background copied all but the last pages).
    int checkpoints();
    // Of those, the ones whose end (the last pages and two fsyncs) the writer ran (benchmarks).
    int checkpoints_finished_by_writer();
    // Waits for `count` such checkpoints (tests); false after `timeout` or in memory.
    bool wait_for_checkpoints(int count, std::chrono::milliseconds timeout);
    // How the writer's part of a checkpoint runs after a commit (see Checkpointer): by default
    // inside the commit; `defer` lets the owner of the connection's thread run it afterwards.
    void defer_checkpoints(Checkpointer::Defer defer);
    const std::string& path() const { return path_; }
    // Counts the transactions and savepoints that undid writes (rolled back after changing rows,
    // or failed to commit; inside a SavepointFree scope, ended uncommitted after changing rows,
    // their writes left for the outer transaction's rollback). The repositories that keep rows
    // in memory drop them when it moves: what they hold may have been undone. (The bot owns its
    // database file; no other connection writes to it.)
    std::uint64_t undone() const { return undone_; }

    // One unit of work: committed by commit(), rolled back when destroyed uncommitted.
    // A transaction begun while another is open is a savepoint inside it: rolling it back undoes
    // only its own work, and its commit becomes durable with the outer one — unless it was begun
    // inside a SavepointFree scope (below).
    class Transaction {
      public:
        explicit Transaction(Database& db);
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        ~Transaction();
        void commit();

      private:
        std::string savepoint() const;
        Database& db_;
        int level_ = 0;
        bool done_ = false;
        bool without_savepoint_ = false;     // begun inside a SavepointFree scope
        std::int64_t changes_at_start_ = 0;  // rows written on the connection before it began
    };

    // Within its lifetime, transactions begun inside the one open transaction take no savepoint
    // (SQLite copies every page a savepoint changes, and a batch of commands opens one each).
    // One that then ends uncommitted after writing cannot undo its own work: it moves undone()
    // instead, and the owner of the outer transaction must roll that back whole (and may run it
    // again with savepoints, outside such a scope).
    class SavepointFree {
      public:
        explicit SavepointFree(Database& db) : db_(db) { db_.savepoint_free_ = true; }
        SavepointFree(const SavepointFree&) = delete;
        SavepointFree& operator=(const SavepointFree&) = delete;
        ~SavepointFree() { db_.savepoint_free_ = false; }

      private:
        Database& db_;
    };

  private:
    friend class Query;
    // A prepared statement for `sql`: an idle one from the cache, or a newly prepared one when
    // every cached one is in use (a query run while another with the same text is stepping).
    std::unique_ptr<SQLite::Statement> borrow(const std::string& sql);
    // Resets the statement, clears its parameters and keeps it for the next borrow.
    void give_back(std::unique_ptr<SQLite::Statement> statement) noexcept;
    void run(const std::string& sql);

    static constexpr int kCheckpointPages = 1000;
    // The log starts over once past ~64 MB under load (at the first 20 ms pause otherwise): each
    // start under load costs the writer two fsyncs (docs/benchmarks.md, round 13).
    static constexpr int kRestartPages = 16 * kCheckpointPages;
    static constexpr int kLogLimitPages = 40 * kCheckpointPages;  // ~160 MB of log

    std::string path_;
    // Declared before db_: the connection closes (with its final checkpoint) before the
    // background checkpointer stops.
    std::unique_ptr<Checkpointer> checkpointer_;
    SQLite::Database db_;
    // Declared after db_: the statements are finalized before the connection closes.
    std::unordered_map<std::string, std::vector<std::unique_ptr<SQLite::Statement>>> idle_;
    int depth_ = 0;
    bool savepoint_free_ = false;  // inside a SavepointFree scope
    std::uint64_t undone_ = 0;
};

}  // namespace mentorbot
