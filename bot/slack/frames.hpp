// bot/slack/frames: the Socket Mode frames Slack sends (hello, disconnect, envelopes) read into
// plain structs, and the acks the bot sends back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace mentorbot::slack {

struct Hello {
    int num_connections = 0;
};

struct Disconnect {
    std::string reason;  // warning, refresh_requested, too_many_websockets, link_disabled
};

struct SlashCommand {
    std::string envelope_id;
    std::string command;  // "/mentor"
    std::string text;     // unescaped; <@U…|name> mentions kept
    std::string channel;  // channel_id
    std::string user;     // user_id
    std::string user_name;
    std::string response_url;  // may be empty
};

// The App Home tab was opened (events_api, event type app_home_opened, tab "home").
struct HomeOpened {
    std::string envelope_id;
    std::string user;
};

// Any other envelope: acked and otherwise ignored.
struct OtherEnvelope {
    std::string envelope_id;
    std::string type;
};

using Frame = std::variant<Hello, Disconnect, SlashCommand, HomeOpened, OtherEnvelope>;

// Reads one text frame. A frame that is not JSON, or lacks what its type needs, gives nullopt
// and a reason in `why` (never the frame's content: it may carry private text).
std::optional<Frame> parse_frame(std::string_view text, std::string& why);

// Slack escapes &, < and > in slash command text; mentions arrive as <@U…|name> unescaped.
std::string unescape_slash_text(std::string_view text);

// {"envelope_id":"…"} or, given the payload's JSON text, {"envelope_id":"…","payload":{…}}.
std::string ack(const std::string& envelope_id, std::string_view payload_json = {});

}  // namespace mentorbot::slack
