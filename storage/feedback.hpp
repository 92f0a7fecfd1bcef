// storage/feedback: SBI feedback one member gave the other; read back only by its recipient.
#pragma once

#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/types.hpp"

namespace mentorbot {

struct Feedback {
    PairId pair;
    PersonId from;
    PersonId to;
    std::string situation, behavior, impact;
    Instant at{};
};

class FeedbackLog {
  public:
    explicit FeedbackLog(Database& db) : db_(db) {}

    void record(const Feedback& feedback);  // `at` is when it was given
    // What `recipient` was given in this pair, oldest first.
    std::vector<Feedback> received(PairId pair, PersonId recipient);

  private:
    Database& db_;
};

}  // namespace mentorbot
