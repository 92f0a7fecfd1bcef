// storage/feedback: SBI feedback one member gave the other; read back only by its recipient.
#include "storage/feedback.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {

void FeedbackLog::record(const Feedback& f) {
    Query q(db_,
            "INSERT INTO feedback (pair_id, from_id, to_id, situation, behavior, "
            "impact, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, f.pair.value);
    q.bind(2, f.from.value);
    q.bind(3, f.to.value);
    q.bind(4, f.situation);
    q.bind(5, f.behavior);
    q.bind(6, f.impact);
    q.bind(7, columns::seconds(f.at));
    q.exec();
}

std::vector<Feedback> FeedbackLog::received(PairId pair, PersonId recipient) {
    Query q(db_,
            "SELECT pair_id, from_id, to_id, situation, behavior, impact, created_at "
            "FROM feedback WHERE pair_id = ? AND to_id = ? ORDER BY created_at, id");
    q.bind(1, pair.value);
    q.bind(2, recipient.value);
    std::vector<Feedback> out;
    while (q.executeStep())
        out.push_back({PairId{q.getColumn(0).getInt64()}, PersonId{q.getColumn(1).getInt64()},
                       PersonId{q.getColumn(2).getInt64()}, q.getColumn(3).getString(),
                       q.getColumn(4).getString(), q.getColumn(5).getString(),
                       columns::instant(q.getColumn(6))});
    return out;
}

}  // namespace mentorbot
