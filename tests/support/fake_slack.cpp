// tests/support/fake_slack: Slack's Web API and Socket Mode on loopback, on the test CA.
#include "support/fake_slack.hpp"

#include <pthread.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>
#include <future>
#include <thread>

#include "bot/net/json_events.hpp"
#include "bot/net/write_coalescing.hpp"
#include "handlers/json_text.hpp"

namespace mentorbot::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using asio::as_tuple;
using asio::use_awaitable;
using nlohmann::json;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// One Socket Mode link as Slack's side sees it, with a single writer.
struct FakeLink : std::enable_shared_from_this<FakeLink> {
    // Frames written together leave as one TLS record, as the bot's side does.
    websocket::stream<net::WriteCoalescing<TlsStream>> ws;
    int number;
    std::deque<std::string> out;
    bool writing = false;
    bool frozen = false;
    bool open = true;
    asio::cancellation_signal stop_reading;  // freezes the link: no more reads, so no pongs

    FakeLink(TlsStream stream, int number) : ws(std::move(stream)), number(number) {}

    void write(std::string frame) {
        if (!open) return;
        out.push_back(std::move(frame));
        if (writing) return;
        writing = true;
        asio::co_spawn(
            ws.get_executor(),
            [self = shared_from_this()]() -> asio::awaitable<void> {
                while (!self->out.empty() && self->open) {
                    const std::string frame = std::move(self->out.front());
                    self->out.pop_front();
                    self->ws.next_layer().hold(!self->out.empty());
                    auto [ec, n] =
                        co_await self->ws.async_write(asio::buffer(frame), as_tuple(use_awaitable));
                    if (ec) self->open = false;
                }
                self->ws.next_layer().hold(false);
                self->writing = false;
            },
            asio::detached);
    }
    void drop() {
        open = false;
        boost::system::error_code ignored;
        beast::get_lowest_layer(ws).socket().close(ignored);
    }
};

// The top-level envelope_id of an ack and whether it has a payload, read by Boost.JSON's event
// parser without a tree (as the bot reads its frames: the benchmark's fake reads 40,000 acks).
struct AckFields : net::JsonEvents {
    std::string envelope_id;
    bool answered = false;
    int depth = 0;
    bool is_object = false;
    std::string key;       // the innermost object's last key, in parts when it has escapes
    bool id_next = false;  // the value after the top-level key "envelope_id"

    bool scalar() {
        id_next = false;
        return true;
    }
    bool on_null(error_code&) { return scalar(); }
    bool on_bool(bool, error_code&) { return scalar(); }
    bool on_int64(std::int64_t, string_view, error_code&) { return scalar(); }
    bool on_uint64(std::uint64_t, string_view, error_code&) { return scalar(); }
    bool on_double(double, string_view, error_code&) { return scalar(); }
    bool on_string_part(string_view s, std::size_t so_far, error_code&) {
        if (id_next) take_part(envelope_id, s, so_far);
        return true;
    }
    bool on_string(string_view s, std::size_t size, error_code& ec) {
        on_string_part(s, size, ec);
        return scalar();
    }
    bool on_object_begin(error_code&) {
        is_object = is_object || depth == 0;
        id_next = false;
        ++depth;
        return true;
    }
    bool on_key_part(string_view s, std::size_t so_far, error_code&) {
        take_part(key, s, so_far);
        return true;
    }
    bool on_key(string_view s, std::size_t size, error_code& ec) {
        on_key_part(s, size, ec);
        if (depth == 1) {
            id_next = key == "envelope_id";
            answered = answered || key == "payload";
        }
        return true;
    }
    bool on_object_end(std::size_t, error_code&) {
        --depth;
        return scalar();
    }
    bool on_array_begin(error_code&) {
        id_next = false;
        ++depth;
        return true;
    }
    bool on_array_end(std::size_t, error_code&) {
        --depth;
        return scalar();
    }
};

// Reads an ack's fields, or nothing when the frame is not one JSON object.
std::optional<AckFields> read_ack(const std::string& text) {
    boost::json::basic_parser<AckFields> parser(net::strict_any_depth());
    if (!net::read_whole(text, parser) || !parser.handler().is_object) return std::nullopt;
    return std::move(parser.handler());
}

std::string escape_free_id(int n) {
    char id[64];
    std::snprintf(id, sizeof id, "%08x-0ffb-41f3-a080-%012d", n * 2654435761u, n);
    return id;
}

}  // namespace

struct FakeSlack::Server {
    asio::io_context io{1};  // run by the fake's one thread
    asio::ssl::context tls;
    tcp::acceptor acceptor{io, {asio::ip::make_address("127.0.0.1"), 0}};
    const std::string host_port = "127.0.0.1:" + std::to_string(acceptor.local_endpoint().port());
    std::string app_token, bot_token;
    std::thread thread;

    // Touched only on the fake's thread.
    std::vector<std::shared_ptr<FakeLink>> links;  // greeted, newest last
    std::map<std::string, int> rate_limits;        // method → Retry-After of its next call
    std::map<std::string, std::string> zones;
    std::function<void(const Ack&)> ack_callback;
    bool keep_acks = true;  // acks kept for tests (false in benchmarks)
    int next_envelope = 0, next_ts = 0, next_ticket = 0;

    // Shared with the test thread.
    std::mutex mutex;
    std::condition_variable changed;
    int opened = 0, open_now = 0, peak_open = 0, refused = 0;
    std::vector<Ack> acks;
    std::vector<Call> calls;
    std::vector<json> responses;

    Server(const ServerCertificate& cert, std::string app, std::string bot)
        : tls(TestCa::server_context(cert)), app_token(std::move(app)), bot_token(std::move(bot)) {
        asio::co_spawn(io, accept(), asio::detached);
        thread = std::thread([this] {
            pthread_setname_np(pthread_self(), "fake-slack");
            io.run();
        });
    }
    ~Server() {
        asio::post(io, [this] {
            acceptor.close();
            for (auto& l : links) l->drop();
            io.stop();
        });
        thread.join();
    }

    const std::string& base() const { return host_port; }
    template <class F>
    void locked(F f) {
        {
            std::lock_guard lock(mutex);
            f();
        }
        changed.notify_all();
    }

    asio::awaitable<void> accept() {
        for (;;) {
            auto [ec, socket] = co_await acceptor.async_accept(as_tuple(use_awaitable));
            if (ec) co_return;
            socket.set_option(tcp::no_delay(true), ec);  // as Slack's servers: frames leave at once
            asio::co_spawn(io, serve(std::move(socket)), asio::detached);
        }
    }

    asio::awaitable<void> serve(tcp::socket socket) {
        TlsStream stream(std::move(socket), tls);
        auto [herr] = co_await stream.async_handshake(asio::ssl::stream_base::server,
                                                      as_tuple(use_awaitable));
        if (herr) {  // e.g. the client refused our certificate
            locked([&] { ++refused; });
            co_return;
        }
        beast::flat_buffer buffer;
        for (;;) {
            http::request<http::string_body> req;
            auto [rerr, n] =
                co_await http::async_read(stream, buffer, req, as_tuple(use_awaitable));
            if (rerr) co_return;
            if (websocket::is_upgrade(req)) {
                co_await run_link(std::move(stream), std::move(req));
                co_return;
            }
            http::response<http::string_body> res = answer(req);
            res.keep_alive(req.keep_alive());
            res.prepare_payload();
            auto [werr, w] = co_await http::async_write(stream, res, as_tuple(use_awaitable));
            if (werr || !req.keep_alive()) co_return;
        }
    }

    asio::awaitable<void> run_link(TlsStream stream, http::request<http::string_body> req) {
        if (!std::string_view(req.target()).starts_with("/link/?ticket=")) co_return;
        auto link = std::make_shared<FakeLink>(std::move(stream), 0);
        auto [aerr] = co_await link->ws.async_accept(req, as_tuple(use_awaitable));
        if (aerr) co_return;
        link->ws.text(true);
        locked([&] {
            link->number = ++opened;
            peak_open = std::max(peak_open, ++open_now);
        });
        links.push_back(link);
        link->write(json{{"type", "hello"},
                         {"num_connections", static_cast<int>(links.size())},
                         {"debug_info",
                          {{"host", "applink-fake"},
                           {"build_number", 10},
                           {"approximate_connection_time", 18060}}},
                         {"connection_info", {{"app_id", "A111"}}}}
                        .dump());
        beast::flat_buffer buffer;
        while (link->open && !link->frozen) {
            auto [ec, n] = co_await link->ws.async_read(
                buffer,
                asio::bind_cancellation_slot(link->stop_reading.slot(), as_tuple(use_awaitable)));
            if (ec) break;
            const std::string text = beast::buffers_to_string(buffer.data());
            buffer.consume(buffer.size());
            on_ack_frame(*link, text);
        }
        if (link->frozen) co_return;  // keeps the TCP connection, answers nothing
        link->open = false;
        std::erase(links, link);
        locked([&] { --open_now; });
    }

    void on_ack_frame(const FakeLink& link, const std::string& text) {
        if (!keep_acks) {
            // Benchmarks: the whole frame is still checked to be JSON; no tree is built.
            auto fields = read_ack(text);
            if (!fields || fields->envelope_id.empty()) return;
            Ack ack{std::move(fields->envelope_id), std::nullopt, fields->answered, link.number,
                    Clock::now()};
            if (ack_callback) ack_callback(ack);
            return;
        }
        const json frame = json::parse(text, nullptr, false);
        if (frame.is_discarded() || !frame.is_object() || !frame.contains("envelope_id") ||
            !frame["envelope_id"].is_string())
            return;  // Slack ignores junk
        Ack ack{frame["envelope_id"].get<std::string>(), std::nullopt, frame.contains("payload"),
                link.number, Clock::now()};
        if (frame.contains("payload")) ack.payload = frame["payload"];
        if (ack_callback) ack_callback(ack);
        locked([&] { acks.push_back(std::move(ack)); });
    }

    static http::response<http::string_body> json_answer(const json& body,
                                                         http::status status = http::status::ok) {
        http::response<http::string_body> res{status, 11};
        res.set(http::field::content_type, "application/json; charset=utf-8");
        res.body() = body.dump();
        return res;
    }

    http::response<http::string_body> answer(const http::request<http::string_body>& req) {
        const std::string target(req.target());
        if (target.starts_with("/commands/")) {  // a response_url
            locked([&] { responses.push_back(json::parse(req.body(), nullptr, false)); });
            http::response<http::string_body> res{http::status::ok, 11};
            res.body() = "ok";
            return res;
        }
        if (!target.starts_with("/api/") || req.method() != http::verb::post)
            return json_answer({{"ok", false}, {"error", "unknown_method"}},
                               http::status::not_found);
        const std::string method = target.substr(5);
        const std::string auth(req[http::field::authorization]);
        const std::string& token = method == "apps.connections.open" ? app_token : bot_token;
        if (auth.empty() || auth != "Bearer " + token) {
            const std::string error = auth.empty() ? "not_authed" : "invalid_auth";
            locked([&] { calls.push_back({method, json::object(), Clock::now(), 200, false}); });
            return json_answer({{"ok", false}, {"error", error}});
        }
        json args = req.body().empty() ? json::object() : json::parse(req.body(), nullptr, false);
        if (args.is_discarded()) return json_answer({{"ok", false}, {"error", "invalid_json"}});
        if (auto it = rate_limits.find(method); it != rate_limits.end()) {
            auto res = json_answer({{"ok", false}, {"error", "ratelimited"}},
                                   http::status::too_many_requests);
            res.set(http::field::retry_after, std::to_string(it->second));
            rate_limits.erase(it);
            locked([&] { calls.push_back({method, args, Clock::now(), 429, false}); });
            return res;
        }
        const json result = run_method(method, args);
        locked([&] {
            calls.push_back({method, args, Clock::now(), 200, result.value("ok", false)});
        });
        return json_answer(result);
    }

    static bool blocks_fit(const json& blocks, std::size_t max_blocks) {
        if (!blocks.is_array() || blocks.size() > max_blocks) return false;
        for (const auto& b : blocks)
            if (b.contains("text") && b["text"].value("text", std::string()).size() > 3000)
                return false;
        return true;
    }

    json run_method(const std::string& method, const json& args) {
        if (method == "auth.test")  // the token was checked above
            return {{"ok", true},          {"url", "https://fake-team.slack.com/"},
                    {"team", "Fake Team"}, {"user", "mentorbot"},
                    {"team_id", "T111"},   {"user_id", "UBOT"},
                    {"bot_id", "B111"}};
        if (method == "apps.connections.open")
            return {{"ok", true},
                    {"url", "wss://" + base() + "/link/?ticket=" + std::to_string(++next_ticket) +
                                "&app_id=A111"}};
        if (method == "chat.postMessage" || method == "chat.postEphemeral") {
            if (!args.contains("channel") || !args["channel"].is_string())
                return {{"ok", false}, {"error", "channel_not_found"}};
            if (args.contains("blocks") && !blocks_fit(args["blocks"], 50))
                return {{"ok", false}, {"error", "invalid_blocks"}};
            if (!args.contains("blocks") && args.value("text", std::string()).empty())
                return {{"ok", false}, {"error", "no_text"}};
            const std::string ts = "1700000000." + std::to_string(100000 + ++next_ts);
            if (method == "chat.postEphemeral") return {{"ok", true}, {"message_ts", ts}};
            return {{"ok", true},
                    {"channel", args["channel"]},
                    {"ts", ts},
                    {"message", {{"text", args.value("text", "")}}}};
        }
        if (method == "conversations.open") {
            const std::string users = args.value("users", std::string());
            if (users.empty()) return {{"ok", false}, {"error", "users_list_not_supplied"}};
            const bool group = users.find(',') != std::string::npos;
            return {{"ok", true},
                    {"channel",
                     {{"id", (group ? "G" : "D") +
                                 std::to_string(std::hash<std::string>{}(users) % 1000000)}}}};
        }
        if (method == "users.info") {
            const std::string user = args.value("user", std::string());
            if (user.empty()) return {{"ok", false}, {"error", "user_not_found"}};
            const auto zone = zones.count(user) ? zones[user] : std::string("Europe/London");
            return {{"ok", true},
                    {"user",
                     {{"id", user},
                      {"name", user},
                      {"real_name", user},
                      {"tz", zone},
                      {"tz_label", zone},
                      {"tz_offset", 0}}}};
        }
        if (method == "views.publish") {
            if (!args.contains("view") ||
                !blocks_fit(args["view"].value("blocks", json::array()), 100))
                return {{"ok", false}, {"error", "invalid_arguments"}};
            return {{"ok", true}, {"view", {{"id", "V1"}}}};
        }
        return {{"ok", false}, {"error", "unknown_method"}};
    }

    std::string slash_frame(const std::string& text, const std::string& user,
                            const std::string& channel, const std::string& envelope_id) {
        // Written out rather than built as a tree (the benchmark sends 20,000); the same bytes
        // nlohmann::json would give, keys in its (sorted) order.
        const int n = next_envelope;
        auto quoted = [](const std::string& s) {
            std::string out;
            append_json_string(out, s);
            return out;
        };
        return R"({"accepts_response_payload":true,"envelope_id":)" + quoted(envelope_id) +
               R"(,"payload":{"api_app_id":"A111","channel_id":)" + quoted(channel) +
               R"(,"channel_name":"random","command":"/mentor","response_url":)" +
               quoted("https://" + base() + "/commands/T111/" + std::to_string(n) + "/xxx") +
               R"(,"team_domain":"xxx","team_id":"T111","text":)" + quoted(text) +
               R"(,"token":"verification-token","trigger_id":"111.222.xxx","user_id":)" +
               quoted(user) + R"(,"user_name":)" + quoted("user-" + user) +
               R"(},"type":"slash_commands"})";
    }

    // Runs f on the fake's thread and waits for it.
    template <class F>
    void run_here(F f) {
        std::promise<void> done;
        asio::post(io, [&] {
            f();
            done.set_value();
        });
        done.get_future().wait();
    }

    // Runs f on the fake's thread with the newest link (if any).
    template <class F>
    void on_newest(F f) {
        asio::post(io, [this, f = std::move(f)]() mutable {
            if (!links.empty()) f(*links.back());
        });
    }
};

FakeSlack::FakeSlack(const ServerCertificate& certificate, std::string app_token,
                     std::string bot_token)
    : server_(std::make_unique<Server>(certificate, std::move(app_token), std::move(bot_token))) {}

FakeSlack::~FakeSlack() = default;

std::string FakeSlack::api_url() const {
    return "https://" + server_->base() + "/api";
}

template <class Done>
bool FakeSlack::wait(std::chrono::milliseconds timeout, Done done) {
    std::unique_lock lock(server_->mutex);
    return server_->changed.wait_for(lock, timeout, done);
}

bool FakeSlack::wait_for_links(int count, std::chrono::milliseconds timeout) {
    return wait(timeout, [&] { return server_->opened >= count; });
}
int FakeSlack::links_opened() {
    std::lock_guard lock(server_->mutex);
    return server_->opened;
}
int FakeSlack::links_open() {
    std::lock_guard lock(server_->mutex);
    return server_->open_now;
}

int FakeSlack::most_links_open() {
    std::lock_guard lock(server_->mutex);
    return server_->peak_open;
}
int FakeSlack::refused_handshakes() {
    std::lock_guard lock(server_->mutex);
    return server_->refused;
}

bool FakeSlack::wait_for_refusals(int count, std::chrono::milliseconds timeout) {
    return wait(timeout, [&] { return server_->refused >= count; });
}

std::string FakeSlack::send_slash(const std::string& text, const std::string& user,
                                  const std::string& channel, std::string envelope_id) {
    if (envelope_id.empty()) {
        std::lock_guard lock(server_->mutex);
        envelope_id = escape_free_id(++server_->next_envelope);
    }
    send_slashes({{text, user, channel, envelope_id}});
    return envelope_id;
}

void FakeSlack::send_slashes(const std::vector<Slash>& commands) {
    std::vector<std::string> frames;
    frames.reserve(commands.size());
    for (const Slash& c : commands)
        frames.push_back(server_->slash_frame(c.text, c.user, c.channel, c.envelope_id));
    server_->on_newest([frames = std::move(frames)](FakeLink& link) mutable {
        for (std::string& frame : frames) link.write(std::move(frame));
    });
}

void FakeSlack::send_raw(const std::string& frame) {
    server_->on_newest([frame](FakeLink& link) { link.write(frame); });
}

void FakeSlack::send_disconnect(const std::string& reason) {
    send_raw(
        json{{"type", "disconnect"}, {"reason", reason}, {"debug_info", {{"host", "applink-fake"}}}}
            .dump());
}

void FakeSlack::freeze_newest() {
    server_->on_newest([](FakeLink& link) {
        link.frozen = true;
        link.stop_reading.emit(asio::cancellation_type::terminal);
    });
}

void FakeSlack::drop_newest() {
    server_->on_newest([](FakeLink& link) { link.drop(); });
}

std::optional<FakeSlack::Ack> FakeSlack::wait_for_ack(const std::string& envelope_id,
                                                      std::chrono::milliseconds timeout) {
    std::optional<Ack> found;
    wait(timeout, [&] {
        for (const Ack& a : server_->acks)
            if (a.envelope_id == envelope_id) found = a;
        return found.has_value();
    });
    return found;
}

std::vector<FakeSlack::Ack> FakeSlack::acks() {
    std::lock_guard lock(server_->mutex);
    return server_->acks;
}

void FakeSlack::keep_acks(bool keep) {
    server_->run_here([&] { server_->keep_acks = keep; });
}

void FakeSlack::on_ack(std::function<void(const Ack&)> callback) {
    server_->run_here([&] { server_->ack_callback = std::move(callback); });
}

std::vector<FakeSlack::Call> FakeSlack::calls(const std::string& method) {
    std::lock_guard lock(server_->mutex);
    std::vector<Call> out;
    for (const Call& c : server_->calls)
        if (c.method == method) out.push_back(c);
    return out;
}

bool FakeSlack::wait_for_calls(const std::string& method, std::size_t count,
                               std::chrono::milliseconds timeout) {
    return wait(timeout, [&] {
        return static_cast<std::size_t>(
                   std::count_if(server_->calls.begin(), server_->calls.end(),
                                 [&](const Call& c) { return c.method == method; })) >= count;
    });
}

void FakeSlack::rate_limit_next(const std::string& method, int retry_after_seconds) {
    server_->run_here([&] { server_->rate_limits[method] = retry_after_seconds; });
}

void FakeSlack::set_zone(const std::string& user, const std::string& zone) {
    server_->run_here([&] { server_->zones[user] = zone; });
}

std::vector<json> FakeSlack::responses() {
    std::lock_guard lock(server_->mutex);
    return server_->responses;
}

bool FakeSlack::wait_for_responses(std::size_t count, std::chrono::milliseconds timeout) {
    return wait(timeout, [&] { return server_->responses.size() >= count; });
}

}  // namespace mentorbot::testing
