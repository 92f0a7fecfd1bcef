// handlers/args: a cursor over a command's tokens with the clauses verbs share.
#include "handlers/args.hpp"

#include <algorithm>
#include <cctype>

#include "handlers/when.hpp"

namespace mentorbot {
namespace {

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool date_like(const Token& t) {
    if (t.kind != Token::Kind::word) return false;
    const std::string w = lower(t.text);
    return std::isdigit(static_cast<unsigned char>(w[0])) || w == "in" || w == "next" ||
           w == "today" || w == "tomorrow";
}

}  // namespace

Args::Args(std::string input, std::vector<Token> tokens)
    : input_(std::move(input)), tokens_(std::move(tokens)) {}

const Token* Args::peek(std::size_t ahead) const {
    return pos_ + ahead < tokens_.size() ? &tokens_[pos_ + ahead] : nullptr;
}

std::optional<Token> Args::next() {
    if (empty()) return std::nullopt;
    return tokens_[pos_++];
}

std::span<const Token> Args::remaining() const {
    return std::span<const Token>(tokens_).subspan(pos_);
}

bool Args::take_word(std::string_view word) {
    if (const Token* t = peek(); t && t->is_word(word)) {
        ++pos_;
        return true;
    }
    return false;
}

std::optional<Token> Args::take_mention() {
    if (const Token* t = peek(); t && t->kind == Token::Kind::mention) return *next();
    return std::nullopt;
}

std::vector<Token> Args::take_with_clause() {
    for (std::size_t i = pos_; i + 1 < tokens_.size(); ++i) {
        if (!tokens_[i].is_word("with") || tokens_[i + 1].kind != Token::Kind::mention) continue;
        std::size_t end = i + 1;
        while (end < tokens_.size() && tokens_[end].kind == Token::Kind::mention) ++end;
        std::vector<Token> mentions(tokens_.begin() + static_cast<long>(i) + 1,
                                    tokens_.begin() + static_cast<long>(end));
        cuts_.push_back(tokens_[i].begin);
        tokens_.erase(tokens_.begin() + static_cast<long>(i),
                      tokens_.begin() + static_cast<long>(end));
        return mentions;
    }
    return {};
}

std::optional<Expected<date::local_days>> Args::take_trailing_date(std::string_view keyword,
                                                                   date::local_days today) {
    for (std::size_t i = tokens_.size(); i-- > pos_;) {
        if (!tokens_[i].is_word(keyword)) continue;
        const auto after = std::span<const Token>(tokens_).subspan(i + 1);
        if (after.empty()) return std::nullopt;
        auto parsed = parse_date(after, today);
        if (parsed && parsed->used == after.size()) {
            cuts_.push_back(tokens_[i].begin);
            tokens_.resize(i);
            return Expected<date::local_days>(parsed->day);
        }
        if (date_like(after.front())) {
            std::string typed = input_.substr(after.front().begin);
            return Expected<date::local_days>(
                mistake("I can't read the date \"" + trim(typed) +
                        "\" (try 2026-12-01, fri, tomorrow or in 3 days)"));
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::string Args::rest_text() {
    if (empty()) return {};
    if (size() == 1 && tokens_[pos_].kind == Token::Kind::quoted) return tokens_[pos_++].text;
    std::string out;
    for (std::size_t i = pos_; i < tokens_.size(); ++i) {
        const Token& t = tokens_[i];
        if (i > pos_) {
            const std::size_t gap = tokens_[i - 1].end;
            const bool cut = std::any_of(cuts_.begin(), cuts_.end(),
                                         [&](std::size_t c) { return c >= gap && c < t.begin; });
            out += cut ? std::string(" ") : input_.substr(gap, t.begin - gap);
        }
        out += input_.substr(t.begin, t.end - t.begin);
    }
    pos_ = tokens_.size();
    return trim(out);
}

Expected<std::map<std::string, std::string>> Args::sections(
    std::span<const std::string_view> keys) {
    struct Label {
        std::string key;
        std::size_t label_begin, value_begin;
    };
    std::vector<Label> labels;
    for (std::size_t i = pos_; i < tokens_.size(); ++i) {
        const Token& t = tokens_[i];
        if (t.kind != Token::Kind::word) continue;
        const std::string w = lower(t.text);
        for (auto key : keys) {
            if (w.size() > key.size() && w.compare(0, key.size(), key) == 0 &&
                w[key.size()] == ':') {
                labels.push_back({std::string(key), t.begin, t.begin + key.size() + 1});
                break;
            }
        }
    }
    std::map<std::string, std::string> out;
    const std::size_t start = empty() ? input_.size() : tokens_[pos_].begin;
    const std::size_t stop = tokens_.empty() ? input_.size() : tokens_.back().end;
    const std::size_t first = labels.empty() ? stop : labels.front().label_begin;
    if (std::string free = trim(std::string_view(input_).substr(start, first - start));
        !free.empty())
        out[""] = free;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::size_t end = i + 1 < labels.size() ? labels[i + 1].label_begin : stop;
        std::string value = trim(
            std::string_view(input_).substr(labels[i].value_begin, end - labels[i].value_begin));
        if (value.size() >= 2 && (value.front() == '"' && value.back() == '"'))
            value = value.substr(1, value.size() - 2);
        if (out.count(labels[i].key))
            return mistake("\"" + labels[i].key + ":\" is given twice; give each section once");
        out[labels[i].key] = value;
    }
    pos_ = tokens_.size();
    return out;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
    std::string one_line;
    for (char c : text) one_line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (one_line.size() <= max_chars) return one_line;
    std::size_t cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(one_line[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    return one_line.substr(0, cut) + "…";
}

}  // namespace mentorbot
