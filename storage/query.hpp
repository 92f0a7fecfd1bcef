// storage/query: a statement prepared once per connection and reused — borrowed for one use,
// then reset and handed back — so a command does not pay for parsing its SQL every time.
#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <utility>

#include "storage/database.hpp"

namespace mentorbot {

class Query {
  public:
    // `sql` is always text written in storage/ (values go in as bound parameters), so the
    // number of distinct statements the connection keeps is bounded by the code.
    Query(Database& db, const std::string& sql);
    ~Query();
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    template <class... Args>
    void bind(Args&&... args) {
        statement_->bind(std::forward<Args>(args)...);
    }
    int exec() { return statement_->exec(); }
    bool executeStep() { return statement_->executeStep(); }
    SQLite::Column getColumn(int index) { return statement_->getColumn(index); }
    int getBindParameterCount() const { return statement_->getBindParameterCount(); }
    operator SQLite::Statement&() { return *statement_; }

  private:
    Database& db_;
    std::unique_ptr<SQLite::Statement> statement_;
};

}  // namespace mentorbot
