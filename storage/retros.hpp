// storage/retros: the pair's answers to the periodic retrospective.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

struct RetroAnswer {
    PairId pair;
    PersonId author;
    std::optional<std::string> helped, slowed, change;
    Instant at{};
};

class Retros {
  public:
    explicit Retros(Database& db) : db_(db) {}

    void record(const RetroAnswer& answer);
    std::vector<RetroAnswer> of_pair(PairId pair);  // oldest first

  private:
    Database& db_;
};

}  // namespace mentorbot
