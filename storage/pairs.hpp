// storage/pairs: mentor–mentee pairs, their status and the conversation that is their space.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

class Pairs {
  public:
    explicit Pairs(Database& db) : db_(db) {}

    Pair create(Platform platform, PersonId mentor, PersonId mentee, PersonId created_by,
                const std::optional<std::string>& origin, Instant now);
    std::optional<Pair> find(PairId id);
    // Pairs the person belongs to, newest first; only active ones unless `include_closed`.
    std::vector<Pair> of_person(PersonId person, bool include_closed = false);
    // The active pair of these two people, in either role.
    std::optional<Pair> active_between(PersonId a, PersonId b);
    // Active pairs whose space is this conversation.
    std::vector<Pair> active_in_space(Platform platform, const std::string& conversation);
    // Every pair of a platform, newest first (coordinators' views).
    std::vector<Pair> all(Platform platform, bool include_closed = false);

    void set_space(PairId id, const std::string& conversation);
    void close(PairId id, PairStatus status, const std::optional<std::string>& reason, Instant now);

  private:
    std::vector<Pair> query(const std::string& where, const std::vector<std::string>& text_args,
                            const std::vector<std::int64_t>& int_args);
    Database& db_;
};

}  // namespace mentorbot
