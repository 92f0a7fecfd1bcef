// bot/net/http_client: one HTTP/1.1 keep-alive connection (TLS or, for loopback tests and local
// homeservers, plain) to one endpoint. Requests take turns on it; each is bounded by a timeout;
// a connection the server closed is reopened once for the next request.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "bot/net/endpoint.hpp"

namespace mentorbot {

// The network failed (resolve, connect, TLS, timeout, closed mid-answer): worth a retry later.
struct NetworkError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct HttpRequest {
    boost::beast::http::verb method = boost::beast::http::verb::get;
    std::string target;  // appended to the endpoint's base path: "/chat.postMessage"
    std::string body;
    std::string content_type = "application/json; charset=utf-8";
    std::string bearer_token;  // sent as Authorization: Bearer …; never logged
    std::vector<std::pair<std::string, std::string>> headers;
    std::optional<std::chrono::milliseconds> timeout;  // overrides the client's default
    // Safe to send twice (Matrix sends carry a transaction id): may be resent when a kept-alive
    // connection turns out closed after it was written. GETs always are.
    bool idempotent = false;
};

struct HttpResponse {
    unsigned status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string header(std::string_view name) const;  // case-insensitive; "" when absent
};

class HttpClient {
public:
    HttpClient(boost::asio::any_io_executor executor, boost::asio::ssl::context& tls,
               Endpoint endpoint, std::chrono::milliseconds timeout = std::chrono::seconds{30});
    ~HttpClient();

    // Sends the request and reads the whole answer. Throws NetworkError.
    boost::asio::awaitable<HttpResponse> request(HttpRequest request);
    void close();
    // Aborts the request in flight, if any (it throws NetworkError); e.g. a long-poll on shutdown.
    void cancel();
    const Endpoint& endpoint() const { return endpoint_; }

private:
    boost::asio::awaitable<void> connect(std::chrono::milliseconds timeout);
    template <class Stream>
    boost::asio::awaitable<HttpResponse> exchange(Stream& stream, const HttpRequest& request,
                                                  std::chrono::milliseconds timeout);

    boost::asio::any_io_executor executor_;
    boost::asio::ssl::context& tls_;
    Endpoint endpoint_;
    std::chrono::milliseconds timeout_;
    std::unique_ptr<boost::beast::tcp_stream> plain_;
    std::unique_ptr<boost::beast::ssl_stream<boost::beast::tcp_stream>> secure_;
    // One request at a time: a slot taken by sending into it, freed by receiving.
    boost::asio::experimental::channel<void(boost::system::error_code)> turn_;
};

}  // namespace mentorbot
