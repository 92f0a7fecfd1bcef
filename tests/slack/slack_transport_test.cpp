// tests/slack/slack_transport_test: the Slack transport through real sockets and TLS against the
// fake Slack — acks in time, refreshes, dead links, rate limits, junk frames, duplicates,
// certificates and refused tokens. Waits are bounded waits for events, never sleeps.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <future>

#include "bot/service.hpp"
#include "bot/slack/slack_transport.hpp"
#include "support/fake_slack.hpp"

using namespace mentorbot;
using namespace mentorbot::testing;
using namespace std::chrono_literals;

namespace {

const std::string kAppToken = "xapp-1-A111-test";
const std::string kBotToken = "xoxb-111-test";

// Short intervals so that every test runs in well under a second or two.
SlackOptions fast_options(const FakeSlack& fake) {
    SlackOptions o;
    o.config.app_token = kAppToken;
    o.config.bot_token = kBotToken;
    o.config.api_url = fake.api_url();
    o.link.connect = 1s;
    o.link.handshake = 1s;
    o.link.idle = 300ms;
    o.ack_budget = 400ms;
    o.http_timeout = 2s;
    o.reconnect_first = 20ms;
    o.reconnect_cap = 200ms;
    o.post_interval = 10ms;
    return o;
}

// dana (U1) and sam (U2) paired, their space G1, and `body` queued for it, due now.
OutboxId queue_for_pair_space(Store& s, const std::string& kind, const Document& body) {
    const Instant now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const Person dana = s.people.find_or_create(Platform::slack, "U1", "dana", now);
    const Person sam = s.people.find_or_create(Platform::slack, "U2", "sam", now);
    const Pair pair = s.pairs.create(Platform::slack, dana.id, sam.id, dana.id, "C1", now);
    s.pairs.set_space(pair.id, "G1");
    QueuedMessage m;
    m.platform = Platform::slack;
    m.pair = pair.id;
    m.kind = kind;
    m.body = serialize(body);
    m.due_at = now;
    return s.outbox.enqueue(m, now);
}

// The bot's service with the Slack transport, running on its own thread.
struct RunningBot {
    Store store{":memory:"};
    Settings settings;
    SystemClock clock;
    Service service{store, settings, clock};
    std::future<int> exit_code;

    explicit RunningBot(SlackOptions options, std::function<void(Store&)> before = {}) {
        if (before) before(store);
        service.add(std::make_unique<SlackTransport>(service.io().get_executor(), service.storage(),
                                                     service.commands(), std::move(options)));
        exit_code = std::async(std::launch::async, [this] { return service.run(); });
    }
    int stop() {
        service.stop();
        return exit_code.get();
    }
    ~RunningBot() {
        if (exit_code.valid()) stop();
    }
};

// The fake Slack and the bot, connected.
struct Connected {
    FakeSlack fake{TestCa::trusted().server_certificate(), kAppToken, kBotToken};
    RunningBot bot{fast_options(fake)};
    Connected() { REQUIRE(fake.wait_for_links(1, 2s)); }
};

// A busy database: the storage thread is held until the returned promise is kept (or dropped).
std::promise<void> hold_storage(RunningBot& bot) {
    std::promise<void> release;
    boost::asio::post(bot.service.storage().executor(),
                      [f = release.get_future().share()] { f.wait(); });
    return release;
}

std::string answer_text(const FakeSlack::Ack& ack) {
    return ack.payload ? ack.payload->value("text", std::string()) : std::string();
}

// After the first link was lost: a second one opens, and commands are answered on it.
void expect_second_link_answering(FakeSlack& fake) {
    REQUIRE(fake.wait_for_links(2, 2s));
    const auto ack = fake.wait_for_ack(fake.send_slash("help"), 3s);
    REQUIRE(ack);
    CHECK(ack->link == 2);
    CHECK(ack->payload);
}

}  // namespace

TEST_CASE("A slash command is answered in its ack, well within Slack's 3 seconds") {
    Connected connected;
    auto& [fake, bot] = connected;
    fake.set_zone("U7", "Asia/Tokyo");
    const auto sent = std::chrono::steady_clock::now();
    const std::string id = fake.send_slash("help", "U7");
    const auto ack = fake.wait_for_ack(id, 3s);
    REQUIRE(ack);
    CHECK(ack->at - sent < 3s);
    REQUIRE(ack->payload);
    CHECK(ack->payload->value("response_type", "") == "ephemeral");
    CHECK(answer_text(*ack).find("tz") != std::string::npos);
    CHECK((*ack->payload)["blocks"].is_array());
    CHECK(bot.stop() == 0);
    // The caller's zone came from their Slack profile.
    CHECK(bot.store.people.find(Platform::slack, "U7")->time_zone == "Asia/Tokyo");
}

TEST_CASE("An answer not ready in time is acked at once and delivered by response_url") {
    Connected connected;
    auto& [fake, bot] = connected;
    std::promise<void> release = hold_storage(bot);  // until the ack has gone out
    const std::string id = fake.send_slash("tz Europe/Berlin", "U1");
    const auto ack = fake.wait_for_ack(id, 3s);
    release.set_value();
    REQUIRE(ack);
    CHECK_FALSE(ack->payload);
    REQUIRE(fake.wait_for_responses(1, 3s));
    const auto late = fake.responses().front();
    CHECK(late.value("response_type", "") == "ephemeral");
    CHECK(late.value("text", "").find("Europe/Berlin") != std::string::npos);
}

TEST_CASE("Commands held up together are each acked once in time, then all answered late") {
    Connected connected;
    auto& [fake, bot] = connected;
    std::promise<void> release = hold_storage(bot);
    const auto sent = std::chrono::steady_clock::now();
    const std::vector<std::string> zones = {"Europe/Berlin", "Asia/Tokyo", "America/Chicago"};
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < zones.size(); ++i)
        ids.push_back(fake.send_slash("tz " + zones[i], "U" + std::to_string(i + 1)));
    for (const std::string& id : ids) {
        const auto ack = fake.wait_for_ack(id, 3s);
        REQUIRE(ack);
        CHECK_FALSE(ack->payload);
        CHECK(ack->at - sent < 3s);  // the budget is 400 ms, Slack's limit 3 s
    }
    release.set_value();
    REQUIRE(fake.wait_for_responses(zones.size(), 3s));
    const auto late = fake.responses();
    for (const std::string& zone : zones)
        CHECK(std::count_if(late.begin(), late.end(), [&](const nlohmann::json& r) {
                  return r.value("text", "").find(zone) != std::string::npos;
              }) == 1);
    // Once the database is free again, a command is answered in its ack.
    const auto next = fake.wait_for_ack(fake.send_slash("help", "U9"), 3s);
    REQUIRE(next);
    CHECK(next->payload);
    CHECK(bot.stop() == 0);
    const auto acks = fake.acks();
    for (const std::string& id : ids)
        CHECK(std::count_if(acks.begin(), acks.end(),
                            [&](const FakeSlack::Ack& a) { return a.envelope_id == id; }) == 1);
}

TEST_CASE("A refresh opens the new link before closing the old one, and no command is lost") {
    Connected connected;
    auto& [fake, bot] = connected;
    fake.send_disconnect("refresh_requested");
    const std::string during = fake.send_slash("help", "U1");  // still on the old link
    REQUIRE(fake.wait_for_links(2, 2s));
    const auto first = fake.wait_for_ack(during, 3s);
    REQUIRE(first);
    CHECK(first->link == 1);
    CHECK(first->payload);
    const std::string after = fake.send_slash("help", "U1");
    const auto second = fake.wait_for_ack(after, 3s);
    REQUIRE(second);
    CHECK(second->link == 2);
    CHECK(fake.most_links_open() == 2);  // the new one opened while the old one was up
}

TEST_CASE("An abruptly dropped TCP link is noticed and replaced") {
    Connected connected;
    auto& [fake, bot] = connected;
    fake.drop_newest();
    expect_second_link_answering(fake);
}

TEST_CASE("A half-open link that stops answering pings is dropped within the idle timeout") {
    Connected connected;  // idle timeout 300 ms
    auto& [fake, bot] = connected;
    const auto frozen_at = std::chrono::steady_clock::now();
    fake.freeze_newest();
    expect_second_link_answering(fake);
    CHECK(std::chrono::steady_clock::now() - frozen_at < 1500ms);
}

TEST_CASE("A message rate limited by chat.postMessage is delivered once, after Retry-After") {
    auto& ca = TestCa::trusted();
    FakeSlack fake(ca.server_certificate(), kAppToken, kBotToken);
    fake.rate_limit_next("chat.postMessage", 1);
    RunningBot bot(fast_options(fake), [](Store& s) {
        queue_for_pair_space(s, "reminder.meeting", Document{}.paragraph("Meeting in 15 minutes"));
    });
    REQUIRE(fake.wait_for_calls("chat.postMessage", 2, 5s));
    const auto calls = fake.calls("chat.postMessage");
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].status == 429);
    CHECK(calls[1].ok);
    CHECK(calls[1].at - calls[0].at >= 1s);
    CHECK(calls[1].args["channel"] == "G1");
    CHECK(calls[1].args["text"] == "Meeting in 15 minutes");
    CHECK(bot.stop() == 0);
    CHECK(bot.store.outbox.pending_count(Platform::slack) == 0);
    CHECK(fake.calls("chat.postMessage").size() == 2);
}

TEST_CASE("After a crash part-way through a long message, only the parts not yet posted go out") {
    auto& ca = TestCa::trusted();
    FakeSlack fake(ca.server_certificate(), kAppToken, kBotToken);
    RunningBot bot(fast_options(fake), [](Store& s) {
        Document recap;  // 60 sections: more than one Slack message holds (50 blocks)
        for (int i = 1; i <= 60; ++i) {
            char line[32];
            std::snprintf(line, sizeof line, "item %03d", i);
            recap.paragraph(line);
        }
        const OutboxId id = queue_for_pair_space(s, "recap", recap);
        s.outbox.mark_parts_sent(id, 1, "1700000000.000100");  // the bot died after part one
    });
    REQUIRE(fake.wait_for_calls("chat.postMessage", 1, 5s));
    CHECK(bot.stop() == 0);
    const auto calls = fake.calls("chat.postMessage");
    REQUIRE(calls.size() == 1);
    const std::string posted = calls[0].args.dump();
    CHECK(posted.find("item 060") != std::string::npos);
    CHECK(posted.find("item 001") == std::string::npos);
    CHECK(bot.store.outbox.pending_count(Platform::slack) == 0);
}

TEST_CASE("Malformed and unknown frames are skipped and the link keeps working") {
    Connected connected;
    auto& [fake, bot] = connected;
    fake.send_raw("this is not json {");
    fake.send_raw("[1,2,3]");
    fake.send_raw(R"({"type":"slash_commands","payload":{"text":"help"}})");
    fake.send_raw(R"({"envelope_id":"odd-1","type":"interactive","payload":{}})");
    fake.send_raw(R"({"type":"brand_new_kind"})");
    CHECK(fake.wait_for_ack("odd-1", 2s));  // unknown envelope kinds are still acked
    const auto ack = fake.wait_for_ack(fake.send_slash("help"), 3s);
    REQUIRE(ack);
    CHECK(ack->payload);
    CHECK(fake.links_opened() == 1);
}

TEST_CASE("A duplicate envelope is acked again but handled once") {
    Connected connected;
    auto& [fake, bot] = connected;
    fake.send_slash("tz Asia/Tokyo", "U5", "C1", "dup-1");
    REQUIRE(fake.wait_for_ack("dup-1", 3s));
    fake.send_slash("tz Asia/Tokyo", "U5", "C1", "dup-1");
    const auto other = fake.wait_for_ack(fake.send_slash("help", "U5"), 3s);
    REQUIRE(other);
    std::vector<FakeSlack::Ack> dup;
    for (const auto& a : fake.acks())
        if (a.envelope_id == "dup-1") dup.push_back(a);
    REQUIRE(dup.size() == 2);
    CHECK(dup[0].payload);
    CHECK_FALSE(dup[1].payload);
    CHECK(bot.stop() == 0);
    CHECK(bot.service.commands().commands() == 2);  // tz once, help once
}

TEST_CASE("Pairs get a group DM opened with both members, the welcome goes there") {
    Connected connected;
    auto& [fake, bot] = connected;
    const auto ack = fake.wait_for_ack(fake.send_slash("pair <@U1|dana> <@U2|sam>", "U1"), 3s);
    REQUIRE(ack);
    REQUIRE(fake.wait_for_calls("chat.postMessage", 1, 3s));
    const auto opened = fake.calls("conversations.open");
    REQUIRE(opened.size() == 1);
    CHECK(opened[0].args["users"] == "U1,U2");
    const auto posted = fake.calls("chat.postMessage");
    CHECK(posted[0].args["channel"].get<std::string>().rfind("G", 0) == 0);
    CHECK(posted[0].args["text"].get<std::string>().find("<!") == std::string::npos);
    // Both members' App Home tabs show the new pair.
    REQUIRE(fake.wait_for_calls("views.publish", 2, 3s));
    const auto home = fake.calls("views.publish");
    CHECK(home[0].args["view"]["type"] == "home");
    CHECK(home[0].args["view"]["blocks"].dump().find("<@U2>") != std::string::npos);
}

TEST_CASE("A server whose certificate is not trusted is refused, no link is opened") {
    TestCa::trusted();
    FakeSlack fake(TestCa::untrusted_certificate(), kAppToken, kBotToken);
    RunningBot bot(fast_options(fake));
    REQUIRE(fake.wait_for_refusals(2, 3s));
    CHECK(fake.refused_handshakes() >= 2);  // refused, and refused again after backing off
    CHECK(fake.links_opened() == 0);
    CHECK(fake.calls("apps.connections.open").empty());
}

TEST_CASE("invalid_auth for the app-level token stops the bot with exit code 3") {
    auto& ca = TestCa::trusted();
    FakeSlack fake(ca.server_certificate(), "xapp-1-other", kBotToken);
    RunningBot bot(fast_options(fake));
    REQUIRE(bot.exit_code.wait_for(3s) == std::future_status::ready);
    CHECK(bot.exit_code.get() == 3);
    CHECK(fake.links_opened() == 0);
}

TEST_CASE("A refused bot token stops the bot at start with exit code 3, before any link") {
    auto& ca = TestCa::trusted();
    FakeSlack fake(ca.server_certificate(), kAppToken, "xoxb-other");
    RunningBot bot(fast_options(fake));
    REQUIRE(bot.exit_code.wait_for(3s) == std::future_status::ready);
    CHECK(bot.exit_code.get() == 3);
    const auto checked = fake.calls("auth.test");
    REQUIRE(checked.size() == 1);
    CHECK_FALSE(checked[0].ok);
    CHECK(fake.links_opened() == 0);
}

TEST_CASE("too_many_websockets: the link is dropped and a new one opened after a pause") {
    Connected connected;
    auto& [fake, bot] = connected;
    fake.send_disconnect("too_many_websockets");
    expect_second_link_answering(fake);
}

TEST_CASE("link_disabled (Socket Mode turned off) stops the bot with exit code 3") {
    Connected connected;
    auto& [fake, bot] = connected;
    fake.send_disconnect("link_disabled");
    REQUIRE(bot.exit_code.wait_for(3s) == std::future_status::ready);
    CHECK(bot.exit_code.get() == 3);
    CHECK(fake.links_opened() == 1);
}
