// bot/slack/response_url: late slash-command answers posted to their response_url.
#include "bot/slack/response_url.hpp"

#include <spdlog/spdlog.h>

#include <boost/url/parse.hpp>

namespace mentorbot::slack {

void ResponseUrls::close() {
    for (auto& [host, client] : clients_) client->close();
}

boost::asio::awaitable<bool> ResponseUrls::post(std::string url, nlohmann::json message) {
    const auto parsed = boost::urls::parse_uri(url);
    if (!parsed || parsed->scheme() != "https" || parsed->host().empty() || parsed->has_userinfo())
        co_return false;
    Endpoint endpoint;
    endpoint.host = parsed->host();
    endpoint.port = parsed->has_port() ? std::string(parsed->port()) : "443";
    auto& client = clients_[endpoint.host + ":" + endpoint.port];
    if (!client) client = std::make_unique<HttpClient>(executor_, tls_, endpoint, timeout_);
    HttpRequest request;
    request.method = boost::beast::http::verb::post;
    request.target = std::string(parsed->encoded_path());
    if (parsed->has_query()) request.target += "?" + std::string(parsed->encoded_query());
    request.body = message.dump();
    try {
        const HttpResponse response = co_await client->request(request);
        if (response.status == 200) co_return true;
        spdlog::warn("Slack response_url answered HTTP {}", response.status);
    } catch (const NetworkError& e) {
        spdlog::warn("Slack response_url failed: {}", e.what());
    }
    co_return false;
}

}  // namespace mentorbot::slack
