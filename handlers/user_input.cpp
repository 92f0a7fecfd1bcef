// handlers/user_input: the checks every verb applies to what people type — text that is neither
// empty nor too long, item numbers (#3), and dates that have not passed.
#include "handlers/user_input.hpp"

#include <charconv>

#include "handlers/when.hpp"

namespace mentorbot {

std::size_t char_count(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

std::optional<UserError> refuse_text(std::string_view what, std::string_view text) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return mistake(std::string(what) + " is empty; write the text after it");
    if (const std::size_t n = char_count(text); n > kMaxTextChars)
        return mistake(std::string(what) + " is " + std::to_string(n) +
                       " characters long; the limit is 2,000");
    return std::nullopt;
}

Expected<int> take_item_number(Args& args, std::string_view kind) {
    const std::string list = std::string(kind) + " list";
    auto token = args.next();
    if (!token)
        return mistake("say which " + std::string(kind) + ", by its number (" + list +
                       " shows them)");
    std::string_view typed = token->text;
    if (token->kind == Token::Kind::word && typed.starts_with('#')) typed.remove_prefix(1);
    int number = 0;
    const auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), number);
    if (token->kind != Token::Kind::word || ec != std::errc{} ||
        end != typed.data() + typed.size() || number <= 0)
        return mistake("\"" + excerpt(token->text, 20) + "\" is not " +
                       (kind == "action" ? "an " : "a ") + std::string(kind) + " number; " + list +
                       " shows them");
    return number;
}

std::string item_label(int number) {
    return "#" + std::to_string(number);
}

UserError no_such_item(std::string_view kind, int number) {
    return mistake("there is no " + std::string(kind) + " " + item_label(number) +
                   " in this pair; " + std::string(kind) + " list shows them");
}

Expected<Day> take_date(Args& args, Day today, std::string_view what) {
    const auto tokens = args.remaining();
    if (tokens.empty()) return mistake("give " + std::string(what) + " (e.g. fri or 2026-12-01)");
    const auto parsed = parse_date(tokens, today);
    if (!parsed || parsed->used != tokens.size()) {
        std::string typed;
        for (const Token& t : tokens) typed += (typed.empty() ? "" : " ") + t.text;
        return mistake("I can't read the date \"" + excerpt(typed, 30) +
                       "\" (try 2026-12-01, fri, tomorrow or in 3 days)");
    }
    args.skip(tokens.size());
    if (auto passed = refuse_past(parsed->day, today, what)) return *passed;
    return parsed->day;
}

std::optional<UserError> refuse_past(Day day, Day today, std::string_view what) {
    if (day >= today) return std::nullopt;
    return mistake(std::string(what) + " " + format_date(day) +
                   " has already passed; give today or a later date");
}

}  // namespace mentorbot
