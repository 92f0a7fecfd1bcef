// bot/slack/web_api: Slack Web API calls over kept-alive HTTPS, with 429 pauses per method.
#include "bot/slack/web_api.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace mentorbot::slack {
namespace asio = boost::asio;

WebApi::WebApi(asio::any_io_executor executor, asio::ssl::context& tls, Endpoint api,
               std::string token, std::chrono::milliseconds timeout, int connections)
    : executor_(executor), token_(std::move(token)) {
    for (int i = 0; i < std::max(connections, 1); ++i) {
        clients_.push_back(std::make_unique<HttpClient>(executor, tls, api, timeout));
        busy_.push_back(0);
    }
}

void WebApi::close() {
    for (auto& c : clients_) c->close();
}

asio::awaitable<void> WebApi::wait_if_paused(const char* method) {
    for (;;) {
        const auto it = paused_until_.find(method);
        if (it == paused_until_.end()) co_return;
        if (it->second <= std::chrono::steady_clock::now()) {
            paused_until_.erase(it);
            co_return;
        }
        asio::steady_timer timer(executor_, it->second);
        co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    }
}

asio::awaitable<ApiAnswer> WebApi::call(const char* method, nlohmann::json args) {
    co_await wait_if_paused(method);
    HttpRequest request;
    request.method = boost::beast::http::verb::post;
    request.target = std::string("/") + method;
    request.body = args.dump();
    request.bearer_token = token_;
    // The least busy connection; requests on one connection take turns.
    const auto pick = std::min_element(busy_.begin(), busy_.end()) - busy_.begin();
    ++busy_[pick];
    struct Done {
        int& busy;
        ~Done() { --busy; }
    } done{busy_[pick]};
    const HttpResponse response = co_await clients_[pick]->request(request);

    ApiAnswer answer;
    if (response.status == 429) {
        int seconds = 1;
        try {
            seconds = std::max(1, std::stoi(response.header("Retry-After")));
        } catch (const std::exception&) {
        }
        answer.error = "ratelimited";
        answer.retry_after = std::chrono::seconds{seconds};
        paused_until_[method] = std::chrono::steady_clock::now() + answer.retry_after;
        spdlog::warn("Slack {}: rate limited, pausing this method for {}s", method, seconds);
        co_return answer;
    }
    answer.body = nlohmann::json::parse(response.body, nullptr, false);
    if (response.status != 200 || answer.body.is_discarded() || !answer.body.is_object()) {
        answer.error = response.status >= 500 ? "service_unavailable" : "bad_response";
        spdlog::error("Slack {}: HTTP {} with {} bytes that are not a Web API answer", method,
                      response.status, response.body.size());
        co_return answer;
    }
    answer.ok = answer.body.value("ok", false);
    if (!answer.ok) {
        answer.error = answer.body.value("error", std::string("unknown_error"));
        std::string details;
        if (auto meta = answer.body.find("response_metadata");
            meta != answer.body.end() && meta->is_object())
            if (auto messages = meta->find("messages"); messages != meta->end())
                details = " " + messages->dump();
        spdlog::error("Slack {} failed: {}{}", method, answer.error, details);
    }
    co_return answer;
}

bool is_auth_error(const std::string& error) {
    for (const char* e :
         {"not_authed", "invalid_auth", "account_inactive", "user_removed_from_team",
          "team_disabled", "token_revoked", "token_expired"})
        if (error == e) return true;
    return false;
}

bool is_transient_error(const std::string& error) {
    for (const char* e : {"ratelimited", "internal_error", "fatal_error", "service_unavailable",
                          "request_timeout", "bad_response"})
        if (error == e) return true;
    return false;
}

}  // namespace mentorbot::slack
