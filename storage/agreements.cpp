// storage/agreements: the versions of each pair's agreement (one changed field each) and who
// signed which version.
#include "storage/agreements.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/columns.hpp"
#include "storage/query.hpp"

namespace mentorbot {

int Agreements::change(PairId pair, const std::string& field, const std::string& value, PersonId by,
                       Instant now) {
    Query last(db_, "SELECT COALESCE(MAX(version), 0) FROM agreement_versions WHERE pair_id = ?");
    last.bind(1, pair.value);
    last.executeStep();
    const int version = last.getColumn(0).getInt() + 1;
    Query q(db_,
            "INSERT INTO agreement_versions (pair_id, version, field, value, "
            "changed_by, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, pair.value);
    q.bind(2, version);
    q.bind(3, field);
    q.bind(4, value);
    q.bind(5, by.value);
    q.bind(6, columns::seconds(now));
    q.exec();
    return version;
}

std::vector<AgreementChange> Agreements::changes(PairId pair) {
    Query q(db_,
            "SELECT version, field, value, changed_by, created_at FROM "
            "agreement_versions WHERE pair_id = ? ORDER BY version");
    q.bind(1, pair.value);
    std::vector<AgreementChange> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getString(),
                       q.getColumn(2).getString(), PersonId{q.getColumn(3).getInt64()},
                       columns::instant(q.getColumn(4))});
    return out;
}

void Agreements::sign(PairId pair, int version, PersonId person, Instant now) {
    Query q(db_,
            "INSERT OR IGNORE INTO agreement_signatures (pair_id, version, person_id, "
            "signed_at) VALUES (?, ?, ?, ?)");
    q.bind(1, pair.value);
    q.bind(2, version);
    q.bind(3, person.value);
    q.bind(4, columns::seconds(now));
    q.exec();
}

std::vector<AgreementSignature> Agreements::signatures(PairId pair) {
    Query q(db_,
            "SELECT version, person_id, signed_at FROM agreement_signatures WHERE "
            "pair_id = ? ORDER BY version, signed_at");
    q.bind(1, pair.value);
    std::vector<AgreementSignature> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt(), PersonId{q.getColumn(1).getInt64()},
                       columns::instant(q.getColumn(2))});
    return out;
}

}  // namespace mentorbot
