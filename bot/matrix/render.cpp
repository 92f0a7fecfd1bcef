// bot/matrix/render: a Document as a Matrix notice, plain and HTML.
#include "bot/matrix/render.hpp"

namespace mentorbot::matrix {
namespace {

constexpr std::string_view kLate = "(late) ";

std::string html_span(const Span& s) {
    switch (s.style) {
        case Span::Style::plain:
            return escape_html(s.text);
        case Span::Style::strong:
            return "<strong>" + escape_html(s.text) + "</strong>";
        case Span::Style::emphasis:
            return "<em>" + escape_html(s.text) + "</em>";
        case Span::Style::code:
            return "<code>" + escape_html(s.text) + "</code>";
        case Span::Style::mention:
            return "<a href=\"https://matrix.to/#/" + escape_html(s.target) + "\">" +
                   escape_html(s.text) + "</a>";
    }
    return escape_html(s.text);
}

std::string html_line(const Line& line) {
    std::string out;
    for (const Span& s : line) out += html_span(s);
    return out;
}

std::string html_items(const Block& b, std::string_view list_tag) {
    std::string out = "<" + std::string(list_tag) + ">";
    for (const Line& line : b.lines) out += "<li>" + html_line(line) + "</li>";
    return out + "</" + std::string(list_tag) + ">";
}

std::string html_block(const Block& b) {
    std::string out;
    switch (b.kind) {
        case Block::Kind::heading:
            for (const Line& line : b.lines) out += "<h4>" + html_line(line) + "</h4>";
            break;
        case Block::Kind::paragraph:
            for (const Line& line : b.lines) out += "<p>" + html_line(line) + "</p>";
            break;
        case Block::Kind::bullets:
            out = html_items(b, "ul");
            break;
        case Block::Kind::numbered:
            out = html_items(b, "ol");
            break;
        case Block::Kind::quote:
            out = "<blockquote>";
            for (std::size_t i = 0; i < b.lines.size(); ++i)
                out += (i ? "<br>" : "") + html_line(b.lines[i]);
            out += "</blockquote>";
            break;
    }
    return out;
}

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

NoticeText render_notice(const Document& document, bool late) {
    NoticeText t;
    t.body = render_plain(document);
    for (const Block& b : document.blocks) t.html += html_block(b);
    if (late) {
        t.body = std::string(kLate) + t.body;
        t.html = "<p><em>" + escape_html(kLate) + "</em></p>" + t.html;
    }
    return t;
}

}  // namespace mentorbot::matrix
