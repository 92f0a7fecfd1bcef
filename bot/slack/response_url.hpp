// bot/slack/response_url: posts late slash-command answers to the command's response_url (Slack
// accepts up to five posts within 30 minutes), one kept-alive HTTPS client per host.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "bot/net/http_client.hpp"

namespace mentorbot::slack {

class ResponseUrls {
  public:
    ResponseUrls(boost::asio::any_io_executor executor, boost::asio::ssl::context& tls,
                 std::chrono::milliseconds timeout)
        : executor_(executor), tls_(tls), timeout_(timeout) {}

    // True when Slack took the message. Only https URLs are used; never throws.
    boost::asio::awaitable<bool> post(std::string url, nlohmann::json message);
    void close();

  private:
    boost::asio::any_io_executor executor_;
    boost::asio::ssl::context& tls_;
    std::chrono::milliseconds timeout_;
    std::map<std::string, std::unique_ptr<HttpClient>> clients_;  // by "host:port"
};

}  // namespace mentorbot::slack
