// storage/query: a statement prepared once per connection and reused — borrowed for one use,
// then reset and handed back — so a command does not pay for parsing its SQL every time.
#include "storage/query.hpp"

namespace mentorbot {

Query::Query(Database& db, const std::string& sql) : db_(db), statement_(db.borrow(sql)) {}

Query::~Query() {
    db_.give_back(std::move(statement_));
}

}  // namespace mentorbot
