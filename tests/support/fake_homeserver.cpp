// tests/support/fake_homeserver: a Matrix homeserver on loopback with Synapse's habits.
#include "support/fake_homeserver.hpp"

#include <pthread.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

namespace mentorbot::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using json = nlohmann::json;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kClient = "/_matrix/client/v3";
constexpr std::size_t kTimelineLimit = 10;  // events a fresh room's timeline shows

std::string error_body(const std::string& errcode, const std::string& error) {
    return json{{"errcode", errcode}, {"error", error}}.dump();
}

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::vector<std::string> segments(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto end = path.find('/', start);
        out.push_back(
            percent_decode(path.substr(start, end == std::string_view::npos ? end : end - start)));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

std::string query_value(const std::string& query, const std::string& key) {
    std::size_t start = 0;
    while (start < query.size()) {
        auto end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(start, end - start);
        if (pair.rfind(key + "=", 0) == 0) return percent_decode(pair.substr(key.size() + 1));
        start = end + 1;
    }
    return {};
}

}  // namespace

struct FakeHomeserver::Event {
    long pos = 0;
    std::string event_id, room_id, type, sender, content;
    std::optional<std::string> state_key;
    std::string prev_membership;
};

struct FakeHomeserver::Room {
    std::vector<std::size_t> events;  // indexes into stream_
    std::map<std::string, std::string> membership;
    std::map<std::string, long> membership_pos;  // where each membership last changed
};

namespace {

std::string member_state(const auto& room, const std::string& user) {
    auto m = room.membership.find(user);
    return m == room.membership.end() ? std::string{} : m->second;
}

}  // namespace

FakeHomeserver::FakeHomeserver(std::optional<ServerCertificate> certificate)
    : acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}) {
    if (certificate) tls_.emplace(TestCa::server_context(*certificate));
    asio::co_spawn(io_, accept(), asio::detached);
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "fake-homeserver");
        io_.run();
    });
}

FakeHomeserver::~FakeHomeserver() {
    io_.stop();
    thread_.join();
}

std::string FakeHomeserver::url() const {
    return std::string(tls_ ? "https" : "http") +
           "://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port());
}

// ---- the wire ----

asio::awaitable<void> FakeHomeserver::accept() {
    for (;;) {
        auto [ec, socket] = co_await acceptor_.async_accept(asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        socket.set_option(tcp::no_delay(true), ec);  // answers leave at once, as from a server
        asio::co_spawn(io_, connection(std::move(socket)), asio::detached);
    }
}

asio::awaitable<void> FakeHomeserver::connection(tcp::socket socket) {
    if (!tls_) {
        co_await serve(socket);
        co_return;
    }
    asio::ssl::stream<tcp::socket> stream(std::move(socket), *tls_);
    boost::system::error_code ec;
    co_await stream.async_handshake(asio::ssl::stream_base::server,
                                    asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) co_await serve(stream);
}

template <class Stream>
asio::awaitable<void> FakeHomeserver::serve(Stream& stream) {
    beast::flat_buffer buffer;
    for (;;) {
        http::request<http::string_body> req;
        boost::system::error_code ec;
        co_await http::async_read(stream, buffer, req,
                                  asio::redirect_error(asio::use_awaitable, ec));
        if (ec) co_return;
        Request r;
        r.method = std::string(req.method_string());
        const std::string target(req.target());
        const auto q = target.find('?');
        r.path = target.substr(0, q);
        if (q != std::string::npos) r.query = target.substr(q + 1);
        r.body = req.body();
        const std::string auth(req[http::field::authorization]);
        if (auth.rfind("Bearer ", 0) == 0) r.token = auth.substr(7);
        Answer a = co_await handle(r);
        if (a.stall) {
            asio::steady_timer never(io_, std::chrono::minutes{1});
            co_await never.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
        if (a.drop || a.stall) co_return;  // the connection closes with nothing said
        http::response<http::string_body> res{static_cast<http::status>(a.status), 11};
        res.set(http::field::content_type, "application/json");
        if (!a.retry_after.empty()) res.set(http::field::retry_after, a.retry_after);
        res.keep_alive(req.keep_alive());
        res.body() = a.body;
        res.prepare_payload();
        co_await http::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
        if (ec || !req.keep_alive()) co_return;
    }
}

asio::awaitable<FakeHomeserver::Answer> FakeHomeserver::handle(Request r) {
    std::string user, device;
    {
        std::lock_guard lock(mutex_);
        request_log_.push_back(r.method + " " + r.path);
        for (auto f = faults_.begin(); f != faults_.end(); ++f) {
            if (r.path.find(f->path_part) == std::string::npos) continue;
            Answer a{f->status, f->body, f->retry_after};
            faults_.erase(f);
            co_return a;
        }
        if (r.path != std::string(kClient) + "/login") {
            if (r.token.empty())
                co_return Answer{401, error_body("M_MISSING_TOKEN", "Missing access token")};
            auto t = tokens_.find(r.token);
            if (t == tokens_.end())
                co_return Answer{401,
                                 error_body("M_UNKNOWN_TOKEN", "Invalid access token passed.")};
            std::tie(user, device) = t->second;
        }
        if (r.path != std::string(kClient) + "/sync") {
            Answer a = route(r, user, device, r.token);
            changed();
            co_return a;
        }
    }
    co_return co_await sync(r, user);
}

asio::awaitable<FakeHomeserver::Answer> FakeHomeserver::sync(const Request& r,
                                                             const std::string& user) {
    const std::string since_text = query_value(r.query, "since");
    std::optional<long> since;
    if (!since_text.empty()) since = std::stol(since_text.substr(1));  // "s<position>"
    const std::string timeout = query_value(r.query, "timeout");
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds{timeout.empty() ? 0 : std::stol(timeout)};
    // A filter's timeline limit applies to rooms new to this sync (Synapse's default is 10).
    std::size_t first_limit = kTimelineLimit;
    const std::string filter = query_value(r.query, "filter");
    if (const json f = json::parse(filter.empty() ? "{}" : filter, nullptr, false); f.is_object()) {
        if (auto limit = f.value(json::json_pointer("/room/timeline/limit"), json());
            limit.is_number())
            first_limit = limit.get<std::size_t>();
    }
    {
        std::lock_guard lock(mutex_);
        ++syncs_;
        if (!since) first_sync_filter_ = filter;
    }
    for (;;) {
        asio::steady_timer wait(io_, deadline);
        {
            std::lock_guard lock(mutex_);
            if (auto answer = sync_answer(user, first_limit, since)) co_return Answer{200, *answer};
            if (std::chrono::steady_clock::now() >= deadline) {
                json empty = {{"next_batch", "s" + std::to_string(stream_.size())},
                              {"rooms",
                               {{"join", json::object()},
                                {"invite", json::object()},
                                {"leave", json::object()}}}};
                co_return Answer{200, empty.dump()};
            }
            waiting_.insert(&wait);
        }
        boost::system::error_code ec;
        co_await wait.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        std::lock_guard lock(mutex_);
        waiting_.erase(&wait);
    }
}

std::optional<std::string> FakeHomeserver::sync_answer(const std::string& user,
                                                       std::size_t first_limit,
                                                       std::optional<long> since) const {
    json join = json::object(), invite = json::object();
    for (const auto& [room_id, room] : rooms_) {
        const auto m = room.membership.find(user);
        if (m == room.membership.end()) continue;
        const long joined_at = room.membership_pos.at(user);
        if (m->second == "invite" && (!since || joined_at > *since)) {
            const Event& e = stream_[joined_at - 1];
            invite[room_id]["invite_state"]["events"] =
                json::array({json{{"type", "m.room.member"},
                                  {"state_key", user},
                                  {"sender", e.sender},
                                  {"content", {{"membership", "invite"}}}}});
        }
        if (m->second != "join") continue;
        std::vector<std::size_t> timeline;
        bool limited = false;
        if (!since || joined_at > *since) {
            // A room new to this sync: its recent history, pre-join messages included.
            const auto& all = room.events;
            const std::size_t limit = since ? kTimelineLimit : first_limit;
            const std::size_t from = all.size() > limit ? all.size() - limit : 0;
            timeline.assign(all.begin() + static_cast<long>(from), all.end());
            limited = from > 0 || since.has_value();
        } else {
            for (std::size_t i : room.events)
                if (stream_[i].pos > *since) timeline.push_back(i);
        }
        if (timeline.empty()) continue;
        json events = json::array();
        for (std::size_t i : timeline) {
            events.push_back(json::parse(event_json(stream_[i])));
            if (repeated_.count(stream_[i].event_id))
                events.push_back(json::parse(event_json(stream_[i])));
        }
        join[room_id]["timeline"] = {{"events", events}, {"limited", limited}};
    }
    if (since && join.empty() && invite.empty()) return std::nullopt;
    json answer = {{"next_batch", "s" + std::to_string(stream_.size())},
                   {"rooms", {{"join", join}, {"invite", invite}, {"leave", json::object()}}}};
    return answer.dump();
}

std::string FakeHomeserver::event_json(const Event& e) const {
    json j = {{"type", e.type},
              {"event_id", e.event_id},
              {"sender", e.sender},
              {"room_id", e.room_id},
              {"origin_server_ts", 1'700'000'000'000 + e.pos},
              {"content", json::parse(e.content)}};
    if (e.state_key) j["state_key"] = *e.state_key;
    if (!e.prev_membership.empty())
        j["unsigned"]["prev_content"] = {{"membership", e.prev_membership}};
    return j.dump();
}

FakeHomeserver::Answer FakeHomeserver::route(const Request& r, const std::string& user,
                                             const std::string& device, const std::string& token) {
    const std::string path = r.path.substr(kClient.size());
    const auto seg = segments(path);
    const json body = json::parse(r.body.empty() ? "null" : r.body, nullptr, false);
    auto not_json = [] { return Answer{400, error_body("M_NOT_JSON", "Content not JSON.")}; };

    if (r.method == "POST" && path == "/login") {
        if (!body.is_object()) return not_json();
        const json id = body.value("identifier", json::object());
        const std::string who = id.is_object() ? id.value("user", "") : "";
        const std::string password = body.value("password", "");
        if ((who != "mentorbot" && who != kBot) || password != kBotPassword)
            return Answer{403, error_body("M_FORBIDDEN", "Invalid username or password")};
        const std::string asked = body.value("device_id", "");
        device_ids_asked_.push_back(asked);
        const std::string dev = asked.empty() ? "DEV" + std::to_string(++next_id_) : asked;
        devices_.insert(dev);
        ++logins_;
        const std::string new_token = "syt_login_" + std::to_string(++next_id_);
        tokens_[new_token] = {kBot, dev};
        return Answer{
            200, json{{"user_id", kBot}, {"access_token", new_token}, {"device_id", dev}}.dump()};
    }
    if (r.method == "GET" && path == "/account/whoami")
        return Answer{200, json{{"user_id", user}, {"device_id", device}}.dump()};
    if (r.method == "POST" && seg.size() == 2 && seg[0] == "join") {
        if (!body.is_object()) return not_json();
        auto room = rooms_.find(seg[1]);
        if (room == rooms_.end()) return Answer{404, error_body("M_NOT_FOUND", "No such room")};
        const std::string m = member_state(room->second, user);
        if (m != "invite" && m != "join")
            return Answer{403, error_body("M_FORBIDDEN", "You are not invited to this room.")};
        if (m == "invite") {
            append(seg[1], "m.room.member", user, json{{"membership", "join"}}.dump(), user);
        }
        return Answer{200, json{{"room_id", seg[1]}}.dump()};
    }
    if (r.method == "POST" && seg.size() == 3 && seg[0] == "rooms" && seg[2] == "leave") {
        if (!body.is_object()) return not_json();
        if (!rooms_.count(seg[1])) return Answer{404, error_body("M_NOT_FOUND", "No such room")};
        append(seg[1], "m.room.member", user, json{{"membership", "leave"}}.dump(), user);
        return Answer{200, "{}"};
    }
    if (r.method == "POST" && path == "/createRoom") {
        if (!body.is_object()) return not_json();
        const std::string room = "!r" + std::to_string(++next_id_) + ":" + kServer;
        rooms_[room];
        append(room, "m.room.create", user, json{{"creator", user}}.dump(), "");
        append(room, "m.room.member", user, json{{"membership", "join"}}.dump(), user);
        CreatedRoom created{room, body.value("preset", ""), {}, body.value("is_direct", false)};
        for (const auto& who : body.value("invite", json::array())) {
            append(room, "m.room.member", user, json{{"membership", "invite"}}.dump(),
                   who.get<std::string>());
            created.invited.push_back(who.get<std::string>());
        }
        created_.push_back(created);
        return Answer{200, json{{"room_id", room}}.dump()};
    }
    if (r.method == "PUT" && seg.size() == 5 && seg[0] == "rooms" && seg[2] == "send") {
        ++sends_;
        if (!body.is_object()) return not_json();
        // Transaction ids are remembered per access token, as Synapse does.
        if (auto seen = txns_.find({token, seg[4]}); seen != txns_.end())
            return Answer{200, json{{"event_id", seen->second}}.dump()};
        auto room = rooms_.find(seg[1]);
        if (room == rooms_.end() || member_state(room->second, user) != "join")
            return Answer{403,
                          error_body("M_FORBIDDEN", "User " + user + " not in room " + seg[1])};
        const std::string id = append(seg[1], seg[3], user, r.body, std::nullopt);
        txns_[{token, seg[4]}] = id;
        Answer a{200, json{{"event_id", id}}.dump()};
        a.drop = std::exchange(drop_next_send_, false);
        a.stall = std::exchange(stall_next_send_, false);
        return a;
    }
    if (r.method == "GET" && seg.size() == 3 && seg[0] == "rooms" && seg[2] == "joined_members") {
        auto room = rooms_.find(seg[1]);
        if (room == rooms_.end() || member_state(room->second, user) != "join")
            return Answer{403, error_body("M_FORBIDDEN", "You are not in this room")};
        json joined = json::object();
        for (const auto& [who, m] : room->second.membership) {
            if (m != "join") continue;
            json info = json::object();
            if (auto name = display_names_.find(who); name != display_names_.end())
                info["display_name"] = name->second;
            joined[who] = info;
        }
        return Answer{200, json{{"joined", joined}}.dump()};
    }
    return Answer{404, error_body("M_UNRECOGNIZED", "Unrecognized request")};
}

std::string FakeHomeserver::append(const std::string& room_id, const std::string& type,
                                   const std::string& sender, const std::string& content,
                                   std::optional<std::string> state_key) {
    Room& room = rooms_[room_id];
    Event e;
    e.pos = static_cast<long>(stream_.size()) + 1;
    e.event_id = "$e" + std::to_string(e.pos) + "_" + std::to_string(++next_id_);
    e.room_id = room_id;
    e.type = type;
    e.sender = sender;
    e.content = content;
    e.state_key = state_key;
    if (type == "m.room.member" && state_key) {
        e.prev_membership = member_state(room, *state_key);
        room.membership[*state_key] = json::parse(content).value("membership", "");
        room.membership_pos[*state_key] = e.pos;
    }
    room.events.push_back(stream_.size());
    stream_.push_back(e);
    return e.event_id;
}

void FakeHomeserver::changed() {
    for (auto* timer : waiting_) timer->cancel();
}

// ---- the test's side (any thread) ----

void FakeHomeserver::changed_outside() {
    asio::post(io_, [this] {
        std::lock_guard lock(mutex_);
        changed();
    });
}

std::string FakeHomeserver::issue_token(const std::string& user, const std::string& device) {
    std::lock_guard lock(mutex_);
    const std::string token = "syt_issued_" + std::to_string(++next_id_);
    tokens_[token] = {user, device};
    devices_.insert(device);
    return token;
}

void FakeHomeserver::revoke_tokens() {
    {
        std::lock_guard lock(mutex_);
        tokens_.clear();
    }
    changed_outside();
}

int FakeHomeserver::logins() const {
    std::lock_guard lock(mutex_);
    return logins_;
}

std::set<std::string> FakeHomeserver::devices() const {
    std::lock_guard lock(mutex_);
    return devices_;
}

std::vector<std::string> FakeHomeserver::login_device_ids_asked() const {
    std::lock_guard lock(mutex_);
    return device_ids_asked_;
}

std::string FakeHomeserver::create_room(const std::string& creator,
                                        const std::vector<std::string>& joined) {
    std::string room;
    {
        std::lock_guard lock(mutex_);
        room = "!r" + std::to_string(++next_id_) + ":" + kServer;
        append(room, "m.room.create", creator, json{{"creator", creator}}.dump(), "");
        append(room, "m.room.member", creator, json{{"membership", "join"}}.dump(), creator);
        for (const auto& u : joined)
            append(room, "m.room.member", u, json{{"membership", "join"}}.dump(), u);
    }
    changed_outside();
    return room;
}

void FakeHomeserver::invite(const std::string& room, const std::string& inviter,
                            const std::string& invitee) {
    {
        std::lock_guard lock(mutex_);
        append(room, "m.room.member", inviter, json{{"membership", "invite"}}.dump(), invitee);
    }
    changed_outside();
}

void FakeHomeserver::join(const std::string& room, const std::string& user) {
    {
        std::lock_guard lock(mutex_);
        append(room, "m.room.member", user, json{{"membership", "join"}}.dump(), user);
    }
    changed_outside();
}

std::string FakeHomeserver::say(const std::string& room, const std::string& sender,
                                const std::string& body, const std::string& msgtype) {
    std::string id;
    {
        std::lock_guard lock(mutex_);
        id = append(room, "m.room.message", sender,
                    json{{"msgtype", msgtype}, {"body", body}}.dump(), std::nullopt);
    }
    changed_outside();
    return id;
}

void FakeHomeserver::repeat_in_timeline(const std::string& event_id) {
    std::lock_guard lock(mutex_);
    repeated_.insert(event_id);
}

void FakeHomeserver::set_display_name(const std::string& user, const std::string& name) {
    std::lock_guard lock(mutex_);
    display_names_[user] = name;
}

std::vector<FakeHomeserver::Message> FakeHomeserver::messages(const std::string& room) const {
    std::lock_guard lock(mutex_);
    std::vector<Message> out;
    auto r = rooms_.find(room);
    if (r == rooms_.end()) return out;
    for (std::size_t i : r->second.events) {
        const Event& e = stream_[i];
        if (e.type != "m.room.message") continue;
        const json c = json::parse(e.content);
        out.push_back({e.event_id, e.sender, c.value("msgtype", ""), c.value("body", ""),
                       c.value("formatted_body", "")});
    }
    return out;
}

std::vector<FakeHomeserver::Message> FakeHomeserver::notices_from_bot(
    const std::string& room) const {
    std::vector<Message> out;
    for (Message& m : messages(room))
        if (m.sender == kBot && m.msgtype == "m.notice") out.push_back(std::move(m));
    return out;
}

std::string FakeHomeserver::membership(const std::string& room, const std::string& user) const {
    std::lock_guard lock(mutex_);
    auto r = rooms_.find(room);
    if (r == rooms_.end() || !r->second.membership.count(user)) return {};
    return r->second.membership.at(user);
}

std::vector<FakeHomeserver::CreatedRoom> FakeHomeserver::created_rooms() const {
    std::lock_guard lock(mutex_);
    return created_;
}

int FakeHomeserver::sync_requests() const {
    std::lock_guard lock(mutex_);
    return syncs_;
}

std::string FakeHomeserver::first_sync_filter() const {
    std::lock_guard lock(mutex_);
    return first_sync_filter_;
}

int FakeHomeserver::send_requests() const {
    std::lock_guard lock(mutex_);
    return sends_;
}

std::size_t FakeHomeserver::requests_matching(const std::string& path_part) const {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(std::count_if(
        request_log_.begin(), request_log_.end(),
        [&](const std::string& r) { return r.find(path_part) != std::string::npos; }));
}

void FakeHomeserver::fail_next(const std::string& path_part, unsigned status,
                               const std::string& body, const std::string& retry_after) {
    std::lock_guard lock(mutex_);
    faults_.push_back({path_part, status, body, retry_after});
}

void FakeHomeserver::drop_next_send_answer() {
    std::lock_guard lock(mutex_);
    drop_next_send_ = true;
}

void FakeHomeserver::stall_next_send_answer() {
    std::lock_guard lock(mutex_);
    stall_next_send_ = true;
}

}  // namespace mentorbot::testing
