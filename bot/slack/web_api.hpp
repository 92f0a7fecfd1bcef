// bot/slack/web_api: calls Slack Web API methods with one token over a few kept-alive HTTPS
// connections — JSON in and out, `ok:false` logged with the method, a method answered with HTTP
// 429 paused for its Retry-After.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bot/net/http_client.hpp"

namespace mentorbot::slack {

struct ApiAnswer {
    bool ok = false;
    std::string error;  // Slack's error code ("ratelimited", "channel_not_found", …)
    std::chrono::milliseconds retry_after{0};  // with "ratelimited": Slack's wait
    nlohmann::json body;
};

class WebApi {
  public:
    WebApi(boost::asio::any_io_executor executor, boost::asio::ssl::context& tls, Endpoint api,
           std::string token, std::chrono::milliseconds timeout, int connections = 2);

    // POSTs `args` as JSON to {api}/<method> (a string literal). Throws NetworkError when the
    // network failed.
    boost::asio::awaitable<ApiAnswer> call(const char* method, nlohmann::json args);
    void close();

  private:
    boost::asio::awaitable<void> wait_if_paused(const char* method);

    boost::asio::any_io_executor executor_;
    std::string token_;
    std::vector<std::unique_ptr<HttpClient>> clients_;
    std::vector<int> busy_;  // requests on each client
    std::map<std::string, std::chrono::steady_clock::time_point> paused_until_;
};

// Errors Slack returns for a bad or revoked token: retrying cannot help.
bool is_auth_error(const std::string& error);
// Errors that a later retry may get past.
bool is_transient_error(const std::string& error);

}  // namespace mentorbot::slack
