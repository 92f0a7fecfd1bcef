// handlers/document: the platform-neutral body of a bot message. Handlers build it; each transport
// renders it (Slack mrkdwn/Block Kit, Matrix HTML, console plain) and escapes every text span.
#pragma once

#include <string>
#include <vector>

namespace mentorbot {

struct Span {
    enum class Style { plain, strong, emphasis, code, mention };
    Style style = Style::plain;
    std::string text;    // shown text (for a mention: the display name)
    std::string target;  // a mention's platform user id
};

using Line = std::vector<Span>;

struct Block {
    enum class Kind { heading, paragraph, bullets, numbered, quote };
    Kind kind = Kind::paragraph;
    std::vector<Line> lines;  // paragraph: one line each; lists: one item each
};

struct Document {
    std::vector<Block> blocks;

    Document& heading(std::string text);
    Document& paragraph(Line line);
    Document& paragraph(std::string text);
    Document& bullets(std::vector<Line> items);
    Document& numbered(std::vector<Line> items);
    Document& quote(std::string text);
    Document& append(const Document& other);
    bool empty() const { return blocks.empty(); }
};

// Span builders, so handlers read like prose: paragraph({text("Hi "), mention(...)}).
Span text(std::string s);
Span strong(std::string s);
Span emphasis(std::string s);
Span code(std::string s);
Span mention(std::string user, std::string display_name);

// Plain text, as the console shows it and as the fallback body on Slack and Matrix.
std::string render_plain(const Document& d);
std::string plain_line(const Line& line);

// Storage form for the outbox (our own JSON, not any platform's).
std::string serialize(const Document& d);
Document deserialize_document(const std::string& json);

}  // namespace mentorbot
