// storage/retros: the pair's answers to the periodic retrospective.
#include "storage/retros.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {

void Retros::record(const RetroAnswer& a) {
    Query q(db_,
            "INSERT INTO retros (pair_id, author_id, helped, slowed, change, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, a.pair.value);
    q.bind(2, a.author.value);
    int i = 3;
    for (const auto* v : {&a.helped, &a.slowed, &a.change}) {
        if (*v)
            q.bind(i, **v);
        else
            q.bind(i);
        ++i;
    }
    q.bind(6, columns::seconds(a.at));
    q.exec();
}

std::vector<RetroAnswer> Retros::of_pair(PairId pair) {
    Query q(db_,
            "SELECT author_id, helped, slowed, change, created_at FROM retros "
            "WHERE pair_id = ? ORDER BY created_at, id");
    q.bind(1, pair.value);
    std::vector<RetroAnswer> out;
    while (q.executeStep()) {
        RetroAnswer a;
        a.pair = pair;
        a.author = PersonId{q.getColumn(0).getInt64()};
        a.helped = columns::maybe_text(q.getColumn(1));
        a.slowed = columns::maybe_text(q.getColumn(2));
        a.change = columns::maybe_text(q.getColumn(3));
        a.at = columns::instant(q.getColumn(4));
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace mentorbot
