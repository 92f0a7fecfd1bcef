// bot/matrix/api: the client-server API calls, their JSON and their errors.
#include "bot/matrix/api.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

namespace mentorbot::matrix {
namespace asio = boost::asio;
namespace http = boost::beast::http;
using json = nlohmann::json;

namespace {

constexpr const char* kClient = "/_matrix/client/v3";

MatrixError error_from(const HttpResponse& res) {
    std::string errcode, message = "HTTP " + std::to_string(res.status);
    std::chrono::milliseconds wait{0};
    const json body = json::parse(res.body, nullptr, false);
    if (body.is_object()) {
        errcode = body.value("errcode", std::string{});
        if (body.contains("error") && body["error"].is_string())
            message = body["error"].get<std::string>();
        if (body.contains("retry_after_ms") && body["retry_after_ms"].is_number_integer())
            wait = std::chrono::milliseconds{body["retry_after_ms"].get<std::int64_t>()};
    }
    if (wait.count() == 0 && !res.header("Retry-After").empty()) {
        try {
            wait = std::chrono::seconds{std::stoll(res.header("Retry-After"))};
        } catch (const std::exception&) {
        }
    }
    return MatrixError(res.status, errcode, message, wait);
}

json parse_object(const std::string& body) {
    json j = json::parse(body);
    if (!j.is_object()) throw std::runtime_error("the homeserver's answer is not a JSON object");
    return j;
}

}  // namespace

MatrixError::MatrixError(unsigned status, std::string errcode, const std::string& message,
                         std::chrono::milliseconds retry_after)
    : std::runtime_error((errcode.empty() ? "HTTP " + std::to_string(status) : errcode) + ": " +
                         message),
      status(status),
      errcode(std::move(errcode)),
      retry_after(retry_after) {}

std::string path_segment(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

HttpRequest Api::request(http::verb method, const std::string& target, std::string body,
                         std::optional<std::chrono::milliseconds> timeout) const {
    HttpRequest r;
    r.method = method;
    r.target = kClient + target;
    r.body = std::move(body);
    r.bearer_token = token_;
    r.timeout = timeout;
    return r;
}

asio::awaitable<std::string> Api::call(HttpRequest r) {
    HttpResponse res = co_await http_.request(r);
    if (res.status < 200 || res.status >= 300) throw error_from(res);
    co_return std::move(res.body);
}

asio::awaitable<LoginAnswer> Api::login(std::string user, std::string password,
                                        std::string device_id) {
    json req = {{"type", "m.login.password"},
                {"identifier", {{"type", "m.id.user"}, {"user", user}}},
                {"password", password},
                {"initial_device_display_name", "mentorbot"}};
    if (!device_id.empty()) req["device_id"] = device_id;
    HttpRequest r = request(http::verb::post, "/login", req.dump());
    r.bearer_token.clear();  // a login carries no token
    const std::string body = co_await call(r);
    const json j = parse_object(body);
    co_return LoginAnswer{j.at("user_id").get<std::string>(),
                          j.at("access_token").get<std::string>(),
                          j.value("device_id", std::string{})};
}

asio::awaitable<std::string> Api::whoami() {
    HttpRequest r = request(http::verb::get, "/account/whoami", {});
    const json j = parse_object(co_await call(r));
    co_return j.at("user_id").get<std::string>();
}

asio::awaitable<std::string> Api::sync(std::string since, std::chrono::milliseconds wait) {
    std::string target = "/sync?timeout=" + std::to_string(wait.count());
    // The first sync's timelines are skipped as backlog: ask for as little of them as allowed.
    // Later ones ask for long timelines, so commands sent while the bot was down (more than the
    // server's default of about 10 events) are not cut off by a `limited` timeline.
    const char* filter = since.empty() ? R"({"room":{"timeline":{"limit":1}}})"
                                       : R"({"room":{"timeline":{"limit":100}}})";
    target += "&filter=" + path_segment(filter);
    if (!since.empty()) target += "&since=" + path_segment(since);
    // The server holds the request up to `wait`; allow it that long plus the usual margin.
    HttpRequest r = request(http::verb::get, target, {}, wait + std::chrono::seconds{30});
    co_return co_await call(r);
}

asio::awaitable<void> Api::join(std::string room_id) {
    HttpRequest r = request(http::verb::post, "/join/" + path_segment(room_id), "{}");
    co_await call(r);
}

asio::awaitable<void> Api::leave(std::string room_id) {
    HttpRequest r = request(http::verb::post, "/rooms/" + path_segment(room_id) + "/leave", "{}");
    co_await call(r);
}

asio::awaitable<std::string> Api::create_room(RoomPreset preset, std::vector<std::string> invite,
                                              std::string name) {
    json req = {{"preset", preset == RoomPreset::direct ? "trusted_private_chat" : "private_chat"},
                {"invite", invite}};
    if (!name.empty()) req["name"] = name;
    if (preset == RoomPreset::direct) req["is_direct"] = true;
    HttpRequest r = request(http::verb::post, "/createRoom", req.dump());
    const json j = parse_object(co_await call(r));
    co_return j.at("room_id").get<std::string>();
}

asio::awaitable<std::string> Api::send_notice(std::string room_id, std::string txn_id,
                                              NoticeText text) {
    const json content = {{"msgtype", "m.notice"},
                          {"body", text.body},
                          {"format", "org.matrix.custom.html"},
                          {"formatted_body", text.html}};
    HttpRequest r =
        request(http::verb::put,
                "/rooms/" + path_segment(room_id) + "/send/m.room.message/" + path_segment(txn_id),
                content.dump());
    r.idempotent = true;  // the transaction id makes a resend return the first event
    const json j = parse_object(co_await call(r));
    co_return j.at("event_id").get<std::string>();
}

asio::awaitable<std::vector<RoomMember>> Api::joined_members(std::string room_id) {
    HttpRequest r =
        request(http::verb::get, "/rooms/" + path_segment(room_id) + "/joined_members", {});
    const json j = parse_object(co_await call(r));
    std::vector<RoomMember> out;
    if (j.contains("joined") && j["joined"].is_object()) {
        for (const auto& [user, info] : j["joined"].items()) {
            RoomMember m{user, {}};
            if (info.is_object() && info.contains("display_name") &&
                info["display_name"].is_string())
                m.display_name = info["display_name"].get<std::string>();
            out.push_back(std::move(m));
        }
    }
    co_return out;
}

}  // namespace mentorbot::matrix
