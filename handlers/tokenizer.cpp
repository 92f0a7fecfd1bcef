// handlers/tokenizer: splits `/mentor …` text into words, quoted strings and mentions.
#include "handlers/tokenizer.hpp"

#include <cctype>

namespace mentorbot {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Opening quote at `i` (ASCII or UTF-8 typographic); returns its byte length and the closer.
std::size_t opening_quote(std::string_view s, std::size_t i, std::string_view& closer) {
    if (s[i] == '"') return closer = "\"", 1;
    if (s[i] == '\'') return closer = "'", 1;
    if (s.substr(i, 3) == "\xE2\x80\x9C") return closer = "\xE2\x80\x9D", 3;  // “ ”
    if (s.substr(i, 3) == "\xE2\x80\x98") return closer = "\xE2\x80\x99", 3;  // ‘ ’
    return 0;
}

bool matrix_user_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '=' ||
           c == '-' || c == '/' || c == '+';
}

// `@localpart:server` or `@name`, with trailing sentence punctuation left out.
Token at_mention(std::string_view word, std::size_t begin) {
    std::string_view body = word.substr(1);
    while (!body.empty() && (body.back() == ',' || body.back() == '.' || body.back() == ';' ||
                             body.back() == '!' || body.back() == '?' || body.back() == ')'))
        body.remove_suffix(1);
    Token t{Token::Kind::mention, {}, {}, begin, begin + 1 + body.size()};
    const auto colon = body.find(':');
    if (colon != std::string_view::npos && colon > 0 && colon + 1 < body.size()) {
        t.user = "@" + std::string(body);
        t.text = std::string(body.substr(0, colon));
    } else {
        t.user = std::string(body);
        t.text = std::string(body);
    }
    return t;
}

bool valid_at_mention(std::string_view word) {
    if (word.size() < 2 || word[0] != '@') return false;
    for (char c : word.substr(1))
        if (!matrix_user_char(c) && c != ':' && c != ',' && c != ';' && c != '!' && c != '?' &&
            c != ')')
            return false;
    return matrix_user_char(word[1]);
}

}  // namespace

bool Token::is_word(std::string_view w) const {
    if (kind != Kind::word || text.size() != w.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            std::tolower(static_cast<unsigned char>(w[i])))
            return false;
    return true;
}

Expected<std::vector<Token>> tokenize(std::string_view s) {
    for (unsigned char c : s) {
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            return mistake("the text contains a control character; type plain text only");
    }
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_space(s[i])) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        std::string_view closer;
        if (std::size_t q = opening_quote(s, i, closer)) {
            const std::size_t close = s.find(closer, i + q);
            if (close == std::string_view::npos)
                return mistake("a quote opened at \"" + std::string(s.substr(i, 12)) +
                               "\" is never closed");
            tokens.push_back({Token::Kind::quoted,
                              std::string(s.substr(i + q, close - i - q)),
                              {},
                              begin,
                              close + closer.size()});
            i = close + closer.size();
            continue;
        }
        if (s.substr(i, 2) == "<@") {  // Slack mention <@U123|name> or <@U123>
            const std::size_t close = s.find('>', i);
            if (close != std::string_view::npos) {
                std::string_view inner = s.substr(i + 2, close - i - 2);
                const auto bar = inner.find('|');
                Token t{
                    Token::Kind::mention, {}, std::string(inner.substr(0, bar)), begin, close + 1};
                t.text =
                    bar == std::string_view::npos ? t.user : std::string(inner.substr(bar + 1));
                tokens.push_back(std::move(t));
                i = close + 1;
                continue;
            }
        }
        while (i < s.size() && !is_space(s[i])) ++i;
        std::string_view word = s.substr(begin, i - begin);
        if (valid_at_mention(word)) {
            tokens.push_back(at_mention(word, begin));
        } else {
            tokens.push_back({Token::Kind::word, std::string(word), {}, begin, i});
        }
    }
    return tokens;
}

}  // namespace mentorbot
