// handlers/args: a cursor over a command's tokens with the clauses verbs share
// (rest-of-line text, `with @person`, trailing `by <date>`, `key: value` sections).
#pragma once

#include <date/date.h>

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/outcome.hpp"
#include "handlers/tokenizer.hpp"

namespace mentorbot {

class Args {
  public:
    Args(std::string input, std::vector<Token> tokens);

    bool empty() const { return pos_ >= tokens_.size(); }
    std::size_t size() const { return tokens_.size() - pos_; }
    const Token* peek(std::size_t ahead = 0) const;
    std::optional<Token> next();
    void skip(std::size_t n) { pos_ = std::min(tokens_.size(), pos_ + n); }
    std::span<const Token> remaining() const;

    // Consumes the next token if it is this plain word (case-insensitive).
    bool take_word(std::string_view word);
    // Consumes the next token if it is a mention.
    std::optional<Token> take_mention();
    // Removes `with @person [@person]` wherever it stands; returns the mentions (empty if absent).
    std::vector<Token> take_with_clause();
    // Removes a trailing `<keyword> <date>` (e.g. `by fri`, `due in 3 days`). Nothing when there
    // is no such clause; an error when the keyword is followed by something date-like but wrong.
    std::optional<Expected<date::local_days>> take_trailing_date(std::string_view keyword,
                                                                 date::local_days today);
    // The rest of the input as typed (spacing kept; one fully quoted token loses its quotes).
    std::string rest_text();

    // Splits the rest into `key: value` sections for the allowed keys; text before the first
    // key comes under "". A key given twice is an error.
    Expected<std::map<std::string, std::string>> sections(std::span<const std::string_view> keys);

  private:
    std::string input_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    std::vector<std::size_t> cuts_;  // offsets where removed clauses began
};

// Shortens user text for one-line mentions in replies ("Learn Rust and…").
std::string excerpt(std::string_view text, std::size_t max_chars = 60);

}  // namespace mentorbot
