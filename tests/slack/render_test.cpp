// tests/slack/render_test: Documents as Slack messages — escaping stops injection, mentions are
// real, long documents are split within Slack's limits, late messages are marked.
#include <catch2/catch.hpp>

#include "bot/slack/render.hpp"

using namespace mentorbot;
using namespace mentorbot::slack;

TEST_CASE("User text cannot ping the channel, mention people or break the formatting") {
    Document d;
    d.paragraph(Line{text("<!channel> <!here> <@U999> & more >_<")});
    const auto messages = render_slack(d);
    REQUIRE(messages.size() == 1);
    const auto blocks = blocks_json(messages[0]);
    const std::string section = blocks[0]["text"]["text"];
    CHECK(section == "&lt;!channel&gt; &lt;!here&gt; &lt;@U999&gt; &amp; more &gt;_&lt;");
    CHECK(messages[0].text.find('<') == std::string::npos);
    CHECK(blocks[0]["text"]["type"] == "mrkdwn");
}

TEST_CASE("Mentions become Slack mentions, a target that is not a user id stays plain text") {
    const Line line{text("hi "), mention("U123ABC", "dana"), text(" and "),
                    mention("<!here>", "x")};
    CHECK(mrkdwn_line(line) == "hi <@U123ABC> and @x");
    CHECK(mrkdwn_line({strong("a<b"), emphasis("c"), code("d&e")}) == "*a&lt;b*_c_`d&amp;e`");
}

TEST_CASE("Long documents are split: at most 50 blocks and 3,000 characters per section") {
    Document d;
    for (int i = 0; i < 120; ++i) d.paragraph("item " + std::to_string(i));
    std::vector<Line> many;
    for (int i = 0; i < 400; ++i)
        many.push_back(Line{text("a bullet with some words in it, number " + std::to_string(i))});
    d.bullets(many);
    const auto messages = render_slack(d);
    REQUIRE(messages.size() >= 3);
    std::size_t paragraphs = 0;
    for (const auto& m : messages) {
        CHECK(m.blocks.size() <= kMaxBlocks);
        CHECK_FALSE(m.text.empty());
        CHECK(m.text.size() <= kMaxMessageChars);
        for (const auto& b : blocks_json(m)) {
            CHECK(b["text"]["text"].get<std::string>().size() <= kMaxSectionChars);
            paragraphs += b["text"]["text"].get<std::string>().rfind("item ", 0) == 0;
        }
    }
    CHECK(paragraphs == 120);  // nothing lost
    CHECK(
        blocks_json(messages.back()).back()["text"]["text"].get<std::string>().find("number 399") !=
        std::string::npos);
}

TEST_CASE("A message sent late says so, the fallback text is plain and escaped") {
    Document d;
    d.heading("Meeting <soon>");
    d.bullets({Line{text("one")}, Line{text("two")}});
    const auto messages = render_slack(d, true);
    REQUIRE(messages.size() == 1);
    const auto blocks = blocks_json(messages[0]);
    CHECK(blocks[0]["type"] == "context");
    CHECK(blocks[0]["elements"][0]["text"] == "_(late)_");
    CHECK(blocks[1]["text"]["text"] == "*Meeting &lt;soon&gt;*");
    CHECK(blocks[2]["text"]["text"] == "• one\n• two");
    CHECK(messages[0].text.rfind("(late)\n== Meeting &lt;soon&gt; ==", 0) == 0);
}

TEST_CASE("The message written as text for an ack is the same JSON as the message body") {
    Document d;
    d.heading("Quotes \" and \\ backslashes");
    d.paragraph(Line{text("tab\there, a bell \x07, é, 🌱 and <@U1>"), mention("U2", "dana")});
    d.bullets({Line{code("x & y")}, Line{emphasis("line\nbreak")}});
    for (const bool late : {false, true}) {
        const auto messages = render_slack(d, late);
        REQUIRE(messages.size() == 1);
        std::string written;
        append_message_json(written, messages[0], "ephemeral");
        nlohmann::json expected = message_json(messages[0]);
        expected["response_type"] = "ephemeral";
        CHECK(nlohmann::json::parse(written) == expected);
        CHECK(written == expected.dump());  // same bytes too: logs and fakes read alike
    }
    std::string empty;
    append_message_json(empty, render_slack(Document{})[0]);
    CHECK(nlohmann::json::parse(empty) == message_json(render_slack(Document{})[0]));
}
