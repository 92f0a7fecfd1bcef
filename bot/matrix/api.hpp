// bot/matrix/api: the client-server API calls the bot makes, over one keep-alive connection each
// (one for the /sync long-poll, one for everything else); errors come back as MatrixError.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/matrix/render.hpp"
#include "bot/net/http_client.hpp"

namespace mentorbot::matrix {

// The homeserver answered with an error status: {errcode, error}, and a wait for 429s.
struct MatrixError : std::runtime_error {
    MatrixError(unsigned status, std::string errcode, const std::string& message,
                std::chrono::milliseconds retry_after);
    unsigned status;
    std::string errcode;
    std::chrono::milliseconds retry_after;  // 429: how long the server asked us to wait

    bool rate_limited() const { return status == 429 || errcode == "M_LIMIT_EXCEEDED"; }
    bool bad_token() const {
        return status == 401 || errcode == "M_UNKNOWN_TOKEN" || errcode == "M_MISSING_TOKEN";
    }
    bool server_side() const { return status >= 500; }
};

struct LoginAnswer {
    std::string user_id;
    std::string access_token;
    std::string device_id;
};

struct RoomMember {
    std::string user_id;
    std::string display_name;  // may be empty
};

enum class RoomPreset { private_chat, direct };

class Api {
  public:
    Api(HttpClient& http) : http_(http) {}
    void set_access_token(std::string token) { token_ = std::move(token); }

    // Password login; passing the stored device id keeps the bot on one device.
    boost::asio::awaitable<LoginAnswer> login(std::string user, std::string password,
                                              std::string device_id);
    boost::asio::awaitable<std::string> whoami();  // the user id the token belongs to
    // The raw sync answer (read by matrix/sync); `since` empty for the first sync.
    boost::asio::awaitable<std::string> sync(std::string since, std::chrono::milliseconds wait);
    boost::asio::awaitable<void> join(std::string room_id);
    boost::asio::awaitable<void> leave(std::string room_id);
    boost::asio::awaitable<std::string> create_room(RoomPreset preset,
                                                    std::vector<std::string> invite,
                                                    std::string name);
    // Idempotent per access token and transaction id: a resend returns the first event's id.
    boost::asio::awaitable<std::string> send_notice(std::string room_id, std::string txn_id,
                                                    NoticeText text);
    boost::asio::awaitable<std::vector<RoomMember>> joined_members(std::string room_id);

  private:
    HttpRequest request(boost::beast::http::verb method, const std::string& target,
                        std::string body,
                        std::optional<std::chrono::milliseconds> timeout = {}) const;
    // Sends it; a non-2xx answer throws MatrixError. (Arguments are named variables at every
    // call site: g++ 12 mis-copies temporaries passed by value inside a co_await.)
    boost::asio::awaitable<std::string> call(HttpRequest request);
    HttpClient& http_;
    std::string token_;
};

// Percent-encodes one path segment ("!abc:hs" -> "%21abc%3Ahs").
std::string path_segment(std::string_view text);

}  // namespace mentorbot::matrix
