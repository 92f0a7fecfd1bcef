// storage/agreements: the versions of each pair's agreement (one changed field each) and who
// signed which version.
#pragma once

#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

// Version `version` of a pair's agreement set `field` to `value`.
struct AgreementChange {
    int version = 0;
    std::string field;
    std::string value;
    PersonId changed_by;
    Instant at{};
};

struct AgreementSignature {
    int version = 0;
    PersonId person;
    Instant at{};
};

class Agreements {
  public:
    explicit Agreements(Database& db) : db_(db) {}

    // Records a new version that changes one field; returns its version number (1, 2, ...).
    int change(PairId pair, const std::string& field, const std::string& value, PersonId by,
               Instant now);
    // Every version of the pair's agreement, oldest first.
    std::vector<AgreementChange> changes(PairId pair);

    // Signing twice keeps the first signature.
    void sign(PairId pair, int version, PersonId person, Instant now);
    // Every signature of every version, oldest version first.
    std::vector<AgreementSignature> signatures(PairId pair);

  private:
    Database& db_;
};

}  // namespace mentorbot
