// bot/slack/render: a Document as Slack messages — Block Kit with mrkdwn, every text span escaped,
// a plain-text fallback, split to stay within Slack's limits.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/document.hpp"

namespace mentorbot::slack {

// Slack's limits per message (docs.slack.dev): blocks, characters per section text, and a total
// kept well below the ~13,000 characters some clients accept.
inline constexpr std::size_t kMaxBlocks = 50;
inline constexpr std::size_t kMaxSectionChars = 3000;
inline constexpr std::size_t kMaxMessageChars = 12000;

// One Block Kit block: a section of mrkdwn, or the context line that marks a late answer.
struct SlackBlock {
    enum class Kind { section, context } kind = Kind::section;
    std::string mrkdwn;  // escaped
};

struct SlackMessage {
    std::string text;  // the fallback (notifications, clients without blocks), escaped mrkdwn
    std::vector<SlackBlock> blocks;
};

// `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`: stops <!channel>, <!here> and <@U…> injection.
std::string escape_mrkdwn(std::string_view text);
// One line of spans as mrkdwn; mentions become <@U123>.
std::string mrkdwn_line(const Line& line);

// The document as one or more messages, in order; `late` marks the first one visibly.
std::vector<SlackMessage> render_slack(const Document& document, bool late = false);

// The Block Kit array of a message.
nlohmann::json blocks_json(const SlackMessage& message);
// A message body for chat.postMessage or response_url: {"text":…,"blocks":[…]}.
nlohmann::json message_json(const SlackMessage& message);
// The same body written straight as JSON text (no tree: every slash command's ack carries one),
// with "response_type" added when it is given.
void append_message_json(std::string& out, const SlackMessage& message,
                         std::string_view response_type = {});

}  // namespace mentorbot::slack
