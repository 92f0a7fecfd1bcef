// storage/checkins: the mentee's check-ins before meetings; a replaced one stays as history.
#include "storage/checkins.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {
namespace {

constexpr const char* kSelect =
    "SELECT id, pair_id, author_id, progress, challenges, questions, focus, energy, created_at, "
    "replaced_by IS NOT NULL FROM checkins WHERE pair_id = ? ";

CheckIn read_checkin(SQLite::Statement& q) {
    CheckIn c;
    c.id = q.getColumn(0).getInt64();
    c.pair = PairId{q.getColumn(1).getInt64()};
    c.author = PersonId{q.getColumn(2).getInt64()};
    c.progress = columns::maybe_text(q.getColumn(3));
    c.challenges = columns::maybe_text(q.getColumn(4));
    c.questions = columns::maybe_text(q.getColumn(5));
    c.focus = columns::maybe_text(q.getColumn(6));
    if (!q.getColumn(7).isNull()) c.energy = q.getColumn(7).getInt();
    c.at = columns::instant(q.getColumn(8));
    c.replaced = q.getColumn(9).getInt() != 0;
    return c;
}

}  // namespace

CheckIn CheckIns::record(const CheckIn& c, std::optional<std::int64_t> replaces, Instant now) {
    Query q(db_,
            "INSERT INTO checkins (pair_id, author_id, progress, challenges, questions, "
            "focus, energy, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, c.pair.value);
    q.bind(2, c.author.value);
    columns::bind(q, 3, c.progress);
    columns::bind(q, 4, c.challenges);
    columns::bind(q, 5, c.questions);
    columns::bind(q, 6, c.focus);
    if (c.energy)
        q.bind(7, *c.energy);
    else
        q.bind(7);
    q.bind(8, columns::seconds(now));
    q.exec();
    CheckIn stored = c;
    stored.id = db_.sql().getLastInsertRowid();
    stored.at = now;
    stored.replaced = false;
    if (replaces) {
        Query r(db_, "UPDATE checkins SET replaced_by = ? WHERE id = ? AND pair_id = ?");
        r.bind(1, stored.id);
        r.bind(2, *replaces);
        r.bind(3, c.pair.value);
        r.exec();
    }
    return stored;
}

std::optional<CheckIn> CheckIns::latest(PairId pair, Instant since) {
    Query q(db_, std::string(kSelect) +
                     "AND replaced_by IS NULL AND created_at >= ? ORDER BY "
                     "created_at DESC, id DESC LIMIT 1");
    q.bind(1, pair.value);
    q.bind(2, columns::seconds(since));
    if (!q.executeStep()) return std::nullopt;
    return read_checkin(q);
}

std::vector<CheckIn> CheckIns::history(PairId pair) {
    Query q(db_, std::string(kSelect) + "ORDER BY created_at DESC, id DESC");
    q.bind(1, pair.value);
    std::vector<CheckIn> out;
    while (q.executeStep()) out.push_back(read_checkin(q));
    return out;
}

}  // namespace mentorbot
