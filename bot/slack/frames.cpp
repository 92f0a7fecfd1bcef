// bot/slack/frames: Socket Mode frames read into structs; acks written.
#include "bot/slack/frames.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <vector>

#include "handlers/json_text.hpp"

namespace mentorbot::slack {
namespace {

using nlohmann::json;

// What a frame says that the bot uses, read in one pass without building a tree: every frame
// is an envelope, and a busy link brings thousands a second. String fields that arrive with
// another type read as empty, as absent ones do.
struct FrameFields : nlohmann::json_sax<json> {
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
    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    // The one number kept; a count no link could have reads as absent.
    template <class Number>
    bool number(Number v) {
        bool plausible = v <= 1'000'000;
        if constexpr (std::is_signed_v<Number>) plausible = plausible && v >= 0;
        if (plausible && here() == In::frame && key_ == "num_connections")
            num_connections = static_cast<std::int64_t>(v);
        return scalar();
    }
    bool number_integer(number_integer_t v) override { return number(v); }
    bool number_unsigned(number_unsigned_t v) override { return number(v); }
    bool number_float(number_float_t, const string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool string(string_t& s) override {
        if (slot) *slot = std::move(s);
        return scalar();
    }
    bool start_object(std::size_t) override {
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
    bool key(string_t& k) override {
        key_ = std::move(k);
        slot = nullptr;
        if (here() == In::frame && key_ == "payload") has_payload = false;  // the last one counts
        for (const Field& f : kFields)
            if (f.in == here() && f.key == key_) slot = &(this->*f.member);
        return true;
    }
    bool end_object() override {
        open.pop_back();
        return scalar();
    }
    bool start_array(std::size_t) override {
        open.push_back(In::elsewhere);
        return scalar();
    }
    bool end_array() override {
        open.pop_back();
        return scalar();
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
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
    FrameFields f;
    if (!json::sax_parse(text.begin(), text.end(), &f) || !f.is_object) {
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
