// storage/database: opens the one SQLite file (WAL, foreign keys), migrates it, runs transactions.
#pragma once

#include <SQLiteCpp/Database.h>

#include <optional>
#include <stdexcept>
#include <string>

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
    const std::string& path() const { return path_; }

    // One unit of work: committed by commit(), rolled back when destroyed uncommitted.
    // A transaction begun while another is open is a savepoint inside it: rolling it back undoes
    // only its own work, and its commit becomes durable with the outer one.
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
    };

  private:
    std::string path_;
    SQLite::Database db_;
    int depth_ = 0;
};

}  // namespace mentorbot
