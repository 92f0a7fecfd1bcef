// storage/pairs: mentor–mentee pairs, their status and the conversation that is their space.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
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
    // Every pair is kept in memory once read (a program has hundreds, and each command looks up
    // the caller's): the table is read whole on first use, each write goes to the database first
    // and then re-reads its row, and a rollback drops everything.
    void load_if_needed();
    void reread(PairId id);
    void index(const Pair& pair);
    void unindex(const Pair& pair);
    std::vector<Pair> pick(const std::vector<std::int64_t>& ids, bool newest_first,
                           bool include_closed) const;

    Database& db_;
    bool loaded_ = false;
    std::uint64_t undone_seen_ = 0;
    std::map<std::int64_t, Pair> by_id_;
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> by_person_;  // ids ascending
    std::map<std::pair<Platform, std::string>, std::vector<std::int64_t>> by_space_;
};

}  // namespace mentorbot
