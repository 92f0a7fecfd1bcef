// storage/notes: a pair's notes — shared takeaways, and private ones only their author reads.
#pragma once

#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

struct Note {
    PairId pair;
    PersonId author;
    bool is_private = false;
    std::string text;
    Instant at{};
};

class Notes {
  public:
    explicit Notes(Database& db) : db_(db) {}

    void add(const Note& note);  // `at` is when it was written
    // The pair's shared notes, oldest first; private notes are never among them.
    std::vector<Note> shared(PairId pair);
    // The private notes `author` wrote in this pair, oldest first; there is no way to read
    // private notes without naming their author.
    std::vector<Note> private_of(PairId pair, PersonId author);

  private:
    Database& db_;
};

}  // namespace mentorbot
