// bot/slack/render: a Document as Slack Block Kit messages with escaped mrkdwn.
#include "bot/slack/render.hpp"

#include <cctype>

#include "handlers/json_text.hpp"

namespace mentorbot::slack {
namespace {

// Slack user ids are upper-case letters and digits; anything else is shown as plain text.
bool is_user_id(std::string_view id) {
    if (id.empty() || id.size() > 32) return false;
    for (char c : id)
        if (!std::isupper(static_cast<unsigned char>(c)) &&
            !std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

std::string block_text(const Block& block) {
    std::string out;
    int n = 0;
    for (const Line& line : block.lines) {
        if (!out.empty()) out += '\n';
        switch (block.kind) {
            case Block::Kind::heading:
                out += mrkdwn_line(line);
                break;
            case Block::Kind::paragraph:
                out += mrkdwn_line(line);
                break;
            case Block::Kind::bullets:
                out += "• " + mrkdwn_line(line);
                break;
            case Block::Kind::numbered:
                out += std::to_string(++n) + ". " + mrkdwn_line(line);
                break;
            case Block::Kind::quote:
                out += "> " + mrkdwn_line(line);
                break;
        }
    }
    return out;
}

// Cuts text into pieces of at most `limit` bytes, at line ends where possible, never inside a
// UTF-8 sequence or an escape like &amp;.
std::vector<std::string> cut(const std::string& text, std::size_t limit) {
    std::vector<std::string> pieces;
    std::size_t begin = 0;
    while (text.size() - begin > limit) {
        std::size_t end = text.rfind('\n', begin + limit);
        if (end == std::string::npos || end <= begin) {
            end = begin + limit;
            while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
            const std::size_t amp = text.rfind('&', end);
            if (amp != std::string::npos && amp > begin && end - amp < 5 &&
                text.find(';', amp) >= end)
                end = amp;
        }
        pieces.push_back(text.substr(begin, end - begin));
        begin = end < text.size() && text[end] == '\n' ? end + 1 : end;
    }
    pieces.push_back(text.substr(begin));
    return pieces;
}

// What a block adds besides its text, about: {"type":"section","text":{"type":"mrkdwn","text":""}}.
constexpr std::size_t kBlockOverhead = 60;

}  // namespace

std::string escape_mrkdwn(std::string_view text) {
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
            default:
                out += c;
        }
    }
    return out;
}

std::string mrkdwn_line(const Line& line) {
    std::string out;
    for (const Span& s : line) {
        const std::string t = escape_mrkdwn(s.text);
        switch (s.style) {
            case Span::Style::plain:
                out += t;
                break;
            case Span::Style::strong:
                out += t.empty() ? t : "*" + t + "*";
                break;
            case Span::Style::emphasis:
                out += t.empty() ? t : "_" + t + "_";
                break;
            case Span::Style::code:
                out += t.empty() ? t : "`" + t + "`";
                break;
            case Span::Style::mention:
                out += is_user_id(s.target) ? "<@" + s.target + ">" : "@" + t;
                break;
        }
    }
    return out;
}

std::vector<SlackMessage> render_slack(const Document& document, bool late) {
    // Sections of at most kMaxSectionChars, each with its part of the fallback text.
    struct Piece {
        SlackBlock block;
        std::string fallback;
        std::size_t size;  // characters the block adds to the message
    };
    std::vector<Piece> pieces;
    if (late) {
        constexpr std::string_view kLate = "_(late)_";
        pieces.push_back({SlackBlock{SlackBlock::Kind::context, std::string(kLate)}, "(late)",
                          kBlockOverhead + kLate.size()});
    }
    for (const Block& block : document.blocks) {
        Document one;
        one.blocks.push_back(block);
        const std::string fallback = escape_mrkdwn(render_plain(one));
        std::string text = block_text(block);
        if (block.kind == Block::Kind::heading) text = "*" + text + "*";
        for (std::string& part : cut(text, kMaxSectionChars)) {
            const std::size_t size = kBlockOverhead + part.size();
            pieces.push_back(
                {SlackBlock{SlackBlock::Kind::section, std::move(part)}, fallback, size});
        }
    }
    std::vector<SlackMessage> messages;
    std::size_t chars = 0;
    std::string last_fallback;
    for (Piece& p : pieces) {
        const std::size_t size = p.size;
        if (messages.empty() || messages.back().blocks.size() >= kMaxBlocks ||
            chars + size > kMaxMessageChars) {
            messages.push_back({});
            chars = 0;
            last_fallback.clear();
        }
        SlackMessage& m = messages.back();
        m.blocks.push_back(std::move(p.block));
        chars += size;
        // A section cut in pieces shares one fallback; keep it once per message.
        if (p.fallback != last_fallback) {
            if (!m.text.empty()) m.text += '\n';
            m.text += p.fallback;
            last_fallback = p.fallback;
        }
    }
    for (SlackMessage& m : messages)
        if (m.text.size() > kMaxMessageChars) m.text = cut(m.text, kMaxMessageChars).front();
    if (messages.empty()) messages.push_back({});
    return messages;
}

nlohmann::json blocks_json(const SlackMessage& message) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const SlackBlock& b : message.blocks) {
        const nlohmann::json text = {{"type", "mrkdwn"}, {"text", b.mrkdwn}};
        if (b.kind == SlackBlock::Kind::context)
            blocks.push_back({{"type", "context"}, {"elements", nlohmann::json::array({text})}});
        else
            blocks.push_back({{"type", "section"}, {"text", text}});
    }
    return blocks;
}

nlohmann::json message_json(const SlackMessage& message) {
    nlohmann::json body = {{"text", message.text}};
    if (!message.blocks.empty()) body["blocks"] = blocks_json(message);
    return body;
}

void append_message_json(std::string& out, const SlackMessage& message,
                         std::string_view response_type) {
    // Keys in the order nlohmann::json writes them (sorted), so both forms read alike in logs.
    out += '{';
    if (!message.blocks.empty()) {
        out += R"("blocks":[)";
        for (std::size_t i = 0; i < message.blocks.size(); ++i) {
            const SlackBlock& b = message.blocks[i];
            if (i) out += ',';
            out += b.kind == SlackBlock::Kind::context ? R"({"elements":[{"text":)"
                                                       : R"({"text":{"text":)";
            append_json_string(out, b.mrkdwn);
            out += b.kind == SlackBlock::Kind::context ? R"(,"type":"mrkdwn"}],"type":"context"})"
                                                       : R"(,"type":"mrkdwn"},"type":"section"})";
        }
        out += "],";
    }
    if (!response_type.empty()) {
        out += R"("response_type":)";
        append_json_string(out, response_type);
        out += ',';
    }
    out += R"("text":)";
    append_json_string(out, message.text);
    out += '}';
}

}  // namespace mentorbot::slack
