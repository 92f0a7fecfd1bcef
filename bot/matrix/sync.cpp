// bot/matrix/sync: one /sync answer read into invites and new commands.
#include "bot/matrix/sync.hpp"

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

namespace mentorbot::matrix {
using json = nlohmann::json;

namespace {

constexpr std::string_view kPrefix = "!mentor";

std::string text_at(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return {};
    return j[key].get<std::string>();
}

const json& object_at(const json& j, const char* key) {
    static const json empty = json::object();
    if (!j.is_object() || !j.contains(key) || !j[key].is_object()) return empty;
    return j[key];
}

const json& events_of(const json& section) {
    static const json none = json::array();
    if (!section.is_object() || !section.contains("events") || !section["events"].is_array())
        return none;
    return section["events"];
}

// The bot's own join (not a display-name change, which is also a "join" member event).
bool is_my_join(const json& event, const std::string& me) {
    if (text_at(event, "type") != "m.room.member" || text_at(event, "state_key") != me)
        return false;
    if (text_at(object_at(event, "content"), "membership") != "join") return false;
    const json& before = object_at(object_at(event, "unsigned"), "prev_content");
    return text_at(before, "membership") != "join";
}

std::string inviter_of(const json& invite_state, const std::string& me) {
    for (const json& e : events_of(invite_state))
        if (text_at(e, "type") == "m.room.member" && text_at(e, "state_key") == me &&
            text_at(object_at(e, "content"), "membership") == "invite")
            return text_at(e, "sender");
    return {};
}

}  // namespace

std::optional<std::string> command_text(const std::string& body) {
    if (body.compare(0, kPrefix.size(), kPrefix) != 0) return std::nullopt;
    std::size_t i = kPrefix.size();
    if (i < body.size() && !std::isspace(static_cast<unsigned char>(body[i]))) return std::nullopt;
    while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
    return body.substr(i);
}

SyncBatch read_sync(const std::string& answer, const std::string& me, bool first) {
    const json root = json::parse(answer);
    SyncBatch batch;
    batch.next_batch = root.at("next_batch").get<std::string>();
    const json& rooms = object_at(root, "rooms");

    for (const auto& [room_id, room] : object_at(rooms, "invite").items())
        batch.invites.push_back({room_id, inviter_of(object_at(room, "invite_state"), me)});

    if (first) return batch;  // the first sync's timelines are history: nothing there is new

    std::set<std::string> seen;
    for (const auto& [room_id, room] : object_at(rooms, "join").items()) {
        std::vector<CommandEvent> found;
        for (const json& e : events_of(object_at(room, "timeline"))) {
            const std::string event_id = text_at(e, "event_id");
            if (event_id.empty() || !seen.insert(event_id).second) continue;
            if (is_my_join(e, me)) {
                found.clear();  // what came before the bot joined is the room's old history
                continue;
            }
            if (text_at(e, "type") != "m.room.message" || text_at(e, "sender") == me) continue;
            const json& content = object_at(e, "content");
            if (text_at(content, "msgtype") != "m.text") continue;  // never m.notice (other bots)
            if (auto text = command_text(text_at(content, "body")))
                found.push_back({room_id, event_id, text_at(e, "sender"), std::move(*text)});
        }
        batch.commands.insert(batch.commands.end(), found.begin(), found.end());
    }
    return batch;
}

}  // namespace mentorbot::matrix
