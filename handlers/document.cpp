// handlers/document: the platform-neutral body of a bot message, its plain rendering and storage.
#include "handlers/document.hpp"

#include <nlohmann/json.hpp>

#include "handlers/json_text.hpp"

namespace mentorbot {

Document& Document::heading(std::string t) {
    blocks.push_back({Block::Kind::heading, {{text(std::move(t))}}});
    return *this;
}
Document& Document::paragraph(Line line) {
    blocks.push_back({Block::Kind::paragraph, {std::move(line)}});
    return *this;
}
Document& Document::paragraph(std::string t) {
    return paragraph(Line{text(std::move(t))});
}
Document& Document::bullets(std::vector<Line> items) {
    if (!items.empty()) blocks.push_back({Block::Kind::bullets, std::move(items)});
    return *this;
}
Document& Document::numbered(std::vector<Line> items) {
    if (!items.empty()) blocks.push_back({Block::Kind::numbered, std::move(items)});
    return *this;
}
Document& Document::quote(std::string t) {
    blocks.push_back({Block::Kind::quote, {{text(std::move(t))}}});
    return *this;
}
Document& Document::append(const Document& other) {
    blocks.insert(blocks.end(), other.blocks.begin(), other.blocks.end());
    return *this;
}

Span text(std::string s) {
    return {Span::Style::plain, std::move(s), {}};
}
Span strong(std::string s) {
    return {Span::Style::strong, std::move(s), {}};
}
Span emphasis(std::string s) {
    return {Span::Style::emphasis, std::move(s), {}};
}
Span code(std::string s) {
    return {Span::Style::code, std::move(s), {}};
}
Span mention(std::string user, std::string name) {
    return {Span::Style::mention, std::move(name), std::move(user)};
}

std::string plain_line(const Line& line) {
    std::string out;
    for (const Span& s : line) {
        if (s.style == Span::Style::mention) out += "@";
        out += s.text;
    }
    return out;
}

std::string render_plain(const Document& d) {
    std::string out;
    for (const Block& b : d.blocks) {
        int n = 0;
        for (const Line& line : b.lines) {
            if (!out.empty()) out += '\n';
            switch (b.kind) {
                case Block::Kind::heading:
                    out += "== " + plain_line(line) + " ==";
                    break;
                case Block::Kind::paragraph:
                    out += plain_line(line);
                    break;
                case Block::Kind::bullets:
                    out += "  • " + plain_line(line);
                    break;
                case Block::Kind::numbered:
                    out += "  " + std::to_string(++n) + ". " + plain_line(line);
                    break;
                case Block::Kind::quote:
                    out += "  > " + plain_line(line);
                    break;
            }
        }
    }
    return out;
}

namespace {

constexpr const char* kKinds[] = {"heading", "paragraph", "bullets", "numbered", "quote"};
constexpr const char* kStyles[] = {"plain", "strong", "emphasis", "code", "mention"};

template <class Enum, std::size_t N>
Enum from_name(const std::string& name, const char* const (&names)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        if (name == names[i]) return static_cast<Enum>(i);
    return static_cast<Enum>(0);
}

}  // namespace

// Written directly rather than through a JSON tree: every command that posts to a pair stores
// one, inside its transaction. {"blocks":[{"k":kind,"l":[[{"s":style,"t":text,"u":target}]]}]}
std::string serialize(const Document& d) {
    std::string out = "{\"blocks\":[";
    for (const Block& b : d.blocks) {
        if (&b != &d.blocks.front()) out += ',';
        out += "{\"k\":\"";
        out += kKinds[static_cast<int>(b.kind)];
        out += "\",\"l\":[";
        for (const Line& line : b.lines) {
            if (&line != &b.lines.front()) out += ',';
            out += '[';
            for (const Span& s : line) {
                if (&s != &line.front()) out += ',';
                out += "{\"s\":\"";
                out += kStyles[static_cast<int>(s.style)];
                out += "\",\"t\":";
                append_json_string(out, s.text);
                if (!s.target.empty()) {
                    out += ",\"u\":";
                    append_json_string(out, s.target);
                }
                out += '}';
            }
            out += ']';
        }
        out += "]}";
    }
    out += "]}";
    return out;
}

Document deserialize_document(const std::string& json) {
    Document d;
    const auto root = nlohmann::json::parse(json);
    for (const auto& b : root.at("blocks")) {
        Block block;
        block.kind = from_name<Block::Kind>(b.at("k").get<std::string>(), kKinds);
        for (const auto& l : b.at("l")) {
            Line line;
            for (const auto& s : l) {
                line.push_back({from_name<Span::Style>(s.at("s").get<std::string>(), kStyles),
                                s.at("t").get<std::string>(), s.value("u", std::string{})});
            }
            block.lines.push_back(std::move(line));
        }
        d.blocks.push_back(std::move(block));
    }
    return d;
}

}  // namespace mentorbot
