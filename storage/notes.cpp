// storage/notes: a pair's notes — shared takeaways, and private ones only their author reads.
#include "storage/notes.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {
namespace {

std::vector<Note> read_notes(SQLite::Statement& q) {
    std::vector<Note> out;
    while (q.executeStep())
        out.push_back({PairId{q.getColumn(0).getInt64()}, PersonId{q.getColumn(1).getInt64()},
                       q.getColumn(2).getInt() != 0, q.getColumn(3).getString(),
                       columns::instant(q.getColumn(4))});
    return out;
}

constexpr const char* kSelect =
    "SELECT pair_id, author_id, private, text, created_at FROM notes WHERE pair_id = ? ";

}  // namespace

void Notes::add(const Note& note) {
    Query q(db_,
            "INSERT INTO notes (pair_id, author_id, private, text, created_at) VALUES "
            "(?, ?, ?, ?, ?)");
    q.bind(1, note.pair.value);
    q.bind(2, note.author.value);
    q.bind(3, note.is_private ? 1 : 0);
    q.bind(4, note.text);
    q.bind(5, columns::seconds(note.at));
    q.exec();
}

std::vector<Note> Notes::shared(PairId pair) {
    Query q(db_, std::string(kSelect) + "AND private = 0 ORDER BY created_at, id");
    q.bind(1, pair.value);
    return read_notes(q);
}

std::vector<Note> Notes::private_of(PairId pair, PersonId author) {
    Query q(db_,
            std::string(kSelect) + "AND private = 1 AND author_id = ? ORDER BY created_at, id");
    q.bind(1, pair.value);
    q.bind(2, author.value);
    return read_notes(q);
}

}  // namespace mentorbot
