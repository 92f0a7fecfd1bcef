// tests/matrix/transport_test: the Matrix transport against the fake homeserver through real
// sockets — invites, answers, what must not be answered, restarts, crashes between send and
// confirmation, rate limits and server errors, bad tokens, pair spaces and direct rooms.
#include <unistd.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "bot/matrix/transport.hpp"
#include "bot/service.hpp"
#include "support/fake_homeserver.hpp"
#include "support/test_ca.hpp"

using namespace mentorbot;
using testing::FakeHomeserver;
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

const std::string kBot = FakeHomeserver::kBot;
const std::string kDana = "@dana:fake.test";
const std::string kSam = "@sam:fake.test";
const std::string kLee = "@lee:fake.test";

// The transport under test, telling the test when it ended and why.
struct Observed final : Transport {
    std::unique_ptr<MatrixTransport> bot;
    StorageThread* storage = nullptr;
    bool finished = false;
    std::string failure;

    Platform platform() const override { return Platform::matrix; }
    asio::awaitable<void> run() override {
        try {
            co_await bot->run();
        } catch (const std::exception& e) {
            finished = true;
            failure = e.what();
            throw;
        }
        finished = true;
    }
    asio::awaitable<SendResult> send(const Addressed& m) override {
        co_return co_await bot->send(m);
    }
    void stop() override { bot->stop(); }
};

// Waits (a few milliseconds at a time) until `done()` or `limit` has passed.
template <class Done>
asio::awaitable<bool> eventually(Done done, std::chrono::milliseconds limit = 10s) {
    asio::steady_timer tick(co_await asio::this_coro::executor);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) co_return false;
        tick.expires_after(5ms);
        co_await tick.async_wait(asio::use_awaitable);
    }
    co_return true;
}

std::string temp_db(const std::string& name) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("mentorbot-matrix-" + name + "-" + std::to_string(::getpid()) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    return path.string();
}

struct Run {
    int exit_code = 0;
    std::string failure;
};

// Runs the bot (as `mentorbot run` would) on `db` until `script` returns or the bot stops.
template <class Script>
Run run_bot(const std::string& db, const MatrixConfig& config, Script script) {
    Store store(db);
    Settings settings;
    SystemClock clock;
    Service service(store, settings, clock);
    auto observed = std::make_unique<Observed>();
    Observed& watch = *observed;
    watch.storage = &service.storage();
    MatrixOptions fast;
    fast.sync_wait = 200ms;
    fast.backoff_first = 20ms;
    fast.backoff_cap = 200ms;
    observed->bot = std::make_unique<MatrixTransport>(
        service.io().get_executor(), service.storage(), settings, clock, config,
        [&service] { service.wake_outbox(); }, fast);
    service.add(std::move(observed));
    asio::co_spawn(
        service.io(),
        [&]() -> asio::awaitable<void> {
            co_await script(watch);
            service.stop();
        },
        asio::detached);
    Run run;
    run.exit_code = service.run();
    run.failure = watch.failure;
    return run;
}

MatrixConfig with_token(const FakeHomeserver& hs, const std::string& token) {
    MatrixConfig c;
    c.homeserver = hs.url();
    c.access_token = token;
    return c;
}

bool any_contains(const std::vector<FakeHomeserver::Message>& ms, const std::string& part) {
    return std::any_of(ms.begin(), ms.end(),
                       [&](const auto& m) { return m.body.find(part) != std::string::npos; });
}

// A room where Dana and the bot are members, and the bot has read everything so far.
std::string joined_room(FakeHomeserver& hs, const std::string& db, const MatrixConfig& config,
                        std::vector<std::string> others = {}) {
    others.push_back(kBot);
    const std::string room = hs.create_room(kDana, others);
    const int before = hs.sync_requests();
    run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        auto caught_up = [&] { return hs.sync_requests() >= before + 2; };
        co_await eventually(caught_up);
    });
    return room;
}

}  // namespace

TEST_CASE("Invited to a room, the bot joins and answers a command there with a notice") {
    FakeHomeserver hs;
    const std::string db = temp_db("invite");
    const auto config = with_token(hs, hs.issue_token(kBot, "BOTDEVICE"));
    const std::string room = hs.create_room(kDana);
    hs.invite(room, kDana, kBot);
    const Run run = run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        auto joined = [&] { return hs.membership(room, kBot) == "join"; };
        const bool joined_in_time = co_await eventually(joined);
        CHECK(joined_in_time);
        hs.say(room, kDana, "!mentor help");
        auto answered = [&] { return !hs.notices_from_bot(room).empty(); };
        const bool answered_in_time = co_await eventually(answered);
        CHECK(answered_in_time);
    });
    CHECK(run.exit_code == 0);
    const auto notices = hs.notices_from_bot(room);
    REQUIRE(notices.size() == 1);
    CHECK(hs.messages(room).size() == 2);  // the command and the notice: nothing else
    CHECK(notices[0].body.find("!mentor") != std::string::npos);
    CHECK(notices[0].html.find("<") != std::string::npos);
}

TEST_CASE("Backlog, notices, the bot's own messages and pre-join history get no answer") {
    FakeHomeserver hs;
    const std::string db = temp_db("quiet");
    const auto config = with_token(hs, hs.issue_token(kBot, "BOTDEVICE"));
    const std::string old_room = hs.create_room(kDana, {kBot});
    hs.say(old_room, kDana, "!mentor help");  // before the bot ever ran: backlog
    const std::string new_room = hs.create_room(kDana);
    hs.say(new_room, kDana, "!mentor pairs");  // before the bot was invited: history
    hs.invite(new_room, kDana, kBot);
    run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        auto joined = [&] { return hs.membership(new_room, kBot) == "join"; };
        const bool joined_in_time = co_await eventually(joined);
        CHECK(joined_in_time);
        hs.say(old_room, kSam, "!mentor help", "m.notice");  // another bot's notice
        hs.say(old_room, kBot, "!mentor help");              // the bot's account elsewhere
        const std::string twice = hs.say(new_room, kDana, "!mentor tz Asia/Tokyo");
        hs.repeat_in_timeline(twice);
        hs.say(old_room, kDana, "!mentor tz Europe/Berlin");
        auto answered = [&] {
            return hs.notices_from_bot(new_room).size() + hs.notices_from_bot(old_room).size() >= 2;
        };
        const bool answered_in_time = co_await eventually(answered);
        CHECK(answered_in_time);
        const int syncs = hs.sync_requests();
        auto settled = [&] { return hs.sync_requests() >= syncs + 2; };
        co_await eventually(settled);
    });
    CHECK(hs.first_sync_filter() == R"({"room":{"timeline":{"limit":1}}})");  // little backlog
    const auto in_new = hs.notices_from_bot(new_room), in_old = hs.notices_from_bot(old_room);
    REQUIRE(in_new.size() == 1);
    CHECK(any_contains(in_new, "Asia/Tokyo"));
    REQUIRE(in_old.size() == 1);
    CHECK(any_contains(in_old, "Europe/Berlin"));
}

TEST_CASE("After a restart nothing is answered twice and what came meanwhile is answered") {
    FakeHomeserver hs;
    const std::string db = temp_db("restart");
    const auto config = with_token(hs, hs.issue_token(kBot, "BOTDEVICE"));
    const std::string room = joined_room(hs, db, config);
    run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        hs.say(room, kDana, "!mentor tz Europe/Paris");
        auto answered = [&] { return hs.notices_from_bot(room).size() == 1; };
        const bool answered_in_time = co_await eventually(answered);
        CHECK(answered_in_time);
    });
    hs.say(room, kDana, "!mentor tz Europe/Rome");  // while the bot is down
    run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        auto answered = [&] { return hs.notices_from_bot(room).size() >= 2; };
        const bool answered_in_time = co_await eventually(answered);
        CHECK(answered_in_time);
        const int syncs = hs.sync_requests();
        auto settled = [&] { return hs.sync_requests() >= syncs + 2; };
        co_await eventually(settled);
    });
    const auto notices = hs.notices_from_bot(room);
    REQUIRE(notices.size() == 2);
    CHECK(any_contains({notices[0]}, "Europe/Paris"));
    CHECK(any_contains({notices[1]}, "Europe/Rome"));
    Store store(db);
    CHECK(store.people.find(Platform::matrix, kDana)->time_zone == "Europe/Rome");
}

TEST_CASE("A crash between posting and its confirmation does not post twice") {
    FakeHomeserver hs;
    const std::string db = temp_db("crash");
    const auto config = with_token(hs, hs.issue_token(kBot, "BOTDEVICE"));
    const std::string room = joined_room(hs, db, config);
    hs.stall_next_send_answer();  // stored, but the answer never comes
    run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        hs.say(room, kDana, "!mentor help");
        auto stored = [&] { return hs.notices_from_bot(room).size() == 1; };
        const bool stored_in_time = co_await eventually(stored);
        CHECK(stored_in_time);
    });  // the bot goes down before it learnt that the post went through
    {
        Store store(db);
        CHECK(store.outbox.pending_count(Platform::matrix) == 1);
    }
    run_bot(db, config, [&](Observed& bot) -> asio::awaitable<void> {
        auto pending = [](Store& s) { return s.outbox.pending_count(Platform::matrix); };
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        asio::steady_timer tick(co_await asio::this_coro::executor);
        while (co_await bot.storage->run(pending) > 0 &&
               std::chrono::steady_clock::now() < deadline) {
            tick.expires_after(5ms);
            co_await tick.async_wait(asio::use_awaitable);
        }
    });  // the resend was confirmed: it returned the event stored before the crash
    CHECK(hs.send_requests() == 2);
    CHECK(hs.notices_from_bot(room).size() == 1);
    Store store(db);
    CHECK(store.outbox.pending_count(Platform::matrix) == 0);
}

TEST_CASE("A connection lost after the homeserver stored a post is retried and posts once") {
    FakeHomeserver hs;
    const std::string db = temp_db("dropped");
    const auto config = with_token(hs, hs.issue_token(kBot, "BOTDEVICE"));
    const std::string room = joined_room(hs, db, config);
    hs.drop_next_send_answer();  // stored, then the connection closes without an answer
    run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        hs.say(room, kDana, "!mentor help");
        auto resent = [&] { return hs.send_requests() >= 2; };
        const bool resent_in_time = co_await eventually(resent);
        CHECK(resent_in_time);
    });
    CHECK(hs.notices_from_bot(room).size() == 1);
}

TEST_CASE("Rate limits and server errors are waited out") {
    FakeHomeserver hs;
    const std::string db = temp_db("limits");
    const auto config = with_token(hs, hs.issue_token(kBot, "BOTDEVICE"));
    const std::string room = joined_room(hs, db, config);
    hs.fail_next("/sync", 502, "<html>Bad Gateway</html>");
    hs.fail_next(
        "/sync", 429,
        R"({"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":50})");
    hs.fail_next("/sync", 429, R"({"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests"})",
                 "1");
    hs.fail_next(
        "/send/", 429,
        R"({"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":100})");
    run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        hs.say(room, kDana, "!mentor help");
        auto answered = [&] { return hs.notices_from_bot(room).size() == 1; };
        const bool answered_in_time = co_await eventually(answered);
        CHECK(answered_in_time);
    });
    CHECK(hs.requests_matching("/sync") >= 4);
    CHECK(hs.send_requests() == 1);  // the 429 was a fault, the second try stored it
    CHECK(hs.notices_from_bot(room).size() == 1);
}

TEST_CASE("A bad access token stops the bot with a clear message") {
    FakeHomeserver hs;
    const std::string db = temp_db("badtoken");
    const Run run =
        run_bot(db, with_token(hs, "syt_not_a_token"), [&](Observed& t) -> asio::awaitable<void> {
            auto stopped = [&] { return t.finished; };
            co_await eventually(stopped);
        });
    CHECK(run.exit_code == 3);
    CHECK_THAT(run.failure, Catch::Contains("refused the bot's access token") &&
                                Catch::Contains("M_UNKNOWN_TOKEN") &&
                                Catch::Contains("MATRIX_ACCESS_TOKEN"));
    CHECK_THAT(run.failure, !Catch::Contains("syt_not_a_token"));
}

TEST_CASE(
    "A password login happens once, restarts reuse its token and a logged-out token logs in on the "
    "same device") {
    FakeHomeserver hs;
    const std::string db = temp_db("login");
    MatrixConfig config;
    config.homeserver = hs.url();
    config.user = "mentorbot";
    config.password = FakeHomeserver::kBotPassword;
    auto one_sync = [&](Observed&) -> asio::awaitable<void> {
        const int before = hs.sync_requests();
        auto synced = [&] { return hs.sync_requests() > before; };
        const bool synced_in_time = co_await eventually(synced);
        CHECK(synced_in_time);
    };
    run_bot(db, config, one_sync);
    run_bot(db, config, one_sync);
    CHECK(hs.logins() == 1);
    hs.revoke_tokens();
    run_bot(db, config, one_sync);
    CHECK(hs.logins() == 2);
    const auto asked = hs.login_device_ids_asked();
    REQUIRE(asked.size() == 2);
    CHECK(asked[0].empty());
    CHECK(asked[1] == *hs.devices().begin());
    CHECK(hs.devices().size() == 1);

    config.password = "wrong";
    hs.revoke_tokens();
    const Run refused =
        run_bot(temp_db("login-wrong"), config, [&](Observed& t) -> asio::awaitable<void> {
            auto stopped = [&] { return t.finished; };
            co_await eventually(stopped);
        });
    CHECK(refused.exit_code == 3);
    CHECK_THAT(refused.failure,
               Catch::Contains("refused the login") && Catch::Contains("M_FORBIDDEN"));
}

TEST_CASE("Pairing uses the room when both are in it, else opens a private room inviting both") {
    FakeHomeserver hs;
    const std::string db = temp_db("pair");
    const auto config = with_token(hs, hs.issue_token(kBot, "BOTDEVICE"));
    const std::string shared = joined_room(hs, db, config, {kSam});
    const std::string lobby = hs.create_room(kDana, {kBot});
    run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        auto synced = [&, n = hs.sync_requests()] { return hs.sync_requests() >= n + 1; };
        co_await eventually(synced);
        hs.say(shared, kDana, "!mentor pair " + kDana + " " + kSam);
        hs.say(lobby, kDana, "!mentor pair " + kDana + " " + kLee);
        auto posted = [&] {
            const auto created = hs.created_rooms();
            return hs.notices_from_bot(shared).size() >= 2 && !created.empty() &&
                   !hs.notices_from_bot(created[0].room_id).empty();
        };
        const bool posted_in_time = co_await eventually(posted);
        CHECK(posted_in_time);
    });
    // Shared room: the answer and the welcome, no new room for it.
    CHECK(hs.notices_from_bot(shared).size() == 2);
    const auto created = hs.created_rooms();
    REQUIRE(created.size() == 1);
    CHECK(created[0].preset == "private_chat");
    CHECK(created[0].invited == std::vector<std::string>{kDana, kLee});
    CHECK(hs.notices_from_bot(lobby).size() == 1);  // the answer where it was asked
    const auto welcome = hs.notices_from_bot(created[0].room_id);
    REQUIRE(welcome.size() == 1);
    // Matrix profiles have no time zone: the welcome says how to set one.
    CHECK(any_contains(welcome, "!mentor tz"));
    Store store(db);
    const auto pairs = store.pairs.all(Platform::matrix);
    REQUIRE(pairs.size() == 2);
    std::set<std::string> spaces;
    for (const Pair& p : pairs) spaces.insert(p.space.value_or(""));
    CHECK(spaces == std::set<std::string>{shared, created[0].room_id});
}

TEST_CASE("Private messages go to a direct room opened once and remembered") {
    FakeHomeserver hs;
    const std::string db = temp_db("direct");
    const auto config = with_token(hs, hs.issue_token(kBot, "BOTDEVICE"));
    auto queue_private = [&](const char* text) {
        Store store(db);
        const Instant now = SystemClock{}.now();
        const Person dana = store.people.find_or_create(Platform::matrix, kDana, "Dana", now);
        Document d;
        d.paragraph(text);
        QueuedMessage m;
        m.platform = Platform::matrix;
        m.person = dana.id;
        m.kind = "feedback";
        m.body = serialize(d);
        m.due_at = now;
        store.outbox.enqueue(m, now);
    };
    auto delivered = [&](std::size_t n) {
        return [&, n](Observed&) -> asio::awaitable<void> {
            auto done = [&] {
                const auto created = hs.created_rooms();
                return !created.empty() && hs.notices_from_bot(created[0].room_id).size() >= n;
            };
            const bool done_in_time = co_await eventually(done);
            CHECK(done_in_time);
        };
    };
    queue_private("first <private> note");
    run_bot(db, config, delivered(1));
    queue_private("second note");
    run_bot(db, config, delivered(2));
    const auto created = hs.created_rooms();
    REQUIRE(created.size() == 1);
    CHECK(created[0].direct);
    CHECK(created[0].invited == std::vector<std::string>{kDana});
    const auto notices = hs.notices_from_bot(created[0].room_id);
    REQUIRE(notices.size() == 2);
    CHECK(notices[0].html == "<p>first &lt;private&gt; note</p>");
}

TEST_CASE("Invites from outside MATRIX_ALLOWED are declined and allowed ones joined") {
    FakeHomeserver hs;
    const std::string db = temp_db("allowed");
    auto config = with_token(hs, hs.issue_token(kBot, "BOTDEVICE"));
    config.allowed = {"@*:fake.test"};
    const std::string good = hs.create_room(kDana);
    hs.invite(good, kDana, kBot);
    const std::string bad = hs.create_room("@eve:evil.test");
    hs.invite(bad, "@eve:evil.test", kBot);
    run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        auto answered = [&] {
            return hs.membership(good, kBot) == "join" && hs.membership(bad, kBot) == "leave";
        };
        const bool answered_in_time = co_await eventually(answered);
        CHECK(answered_in_time);
    });
    CHECK(hs.membership(good, kBot) == "join");
    CHECK(hs.membership(bad, kBot) == "leave");
}

TEST_CASE("Over TLS with a verified certificate the bot joins and answers") {
    auto& ca = testing::TestCa::trusted();
    FakeHomeserver hs(ca.server_certificate());
    REQUIRE(hs.url().rfind("https://", 0) == 0);
    const std::string db = temp_db("tls");
    const auto config = with_token(hs, hs.issue_token(kBot, "BOTDEVICE"));
    const std::string room = hs.create_room(kDana);
    hs.invite(room, kDana, kBot);
    run_bot(db, config, [&](Observed&) -> asio::awaitable<void> {
        auto joined = [&] { return hs.membership(room, kBot) == "join"; };
        const bool joined_in_time = co_await eventually(joined);
        CHECK(joined_in_time);
        hs.say(room, kDana, "!mentor help");
        auto answered = [&] { return hs.notices_from_bot(room).size() == 1; };
        const bool answered_in_time = co_await eventually(answered);
        CHECK(answered_in_time);
    });
    CHECK(hs.notices_from_bot(room).size() == 1);
}
