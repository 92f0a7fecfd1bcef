// handlers/tokenizer: splits `/mentor …` text into words, quoted strings and mentions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "handlers/outcome.hpp"

namespace mentorbot {

struct Token {
    enum class Kind { word, quoted, mention };
    Kind kind = Kind::word;
    std::string text;       // word or quoted text (quotes removed); a mention's display name
    std::string user;       // a mention's platform id: "U123", "@bob:example.org", "bob"
    std::size_t begin = 0;  // byte offsets of the token in the input, quotes included
    std::size_t end = 0;

    bool is_word(std::string_view w) const;  // case-insensitive match of a plain word
};

// Mentions: Slack `<@U123|name>` / `<@U123>`, Matrix `@user:server`, console `@name`.
// Quotes: "…", '…' and the typographic “…” ‘…’ that chat clients substitute.
// Rejects control characters (other than tab and newline) and unterminated quotes.
Expected<std::vector<Token>> tokenize(std::string_view input);

}  // namespace mentorbot
