// bot/slack/frames: Socket Mode frames read into structs; acks written.
#include "bot/slack/frames.hpp"

#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include "bot/net/json_events.hpp"
#include "handlers/json_text.hpp"

namespace mentorbot::slack {
namespace {

namespace json = boost::json;

// What a frame says that the bot uses, read in one pass by Boost.JSON's event parser without
// building a tree: every frame is an envelope, and a busy link brings thousands a second. Boost's
// parser hands over runs of a string at once where nlohmann's SAX reader copies it a character at
// a time: a benchmark envelope is read in 0.8–1.1 µs against 3.5–4.9 (docs/benchmarks.md, round
// 11). String fields that arrive with another type read as empty, as absent ones do.
struct FrameFields : net::JsonEvents {
    // Where a value sits: the frame itself, its payload object, the payload's event object.
    enum class In { frame, payload, event, elsewhere };

    std::string type, envelope_id, reason;
    std::optional<std::int64_t> num_connections;
    bool is_object = false;  // the frame is a JSON object
    bool has_payload = false;
    std::string command, text, channel_id, user_id, user_name, response_url;  // payload's
    std::string event_type, event_tab, event_user;                            // payload.event's

    // The string fields kept, by where they sit and their key.
    struct Field {
        In in;
        std::string_view key;
        std::string FrameFields::*member;
    };
    static constexpr Field kFields[] = {
        {In::frame, "type", &FrameFields::type},
        {In::frame, "envelope_id", &FrameFields::envelope_id},
        {In::frame, "reason", &FrameFields::reason},
        {In::payload, "command", &FrameFields::command},
        {In::payload, "text", &FrameFields::text},
        {In::payload, "channel_id", &FrameFields::channel_id},
        {In::payload, "user_id", &FrameFields::user_id},
        {In::payload, "user_name", &FrameFields::user_name},
        {In::payload, "response_url", &FrameFields::response_url},
        {In::event, "type", &FrameFields::event_type},
        {In::event, "tab", &FrameFields::event_tab},
        {In::event, "user", &FrameFields::event_user},
    };

    std::vector<In> open;         // the containers the parser is inside, innermost last
    std::string key_;             // the last key read in the innermost object
    std::string* slot = nullptr;  // where the string after the current key goes

    In here() const { return open.empty() ? In::elsewhere : open.back(); }

    bool scalar() {
        slot = nullptr;
        key_.clear();
        return true;
    }
    bool on_null(error_code&) { return scalar(); }
    bool on_bool(bool, error_code&) { return scalar(); }
    // The one number kept; a count no link could have reads as absent.
    template <class Number>
    bool number(Number v) {
        bool plausible = v <= 1'000'000;
        if constexpr (std::is_signed_v<Number>) plausible = plausible && v >= 0;
        if (plausible && here() == In::frame && key_ == "num_connections")
            num_connections = static_cast<std::int64_t>(v);
        return scalar();
    }
    bool on_int64(std::int64_t v, string_view, error_code&) { return number(v); }
    bool on_uint64(std::uint64_t v, string_view, error_code&) { return number(v); }
    bool on_double(double, string_view, error_code&) { return scalar(); }
    bool on_string_part(string_view s, std::size_t so_far, error_code&) {
        if (slot) take_part(*slot, s, so_far);
        return true;
    }
    bool on_string(string_view s, std::size_t size, error_code&) {
        if (slot) take_part(*slot, s, size);
        return scalar();
    }
    bool on_object_begin(error_code&) {
        In in = In::elsewhere;
        if (open.empty()) {
            in = In::frame;
            is_object = true;
        } else if (here() == In::frame && key_ == "payload")
            in = In::payload;
        else if (here() == In::payload && key_ == "event")
            in = In::event;
        if (in == In::payload) has_payload = true;
        open.push_back(in);
        return scalar();
    }
    bool on_key_part(string_view s, std::size_t so_far, error_code&) {
        take_part(key_, s, so_far);
        return true;
    }
    bool on_key(string_view s, std::size_t size, error_code&) {
        take_part(key_, s, size);
        slot = nullptr;
        if (here() == In::frame && key_ == "payload") has_payload = false;  // the last one counts
        for (const Field& f : kFields)
            if (f.in == here() && f.key == key_) slot = &(this->*f.member);
        return true;
    }
    bool on_object_end(std::size_t, error_code&) {
        open.pop_back();
        return scalar();
    }
    bool on_array_begin(error_code&) {
        open.push_back(In::elsewhere);
        return scalar();
    }
    bool on_array_end(std::size_t, error_code&) {
        open.pop_back();
        return scalar();
    }
};

std::optional<Frame> envelope(FrameFields& f, std::string& why) {
    if (f.envelope_id.empty()) {
        why = f.type + " frame without an envelope_id";
        return std::nullopt;
    }
    if (f.type == "slash_commands") {
        if (!f.has_payload) {
            why = "slash command without a payload";
            return std::nullopt;
        }
        SlashCommand c{std::move(f.envelope_id), std::move(f.command), unescape_slash_text(f.text),
                       std::move(f.channel_id),  std::move(f.user_id), std::move(f.user_name),
                       std::move(f.response_url)};
        if (c.channel.empty() || c.user.empty()) {
            why = "slash command without channel_id or user_id";
            return std::nullopt;
        }
        return c;
    }
    if (f.type == "events_api" && f.has_payload && f.event_type == "app_home_opened" &&
        f.event_tab == "home" && !f.event_user.empty())
        return HomeOpened{std::move(f.envelope_id), std::move(f.event_user)};
    return OtherEnvelope{std::move(f.envelope_id), std::move(f.type)};
}

}  // namespace

std::optional<Frame> parse_frame(std::string_view text, std::string& why) {
    json::basic_parser<FrameFields> parser(net::strict_any_depth());
    FrameFields& f = parser.handler();
    if (!net::read_whole(text, parser) || !f.is_object) {
        why = "not a JSON object (" + std::to_string(text.size()) + " bytes)";
        return std::nullopt;
    }
    if (f.type == "hello") return Hello{static_cast<int>(f.num_connections.value_or(0))};
    if (f.type == "disconnect") return Disconnect{std::move(f.reason)};
    if (f.type.empty()) {
        why = "a frame without a type";
        return std::nullopt;
    }
    return envelope(f, why);
}

std::string unescape_slash_text(std::string_view text) {
    static constexpr std::pair<std::string_view, char> kEscapes[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}};
    std::string out;
    out.reserve(text.size());
    // Runs without '&' are copied whole: most texts have none.
    for (std::size_t amp; (amp = text.find('&')) != std::string_view::npos;) {
        out.append(text.substr(0, amp));
        text.remove_prefix(amp);
        std::size_t taken = 1;
        char plain = '&';
        for (const auto& [escape, c] : kEscapes)
            if (text.starts_with(escape)) {
                taken = escape.size();
                plain = c;
            }
        out += plain;
        text.remove_prefix(taken);
    }
    out.append(text);
    return out;
}

std::string ack(const std::string& envelope_id, std::string_view payload_json) {
    std::string out = R"({"envelope_id":)";
    append_json_string(out, envelope_id);
    if (!payload_json.empty()) {
        out += R"(,"payload":)";
        out += payload_json;
    }
    out += '}';
    return out;
}

}  // namespace mentorbot::slack
