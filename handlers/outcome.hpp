// handlers/outcome: what a handler gives back — a reply and posts, or a user mistake as a value.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "handlers/document.hpp"
#include "storage/types.hpp"

namespace mentorbot {

// A mistake in what the user typed: one line of reason; the dispatcher adds the verb's usage.
struct UserError {
    std::string reason;
    std::string usage;  // filled by the dispatcher from the verb table when left empty
};

template <class T>
class Expected {
  public:
    Expected(T value) : v_(std::move(value)) {}
    Expected(UserError e) : v_(std::move(e)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T& operator*() { return value(); }
    T* operator->() { return &value(); }
    const UserError& error() const { return std::get<1>(v_); }

  private:
    std::variant<T, UserError> v_;
};

inline UserError mistake(std::string reason) {
    return UserError{std::move(reason), {}};
}

// A message for the outbox: to the pair's space or privately to one person.
struct Post {
    std::optional<PairId> pair;      // the pair's space
    std::optional<PersonId> person;  // a direct message (when `pair` is empty)
    std::string kind;
    Document body;
    std::optional<Instant> due;  // now when empty
};

// A successful command: the answer to the caller (private) and what goes elsewhere.
struct Reply {
    Document answer;
    std::vector<Post> posts;
};

using Outcome = Expected<Reply>;

}  // namespace mentorbot
