// bot/slack/frames: Socket Mode frames read into structs; acks written.
#include "bot/slack/frames.hpp"

namespace mentorbot::slack {
namespace {

using nlohmann::json;

std::string text_field(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<Frame> parse_envelope(const json& frame, const std::string& type, std::string& why) {
    const std::string id = text_field(frame, "envelope_id");
    if (id.empty()) {
        why = type + " frame without an envelope_id";
        return std::nullopt;
    }
    const auto payload = frame.find("payload");
    const bool has_payload = payload != frame.end() && payload->is_object();
    if (type == "slash_commands") {
        if (!has_payload) {
            why = "slash command without a payload";
            return std::nullopt;
        }
        SlashCommand c{id,
                       text_field(*payload, "command"),
                       unescape_slash_text(text_field(*payload, "text")),
                       text_field(*payload, "channel_id"),
                       text_field(*payload, "user_id"),
                       text_field(*payload, "user_name"),
                       text_field(*payload, "response_url")};
        if (c.channel.empty() || c.user.empty()) {
            why = "slash command without channel_id or user_id";
            return std::nullopt;
        }
        return c;
    }
    if (type == "events_api" && has_payload) {
        const auto event = payload->find("event");
        if (event != payload->end() && event->is_object() &&
            text_field(*event, "type") == "app_home_opened" &&
            text_field(*event, "tab") == "home" && !text_field(*event, "user").empty())
            return HomeOpened{id, text_field(*event, "user")};
    }
    return OtherEnvelope{id, type};
}

}  // namespace

std::optional<Frame> parse_frame(std::string_view text, std::string& why) {
    const json frame = json::parse(text.begin(), text.end(), nullptr, false);
    if (frame.is_discarded() || !frame.is_object()) {
        why = "not a JSON object (" + std::to_string(text.size()) + " bytes)";
        return std::nullopt;
    }
    const std::string type = text_field(frame, "type");
    if (type == "hello") {
        const auto n = frame.find("num_connections");
        return Hello{n != frame.end() && n->is_number_integer() ? n->get<int>() : 0};
    }
    if (type == "disconnect") return Disconnect{text_field(frame, "reason")};
    if (type.empty()) {
        why = "a frame without a type";
        return std::nullopt;
    }
    return parse_envelope(frame, type, why);
}

std::string unescape_slash_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::string_view rest = text.substr(i);
        if (rest.starts_with("&amp;")) {
            out += '&';
            i += 4;
        } else if (rest.starts_with("&lt;")) {
            out += '<';
            i += 3;
        } else if (rest.starts_with("&gt;")) {
            out += '>';
            i += 3;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string ack(const std::string& envelope_id, const nlohmann::json* payload) {
    json a = {{"envelope_id", envelope_id}};
    if (payload) a["payload"] = *payload;
    return a.dump();
}

}  // namespace mentorbot::slack
