// bot/net/http_client: one HTTP/1.1 keep-alive connection to one endpoint, requests taking turns.
#include "bot/net/http_client.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <cctype>

#include "bot/net/tls.hpp"

namespace mentorbot {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

// Requests are written whole and answers awaited: Nagle's algorithm would only delay them.
void no_delay(asio::ip::tcp::socket& socket) {
    boost::system::error_code ignored;
    socket.set_option(asio::ip::tcp::no_delay(true), ignored);
}

// The kept-alive connection was found closed. When the request could not even be written it
// was certainly not taken, so it may be sent again on a fresh connection; when the answer never
// came it may have been taken, so only a request that is safe to repeat is sent again.
struct StaleConnection : NetworkError {
    StaleConnection(const std::string& what, bool written) : NetworkError(what), written(written) {}
    bool written;
};

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (same_name(k, name)) return v;
    return {};
}

HttpClient::HttpClient(asio::any_io_executor executor, asio::ssl::context& tls, Endpoint endpoint,
                       std::chrono::milliseconds timeout)
    : executor_(executor),
      tls_(tls),
      endpoint_(std::move(endpoint)),
      timeout_(timeout),
      turn_(executor, 1) {}

HttpClient::~HttpClient() = default;

void HttpClient::close() {
    boost::system::error_code ignored;
    if (plain_) plain_->socket().close(ignored);
    if (secure_) beast::get_lowest_layer(*secure_).socket().close(ignored);
    plain_.reset();
    secure_.reset();
}

void HttpClient::cancel() {
    // Only cancels: the request's own coroutine drops the connection when it sees the abort.
    if (plain_) plain_->cancel();
    if (secure_) beast::get_lowest_layer(*secure_).cancel();
}

asio::awaitable<void> HttpClient::connect(std::chrono::milliseconds timeout) {
    close();
    asio::ip::tcp::resolver resolver(executor_);
    auto [rerr, results] = co_await resolver.async_resolve(endpoint_.host, endpoint_.port,
                                                           asio::as_tuple(asio::use_awaitable));
    if (rerr) throw NetworkError("cannot resolve " + endpoint_.host + ": " + rerr.message());
    if (endpoint_.tls) {
        auto stream = std::make_unique<beast::ssl_stream<beast::tcp_stream>>(executor_, tls_);
        prepare_tls_stream(*stream, endpoint_.host);
        beast::get_lowest_layer(*stream).expires_after(timeout);
        auto [cerr, ep] = co_await beast::get_lowest_layer(*stream).async_connect(
            results, asio::as_tuple(asio::use_awaitable));
        if (cerr)
            throw NetworkError("cannot connect to " + endpoint_.host_header() + ": " +
                               cerr.message());
        no_delay(beast::get_lowest_layer(*stream).socket());
        auto [herr] = co_await stream->async_handshake(asio::ssl::stream_base::client,
                                                       asio::as_tuple(asio::use_awaitable));
        if (herr)
            throw NetworkError("TLS with " + endpoint_.host_header() +
                               " failed: " + herr.message());
        secure_ = std::move(stream);
    } else {
        auto stream = std::make_unique<beast::tcp_stream>(executor_);
        stream->expires_after(timeout);
        auto [cerr, ep] =
            co_await stream->async_connect(results, asio::as_tuple(asio::use_awaitable));
        if (cerr)
            throw NetworkError("cannot connect to " + endpoint_.host_header() + ": " +
                               cerr.message());
        no_delay(stream->socket());
        plain_ = std::move(stream);
    }
}

template <class Stream>
asio::awaitable<HttpResponse> HttpClient::exchange(Stream& stream, const HttpRequest& r,
                                                   std::chrono::milliseconds timeout) {
    http::request<http::string_body> req{r.method, endpoint_.base_path + r.target, 11};
    req.set(http::field::host, endpoint_.host_header());
    req.set(http::field::user_agent, "mentorbot");
    req.keep_alive(true);
    if (!r.bearer_token.empty()) req.set(http::field::authorization, "Bearer " + r.bearer_token);
    for (const auto& [k, v] : r.headers) req.set(k, v);
    if (r.method != http::verb::get || !r.body.empty()) {
        req.set(http::field::content_type, r.content_type);
        req.body() = r.body;
        req.prepare_payload();
    }
    beast::get_lowest_layer(stream).expires_after(timeout);
    auto [werr, written] =
        co_await http::async_write(stream, req, asio::as_tuple(asio::use_awaitable));
    if (werr)
        throw StaleConnection(
            "sending to " + endpoint_.host_header() + " failed: " + werr.message(), false);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    auto [rerr, read] =
        co_await http::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
    if (rerr == http::error::end_of_stream || rerr == asio::error::connection_reset)
        throw StaleConnection("the connection to " + endpoint_.host_header() + " was closed", true);
    if (rerr)
        throw NetworkError("reading from " + endpoint_.host_header() +
                           " failed: " + rerr.message());
    auto& res = parser.get();
    HttpResponse out;
    out.status = res.result_int();
    out.body = std::move(res.body());
    for (const auto& field : res)
        out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    if (!res.keep_alive()) close();
    co_return out;
}

asio::awaitable<HttpResponse> HttpClient::request(HttpRequest r) {
    co_await turn_.async_send(boost::system::error_code{}, asio::use_awaitable);
    struct Release {
        asio::experimental::channel<void(boost::system::error_code)>& turn;
        ~Release() {
            turn.try_receive([](boost::system::error_code) {});
        }
    } release{turn_};
    const auto timeout = r.timeout.value_or(timeout_);
    // A kept-alive connection may have been closed by the server meanwhile: one fresh try.
    for (int attempt = 0;; ++attempt) {
        const bool reused = plain_ || secure_;
        if (!reused) co_await connect(timeout);
        try {
            if (secure_) co_return co_await exchange(*secure_, r, timeout);
            co_return co_await exchange(*plain_, r, timeout);
        } catch (const StaleConnection& stale) {
            close();
            const bool repeatable = !stale.written || r.idempotent || r.method == http::verb::get;
            if (!reused || attempt > 0 || !repeatable) throw;
        } catch (const NetworkError&) {
            close();  // the request may have been taken: never resend it here
            throw;
        }
    }
}

}  // namespace mentorbot
