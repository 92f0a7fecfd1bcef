// storage/checkins: the mentee's check-ins before meetings; a replaced one stays as history.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

struct CheckIn {
    std::int64_t id = 0;  // internal: links a check-in to the one that replaced it
    PairId pair;
    PersonId author;
    std::optional<std::string> progress, challenges, questions, focus;
    std::optional<int> energy;  // 1-5
    Instant at{};
    bool replaced = false;  // a later check-in of the same period took its place
};

class CheckIns {
  public:
    explicit CheckIns(Database& db) : db_(db) {}

    // Records the check-in (its id, `replaced` and `at` are ignored; `at` becomes `now`); when
    // `replaces` is given, that earlier one is marked replaced by it. Returns the stored one.
    CheckIn record(const CheckIn& checkin, std::optional<std::int64_t> replaces, Instant now);
    // The pair's newest check-in not replaced, made at or after `since`.
    std::optional<CheckIn> latest(PairId pair, Instant since);
    // Every check-in of the pair, newest first, replaced ones included.
    std::vector<CheckIn> history(PairId pair);

  private:
    Database& db_;
};

}  // namespace mentorbot
