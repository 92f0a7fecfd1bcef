// tests/bot/service_test: commands arriving together share one commit; queued messages reach the
// transport once, in order per conversation, wait when the platform says so, and go out when they
// come due.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>

#include "bot/command_runner.hpp"
#include "bot/service.hpp"

using namespace mentorbot;
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

Command command_from(const std::string& who, const std::string& text) {
    Command c;
    c.platform = Platform::slack;
    c.conversation = "C1";
    c.user = who;
    c.user_name = who;
    c.text = text;
    return c;
}

// A command runner on a storage thread of its own, over a fresh store.
struct RunnerOnItsThread {
    Store store{":memory:"};
    Settings settings;
    ManualClock clock{Instant{std::chrono::seconds{1'800'000'000}}};
    StorageThread storage{store};
    CommandRunner runner{storage, settings, clock};
};

// Lets a coroutine wait for something another coroutine on the same thread does (no polling).
struct Event {
    asio::steady_timer timer;
    explicit Event(asio::any_io_executor ex) : timer(ex) {}
    void notify() { timer.cancel(); }
    asio::awaitable<void> until(std::function<bool()> done) {
        while (!done()) {
            timer.expires_at(asio::steady_timer::time_point::max());
            boost::system::error_code ec;
            co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
    }
};

// A platform that records what it was asked to send and answers from a script.
struct RecordingTransport : Transport {
    std::function<asio::awaitable<void>()> script = []() -> asio::awaitable<void> { co_return; };
    std::function<SendResult(const Addressed&)> answer = [](const Addressed&) {
        return SendResult::sent("ts");
    };
    std::vector<std::string> sent;  // kinds, in the order delivered
    Event* on_send = nullptr;

    Platform platform() const override { return Platform::slack; }
    asio::awaitable<void> run() override { co_await script(); }
    asio::awaitable<SendResult> send(const Addressed& m) override {
        SendResult r = answer(m);
        if (r.status == SendResult::Status::sent) sent.push_back(m.row.kind);
        if (on_send) on_send->notify();
        co_return r;
    }
    void stop() override {}
};

QueuedMessage queued(Platform platform, std::optional<PairId> pair, std::optional<PersonId> person,
                     const char* kind, Instant due) {
    QueuedMessage m;
    m.platform = platform;
    m.pair = pair;
    m.person = person;
    m.kind = kind;
    m.body = R"({"blocks":[]})";
    m.due_at = due;
    return m;
}

// A fresh store with one Slack pair (dana and sam, in C1), for the outbox tests.
struct SlackPair {
    Store store{":memory:"};
    ManualClock clock{Instant{std::chrono::seconds{1'800'000'000}}};
    const Instant t0 = clock.now();
    const Person dana = store.people.find_or_create(Platform::slack, "U1", "dana", t0);
    const Person sam = store.people.find_or_create(Platform::slack, "U2", "sam", t0);
    const Pair pair = store.pairs.create(Platform::slack, dana.id, sam.id, dana.id, "C1", t0);
};

}  // namespace

TEST_CASE("Commands that arrive while the database is busy are committed together, each answered") {
    Store store(":memory:");
    Settings settings;
    ManualClock clock(Instant{std::chrono::seconds{1'800'000'000}});
    Service service(store, settings, clock);
    auto transport = std::make_unique<RecordingTransport>();
    std::promise<void> release;
    std::vector<Dispatched> answers;
    transport->script = [&]() -> asio::awaitable<void> {
        auto ex = co_await asio::this_coro::executor;
        Event answered(ex);
        // Hold the storage thread so that all twenty commands are waiting at once.
        asio::post(service.storage().executor(), [f = release.get_future().share()] { f.wait(); });
        for (int i = 0; i < 20; ++i)
            asio::co_spawn(ex,
                           [&, i]() -> asio::awaitable<void> {
                               answers.push_back(co_await service.commands().run(command_from(
                                   "U" + std::to_string(i), i == 7 ? "pair <@U7>" : "tz Asia/Tokyo")));
                               answered.notify();
                           },
                           asio::detached);
        // Let the twenty run up to their hand-over to the storage thread, then release it.
        co_await asio::post(ex, asio::use_awaitable);
        release.set_value();
        co_await answered.until([&] { return answers.size() == 20; });
        service.stop();
    };
    service.add(std::move(transport));
    CHECK(service.run() == 0);
    REQUIRE(answers.size() == 20);
    CHECK(std::count_if(answers.begin(), answers.end(), [](auto& a) { return a.ok; }) == 19);
    CHECK(service.commands().batches() == 1);
    CHECK(service.commands().commands() == 20);
    // The one mistake was undone alone; everyone else's zone was kept.
    CHECK(store.people.find(Platform::slack, "U3")->time_zone == "Asia/Tokyo");
    CHECK(store.people.find(Platform::slack, "U19")->time_zone == "Asia/Tokyo");
    CHECK_FALSE(store.people.find(Platform::slack, "U7"));
    // It came after writing (U7 was new), so the batch was written again, a savepoint each.
    CHECK(service.commands().rewritten() == 1);
}

TEST_CASE("A batch is written again with a savepoint per command only when a mistake had written") {
    RunnerOnItsThread r;
    asio::io_context io;
    auto guard = asio::make_work_guard(io);
    // Hands the commands over while the storage thread is held, so that they form one batch;
    // returns how many succeeded.
    auto in_one_batch = [&](const std::vector<std::pair<std::string, std::string>>& commands) {
        std::promise<void> release;
        asio::post(r.storage.executor(), [f = release.get_future().share()] { f.wait(); });
        std::size_t answered = 0, succeeded = 0;
        for (const auto& [who, text] : commands)
            r.runner.submit(command_from(who, text), io.get_executor(), [&](Dispatched d) {
                ++answered;
                succeeded += d.ok;
            });
        release.set_value();
        while (answered < commands.size()) io.run_one();
        return succeeded;
    };
    auto everyone = [](const std::string& text) {
        std::vector<std::pair<std::string, std::string>> commands;
        for (int i = 0; i < 20; ++i) commands.emplace_back("U" + std::to_string(i), text);
        return commands;
    };
    auto zone_of = [&](const char* who) {
        return r.store.people.find(Platform::slack, who)->time_zone;
    };

    CHECK(in_one_batch(everyone("tz Asia/Tokyo")) == 20);
    CHECK(r.runner.rewritten() == 0);

    // U7, already known, pairs with themself: refused before anything was written.
    auto commands = everyone("tz Europe/Paris");
    commands[7].second = "pair <@U7>";
    CHECK(in_one_batch(commands) == 19);
    CHECK(r.runner.rewritten() == 0);
    CHECK(zone_of("U3") == "Europe/Paris");
    CHECK(zone_of("U7") == "Asia/Tokyo");

    // U99 is new: the mistake comes after U99 was written, and only U99's command is undone.
    commands = everyone("tz America/New_York");
    commands[7] = {"U99", "pair <@U99>"};
    CHECK(in_one_batch(commands) == 19);
    CHECK(r.runner.rewritten() == 1);
    CHECK(zone_of("U3") == "America/New_York");
    CHECK(zone_of("U19") == "America/New_York");
    CHECK(zone_of("U7") == "Asia/Tokyo");  // not in this batch
    CHECK_FALSE(r.store.people.find(Platform::slack, "U99"));
    CHECK(r.runner.batches() == 3);
    r.storage.finish();
}

TEST_CASE("A platform's wait holds back that conversation only, and order is kept after it") {
    SlackPair p;
    Store& store = p.store;
    const Instant t0 = p.t0;
    store.outbox.enqueue(queued(Platform::slack, p.pair.id, {}, "welcome", t0), t0);
    store.outbox.enqueue(queued(Platform::slack, p.pair.id, {}, "pair.ended", t0), t0);
    store.outbox.enqueue(queued(Platform::slack, {}, p.sam.id, "dm", t0), t0);

    asio::io_context io;
    RecordingTransport transport;
    Event sent(io.get_executor());
    transport.on_send = &sent;
    int welcome_tries = 0;
    transport.answer = [&](const Addressed& m) {
        if (m.row.kind == "welcome" && ++welcome_tries == 1)
            return SendResult::retry(3s, "ratelimited");
        return SendResult::sent("ts-" + m.row.kind);
    };
    {
        StorageThread storage(store);
        OutboxPump pump(storage, transport, p.clock, io.get_executor());
        asio::co_spawn(io, pump.run(), asio::detached);
        asio::co_spawn(io,
                       [&]() -> asio::awaitable<void> {
                           co_await sent.until([&] { return welcome_tries == 1 && transport.sent.size() == 1; });
                           CHECK(transport.sent == std::vector<std::string>{"dm"});
                           p.clock.advance(3s);
                           pump.wake();
                           co_await sent.until([&] { return transport.sent.size() == 3; });
                           pump.stop();
                       },
                       asio::detached);
        io.run();
    }
    CHECK(transport.sent == std::vector<std::string>{"dm", "welcome", "pair.ended"});
    CHECK(welcome_tries == 2);
    CHECK(store.outbox.pending_count(Platform::slack) == 0);
}

TEST_CASE("A message whose stored body cannot be read is dropped, and its conversation goes on") {
    SlackPair p;
    Store& store = p.store;
    const Instant t0 = p.t0;
    store.outbox.enqueue(queued(Platform::slack, p.pair.id, {}, "welcome", t0), t0);
    QueuedMessage garbled = queued(Platform::slack, p.pair.id, {}, "garbled", t0);
    garbled.body = R"({"blocks":[{"type":)";  // cut short
    store.outbox.enqueue(garbled, t0);
    store.outbox.enqueue(queued(Platform::slack, p.pair.id, {}, "pair.ended", t0), t0);

    asio::io_context io;
    RecordingTransport transport;
    Event sent(io.get_executor());
    transport.on_send = &sent;
    {
        StorageThread storage(store);
        OutboxPump pump(storage, transport, p.clock, io.get_executor());
        asio::co_spawn(io, pump.run(), asio::detached);
        auto stop_after_two = [&]() -> asio::awaitable<void> {
            co_await sent.until([&] { return transport.sent.size() == 2; });
            auto behind_the_marks = [](Store&) {};  // the lane's last mark is queued before this
            co_await storage.run(std::move(behind_the_marks));
            pump.stop();
        };
        asio::co_spawn(io, stop_after_two, asio::detached);
        io.run();
    }
    CHECK(transport.sent == std::vector<std::string>{"welcome", "pair.ended"});
    // Not left to be tried again at every look.
    CHECK(store.outbox.pending_count(Platform::slack) == 0);
}

TEST_CASE("A message due later goes out when it comes due, with no wake-up from anyone") {
    Store store(":memory:");
    ManualClock clock(Instant{std::chrono::seconds{1'800'000'000}});
    const Instant t0 = clock.now();
    const Person sam = store.people.find_or_create(Platform::slack, "U2", "sam", t0);
    store.outbox.enqueue(queued(Platform::slack, {}, sam.id, "later", t0 + 1s), t0);

    asio::io_context io;
    RecordingTransport transport;
    Event sent(io.get_executor());
    transport.on_send = &sent;
    {
        StorageThread storage(store);
        OutboxPump pump(storage, transport, clock, io.get_executor());
        asio::co_spawn(io, pump.run(), asio::detached);
        asio::co_spawn(
            io,
            [&]() -> asio::awaitable<void> {
                // Queued behind the pump's first look, which found nothing due and
                // the next due in a second: the pump arms its timer before this
                // resumes (one thread runs both, in order).
                auto behind_the_look = [](Store&) {};
                co_await storage.run(std::move(behind_the_look));
                CHECK(transport.sent.empty());
                clock.set(t0 + 1s);  // the timer, a second from now, finds it due
                co_await sent.until([&] { return transport.sent.size() == 1; });
                pump.stop();
            },
            asio::detached);
        io.run_for(10s);  // the pump's timer waits a real second
    }
    CHECK(transport.sent == std::vector<std::string>{"later"});
    CHECK(store.outbox.pending_count(Platform::slack) == 0);
}

TEST_CASE("A commit wakes the outbox only when it queued messages, the reminders only when planned") {
    RunnerOnItsThread r;
    std::mutex mutex;
    std::condition_variable reported;
    std::vector<CommandRunner::Committed> commits;  // written on the storage thread
    r.runner.on_committed([&](const CommandRunner::Committed& c) {
        std::lock_guard lock(mutex);
        commits.push_back(c);
        reported.notify_all();
    });
    asio::io_context io;
    auto guard = asio::make_work_guard(io);
    std::size_t batches = 0;
    // One command, one batch: returns its answer and what its commit reported.
    auto run = [&](const std::string& who, const std::string& text) {
        std::optional<Dispatched> answer;
        r.runner.submit(command_from(who, text), io.get_executor(),
                      [&](Dispatched d) { answer = std::move(d); });
        while (!answer) io.run_one();  // the answer is posted here after the commit
        std::unique_lock lock(mutex);  // the report may come just after the answer
        reported.wait(lock, [&] { return commits.size() > batches; });
        ++batches;
        return std::make_pair(answer->ok, commits.back());
    };
    REQUIRE(run("U1", "pair <@U1> <@U2>").first);

    auto [added, action] = run("U1", "action add read the chapter on feedback");
    CHECK(added);
    CHECK(action.messages_queued);  // the pair's space hears of it
    CHECK_FALSE(action.reminders_planned);

    auto [scheduled, schedule] = run("U1", "schedule weekly tue 15:00");
    CHECK(scheduled);
    CHECK(schedule.reminders_planned);  // the next meeting's reminders

    auto [understood, typo] = run("U1", "acton add something");
    CHECK_FALSE(understood);
    CHECK_FALSE(typo.messages_queued);
    CHECK_FALSE(typo.reminders_planned);
    CHECK(commits.size() == 4);
    r.storage.finish();
}

TEST_CASE("The storage thread names the work that kept it longer than it is watched for") {
    RunnerOnItsThread r;
    // Written on the storage thread, read after it stopped.
    std::vector<std::string> over_nothing, over_an_hour;
    r.storage.watch_stalls(0ns, [&](const std::string& what, std::chrono::nanoseconds) {
        over_nothing.push_back(what);
    });
    RunnerOnItsThread quiet;
    quiet.storage.watch_stalls(1h, [&](const std::string& what, std::chrono::nanoseconds) {
        over_an_hour.push_back(what);
    });
    asio::io_context io;
    auto guard = asio::make_work_guard(io);
    int done = 0;
    for (RunnerOnItsThread* runner : {&r, &quiet}) {
        runner->runner.submit(command_from("U1", "tz Asia/Tokyo"), io.get_executor(),
                              [&](Dispatched) { ++done; });
        auto look = [](Store& s) { return s.db.schema_version(); };
        auto read_schema = [runner, look]() -> asio::awaitable<void> {
            co_await runner->storage.run(look);
        };
        asio::co_spawn(io, read_schema, [&](std::exception_ptr) { ++done; });
    }
    while (done < 4) io.run_one();
    r.storage.finish();
    quiet.storage.finish();
    // A batch by its name, other work by where its code was written (not a mangled type); in
    // either order, as the two were handed over from different threads.
    REQUIRE(over_nothing.size() == 2);
    const bool batch_first = over_nothing[0] == "a batch of commands";
    CHECK(over_nothing[batch_first ? 0 : 1] == "a batch of commands");
    CHECK_THAT(over_nothing[batch_first ? 1 : 0], Catch::Contains("{lambda(mentorbot::Store&)#"));
    CHECK(over_an_hour.empty());
}
