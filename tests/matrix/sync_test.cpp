// tests/matrix/sync_test: reading /sync answers as Synapse sends them — backlog skipped, invites
// kept, pre-join history skipped, repeated events once, own events and notices ignored.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/matrix/invite_policy.hpp"
#include "bot/matrix/sync.hpp"

using namespace mentorbot::matrix;
using json = nlohmann::json;

namespace {

const std::string kMe = "@mentorbot:hs";

json message(const std::string& id, const std::string& sender, const std::string& body,
             const std::string& msgtype = "m.text") {
    return {{"type", "m.room.message"},
            {"event_id", id},
            {"sender", sender},
            {"origin_server_ts", 1},
            {"content", {{"msgtype", msgtype}, {"body", body}}}};
}

json member(const std::string& id, const std::string& user, const std::string& membership,
            const std::string& before = "") {
    json e = {{"type", "m.room.member"},
              {"event_id", id},
              {"sender", user},
              {"state_key", user},
              {"content", {{"membership", membership}}}};
    if (!before.empty()) e["unsigned"]["prev_content"] = {{"membership", before}};
    return e;
}

std::string answer(json timeline_events, json invite = json::object()) {
    return json{
        {"next_batch", "s42"},
        {"rooms",
         {{"join",
           {{"!room:hs", {{"timeline", {{"events", timeline_events}, {"limited", true}}}}}}},
          {"invite", invite},
          {"leave", json::object()}}}}
        .dump();
}

std::vector<std::string> texts(const SyncBatch& b) {
    std::vector<std::string> out;
    for (const auto& c : b.commands) out.push_back(c.text);
    return out;
}

}  // namespace

TEST_CASE("The first sync's timeline is backlog, but its invites are honoured") {
    const json invite = {
        {"!new:hs",
         {{"invite_state",
           {{"events", json::array({{{"type", "m.room.member"},
                                     {"state_key", kMe},
                                     {"sender", "@dana:hs"},
                                     {"content", {{"membership", "invite"}}}}})}}}}}};
    const SyncBatch b = read_sync(
        answer(json::array({message("$1", "@dana:hs", "!mentor help")}), invite), kMe, true);
    CHECK(b.next_batch == "s42");
    CHECK(b.commands.empty());
    REQUIRE(b.invites.size() == 1);
    CHECK(b.invites[0].room_id == "!new:hs");
    CHECK(b.invites[0].inviter == "@dana:hs");
}

TEST_CASE("Commands from before the bot joined are history and those after it are new") {
    const SyncBatch b = read_sync(answer(json::array({message("$1", "@dana:hs", "!mentor pairs"),
                                                      member("$2", kMe, "join", "invite"),
                                                      message("$3", "@dana:hs", "!mentor help")})),
                                  kMe, false);
    CHECK(texts(b) == std::vector<std::string>{"help"});
}

TEST_CASE("A display-name change of the bot is not mistaken for its join") {
    const SyncBatch b = read_sync(answer(json::array({message("$1", "@dana:hs", "!mentor pairs"),
                                                      member("$2", kMe, "join", "join")})),
                                  kMe, false);
    CHECK(texts(b) == std::vector<std::string>{"pairs"});
}

TEST_CASE("An event repeated in a timeline is one command") {
    const json e = message("$1", "@dana:hs", "!mentor help");
    const SyncBatch b = read_sync(answer(json::array({e, e})), kMe, false);
    CHECK(b.commands.size() == 1);
    CHECK(b.commands[0].event_id == "$1");
    CHECK(b.commands[0].room_id == "!room:hs");
    CHECK(b.commands[0].sender == "@dana:hs");
}

TEST_CASE("The bot's own messages, notices and other text are not commands") {
    const SyncBatch b =
        read_sync(answer(json::array({message("$1", kMe, "!mentor help"),
                                      message("$2", "@otherbot:hs", "!mentor help", "m.notice"),
                                      message("$3", "@dana:hs", "hello !mentor help"),
                                      message("$4", "@dana:hs", "!mentorship"),
                                      message("$5", "@dana:hs", "!mentor"),
                                      message("$6", "@dana:hs", "!mentor   tz Europe/Paris")})),
                  kMe, false);
    CHECK(texts(b) == std::vector<std::string>{"", "tz Europe/Paris"});
}

TEST_CASE("A sync answer with nothing new reads as an empty batch and a broken one throws") {
    const SyncBatch b = read_sync(R"({"next_batch":"s7"})", kMe, false);
    CHECK(b.next_batch == "s7");
    CHECK(b.commands.empty());
    CHECK(b.invites.empty());
    CHECK_THROWS(read_sync("<html>502</html>", kMe, false));
    CHECK_THROWS(read_sync("{}", kMe, false));
}

TEST_CASE("Invites are accepted from everyone, or only from the allowed users and servers") {
    CHECK(invite_allowed({}, "@anyone:anywhere.org"));
    const std::vector<std::string> allowed{"@carol:example.org", "*.corp.example", "team.example"};
    CHECK(invite_allowed(allowed, "@carol:example.org"));
    CHECK_FALSE(invite_allowed(allowed, "@mallory:example.org"));
    CHECK(invite_allowed(allowed, "@dana:eu.corp.example"));
    CHECK(invite_allowed(allowed, "@sam:team.example"));
    CHECK_FALSE(invite_allowed(allowed, "@sam:team.example.evil"));
    CHECK_FALSE(invite_allowed(allowed, ""));
}
