// tests/slack/frames_test: Socket Mode frames read from the shapes Slack sends (PROTOCOLS.md), and
// acks in the shape Slack expects.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/slack/frames.hpp"

using namespace mentorbot::slack;

TEST_CASE("The slash command envelope of the Python SDK's fixture becomes a SlashCommand") {
    const char* fixture =
        R"({"envelope_id":"1d3c79ab-0ffb-41f3-a080-d19e85f53649","payload":{"token":"verification-token","team_id":"T111","team_domain":"xxx","channel_id":"C111","channel_name":"random","user_id":"U111","user_name":"testxyz","command":"/hello-socket-mode","text":"","api_app_id":"A111","response_url":"https://hooks.slack.com/commands/T111/111/xxx","trigger_id":"111.222.xxx"},"type":"slash_commands","accepts_response_payload":true})";
    std::string why;
    const auto frame = parse_frame(fixture, why);
    REQUIRE(frame);
    const auto* slash = std::get_if<SlashCommand>(&*frame);
    REQUIRE(slash);
    CHECK(slash->envelope_id == "1d3c79ab-0ffb-41f3-a080-d19e85f53649");
    CHECK(slash->channel == "C111");
    CHECK(slash->user == "U111");
    CHECK(slash->user_name == "testxyz");
    CHECK(slash->response_url == "https://hooks.slack.com/commands/T111/111/xxx");
}

TEST_CASE("hello, disconnect and App Home openings are recognised") {
    std::string why;
    auto hello = parse_frame(
        R"({"type":"hello","num_connections":1,"debug_info":{"host":"applink-1","build_number":10,"approximate_connection_time":18060},"connection_info":{"app_id":"A111"}})",
        why);
    REQUIRE(hello);
    CHECK(std::get<Hello>(*hello).num_connections == 1);
    for (const char* count : {"-3", "99999999999"}) {  // no link has such a count: read as absent
        auto odd =
            parse_frame(std::string(R"({"type":"hello","num_connections":)") + count + "}", why);
        REQUIRE(odd);
        CHECK(std::get<Hello>(*odd).num_connections == 0);
    }
    auto bye = parse_frame(
        R"({"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-1"}})",
        why);
    REQUIRE(bye);
    CHECK(std::get<Disconnect>(*bye).reason == "refresh_requested");
    auto home = parse_frame(
        R"({"envelope_id":"e1","type":"events_api","accepts_response_payload":false,"retry_attempt":0,"retry_reason":"","payload":{"event":{"type":"app_home_opened","user":"U1","tab":"home"}}})",
        why);
    REQUIRE(home);
    CHECK(std::get<HomeOpened>(*home).user == "U1");
    auto other = parse_frame(R"({"envelope_id":"e2","type":"interactive","payload":{}})", why);
    REQUIRE(other);
    CHECK(std::get<OtherEnvelope>(*other).type == "interactive");
}

TEST_CASE("Malformed frames are refused with a reason that does not repeat their content") {
    std::string why;
    CHECK_FALSE(parse_frame("secret text {", why));
    CHECK(why.find("secret") == std::string::npos);
    CHECK_FALSE(parse_frame("[1,2]", why));
    CHECK_FALSE(parse_frame(R"({"type":"slash_commands","payload":{}})", why));
    CHECK_FALSE(
        parse_frame(R"({"envelope_id":"x","type":"slash_commands","payload":{"text":"hi"}})", why));
    CHECK_FALSE(parse_frame(R"({"no_type":1})", why));
}

TEST_CASE("Only the fields where Slack puts them count, in their JSON types") {
    std::string why;
    // A "payload" or "text" deeper in the frame is not the command's; escapes are decoded.
    auto slash = parse_frame(
        R"({"debug":{"payload":{"user_id":"U9"}},"envelope_id":"e\u0033","type":"slash_commands",)"
        R"("payload":{"meta":{"text":"no","user_id":"U8"},"text":"note \"caf\u00e9\"",)"
        R"("channel_id":"C1","user_id":"U1","user_name":7,"response_url":null}})",
        why);
    REQUIRE(slash);
    const auto& c = std::get<SlashCommand>(*slash);
    CHECK(c.envelope_id == "e3");
    CHECK(c.text == "note \"café\"");
    CHECK(c.user == "U1");
    CHECK(c.user_name.empty());     // not a string
    CHECK(c.response_url.empty());  // null
    // A payload that is not an object is no payload; a later key wins over an earlier one.
    CHECK_FALSE(parse_frame(R"({"envelope_id":"e","type":"slash_commands","payload":"x"})", why));
    auto later = parse_frame(R"({"type":"hello","type":"disconnect","reason":"warning"})", why);
    REQUIRE(later);
    CHECK(std::get<Disconnect>(*later).reason == "warning");
    auto app_home_elsewhere = parse_frame(
        R"({"envelope_id":"e4","type":"events_api","payload":{"x":{"event":{"type":"app_home_opened","user":"U1","tab":"home"}}}})",
        why);
    REQUIRE(app_home_elsewhere);
    CHECK(std::holds_alternative<OtherEnvelope>(*app_home_elsewhere));
    CHECK_FALSE(parse_frame(R"({"type":"hello"} trailing)", why));
    CHECK_FALSE(parse_frame(R"("hello")", why));
}

TEST_CASE("Deeply nested payloads, escaped keys and long strings are read; bad UTF-8 is not") {
    std::string why;
    // Block Kit inside an event nests deep: 40 levels of arrays and objects before the envelope's
    // own fields (Boost.JSON refuses more than 32 unless told otherwise).
    std::string deep;
    for (int i = 0; i < 20; ++i) deep += R"({"elements":[)";
    deep += "1";
    for (int i = 0; i < 20; ++i) deep += "]}";
    auto nested = parse_frame(R"({"envelope_id":"e5","type":"events_api","payload":{"event":)"
                              R"({"type":"message","blocks":[)" +
                                  deep + R"(]}}})",
                              why);
    REQUIRE(nested);
    CHECK(std::get<OtherEnvelope>(*nested).envelope_id == "e5");
    // A key spelled with escapes is the same key; a string longer than any parser buffer arrives
    // whole, escapes and all.
    const std::string long_text(5000, 'x');
    auto slash = parse_frame(
        R"({"envelope_id":"e6","t\u0079pe":"slash_commands","payload":{"channel_id":"C1",)"
        R"("user_id":"U1","text":")" +
            long_text + R"(\u00e9\n)" + long_text + R"("}})",
        why);
    REQUIRE(slash);
    CHECK(std::get<SlashCommand>(*slash).text == long_text + "é\n" + long_text);
    CHECK_FALSE(parse_frame("{\"envelope_id\":\"e7\",\"type\":\"x\",\"reason\":\"\xff\"}", why));
}

TEST_CASE("Slash text is unescaped once, mentions are kept as Slack sent them") {
    CHECK(unescape_slash_text("pair <@U1|dana> <@U2|sam>") == "pair <@U1|dana> <@U2|sam>");
    CHECK(unescape_slash_text("note a &lt; b &amp;&amp; c &gt; d") == "note a < b && c > d");
    CHECK(unescape_slash_text("&amp;lt;") == "&lt;");
}

TEST_CASE("Acks carry the envelope id, and the answer when there is one") {
    CHECK(ack("e1") == R"({"envelope_id":"e1"})");
    CHECK(ack("a\"b") == R"({"envelope_id":"a\"b"})");
    CHECK(nlohmann::json::parse(ack("e2", R"({"text":"hi"})")) ==
          nlohmann::json{{"envelope_id", "e2"}, {"payload", {{"text", "hi"}}}});
}
