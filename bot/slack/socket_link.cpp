// bot/slack/socket_link: one Socket Mode websocket over TLS with timeouts, pings and one writer.
#include "bot/slack/socket_link.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/url/parse.hpp>

#include "bot/net/http_client.hpp"
#include "bot/net/tls.hpp"

namespace mentorbot::slack {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using asio::as_tuple;
using asio::use_awaitable;

namespace {

// Endings that are part of normal operation, not worth a warning.
bool expected_ending(const boost::system::error_code& ec) {
    return ec == websocket::error::closed || ec == asio::ssl::error::stream_truncated ||
           ec == asio::error::operation_aborted || ec == asio::error::eof;
}

}  // namespace

SocketLink::SocketLink(asio::any_io_executor executor, asio::ssl::context& tls,
                       LinkTimeouts timeouts, int number)
    : timeouts_(timeouts), number_(number), ws_(executor, tls), drained_(executor) {}

asio::awaitable<void> SocketLink::open(std::string url) {
    const auto parsed = boost::urls::parse_uri(url);
    if (!parsed || parsed->scheme() != "wss" || parsed->host().empty())
        throw NetworkError("apps.connections.open gave a URL that is not wss://");
    const std::string host = parsed->host();
    const std::string port = parsed->has_port() ? std::string(parsed->port()) : "443";
    std::string target = parsed->encoded_path().empty() ? "/" : std::string(parsed->encoded_path());
    if (parsed->has_query()) target += "?" + std::string(parsed->encoded_query());

    auto& tcp = beast::get_lowest_layer(ws_);
    asio::ip::tcp::resolver resolver(ws_.get_executor());
    auto [rerr, endpoints] = co_await resolver.async_resolve(host, port, as_tuple(use_awaitable));
    if (rerr) throw NetworkError("cannot resolve " + host + ": " + rerr.message());
    tcp.expires_after(timeouts_.connect);
    auto [cerr, ep] = co_await tcp.async_connect(endpoints, as_tuple(use_awaitable));
    if (cerr) throw NetworkError("cannot connect to " + host + ":" + port + ": " + cerr.message());
    // Acks are small writes that must leave at once: without this, Nagle's algorithm holds one
    // back until the previous one is acknowledged (up to a delayed-ACK time of ~40 ms).
    boost::system::error_code nodelay_error;
    tcp.socket().set_option(asio::ip::tcp::no_delay(true), nodelay_error);
    auto& tls = ws_.next_layer().next_layer();
    prepare_tls_stream(tls, host);
    tcp.expires_after(timeouts_.handshake);
    auto [terr] =
        co_await tls.async_handshake(asio::ssl::stream_base::client, as_tuple(use_awaitable));
    if (terr) throw NetworkError("TLS with " + host + " failed: " + terr.message());
    // From here the websocket keeps its own time: Beast's suggested client settings have no idle
    // timeout and no pings, so set both.
    tcp.expires_never();
    websocket::stream_base::timeout t;
    t.handshake_timeout = timeouts_.handshake;
    t.idle_timeout = timeouts_.idle;
    t.keep_alive_pings = true;
    ws_.set_option(t);
    ws_.set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
        req.set(beast::http::field::user_agent, "mentorbot");
    }));
    auto [herr] = co_await ws_.async_handshake(host + ":" + port, target, as_tuple(use_awaitable));
    if (herr) throw NetworkError("websocket upgrade with " + host + " failed: " + herr.message());
    ws_.text(true);
    open_ = true;
}

asio::awaitable<std::optional<std::string>> SocketLink::read() {
    if (!open_) co_return std::nullopt;
    read_buffer_.clear();
    auto [ec, n] = co_await ws_.async_read(read_buffer_, as_tuple(use_awaitable));
    if (ec) {
        if (!open_ || expected_ending(ec))
            spdlog::info("Slack link {} closed", number_);
        else if (ec == beast::error::timeout)
            spdlog::warn("Slack link {} went quiet (no pong within {} ms): dropping it", number_,
                         timeouts_.idle.count());
        else
            spdlog::warn("Slack link {} failed: {}", number_, ec.message());
        abort();
        co_return std::nullopt;
    }
    co_return beast::buffers_to_string(read_buffer_.data());
}

void SocketLink::write(std::string frame) {
    if (!open_ || closing_) return;
    queue_.push_back(std::move(frame));
    if (writing_) return;
    writing_ = true;
    asio::co_spawn(
        ws_.get_executor(), [self = shared_from_this()] { return self->write_queued(); },
        asio::detached);
}

asio::awaitable<void> SocketLink::write_queued() {
    // Acks that became ready together (one transaction's commands) are held while more wait
    // behind them and leave with the last: one TLS record, one syscall.
    while (!queue_.empty() && open_) {
        const std::string frame = std::move(queue_.front());
        queue_.pop_front();
        ws_.next_layer().hold(!queue_.empty());
        auto [ec, n] = co_await ws_.async_write(asio::buffer(frame), as_tuple(use_awaitable));
        if (ec) {
            if (!expected_ending(ec))
                spdlog::warn("Slack link {}: write failed: {}", number_, ec.message());
            abort();
        }
    }
    ws_.next_layer().hold(false);
    writing_ = false;
    drained_.cancel();
}

asio::awaitable<void> SocketLink::close() {
    if (!open_ || closing_) co_return;
    closing_ = true;
    // Let queued acks go out first (the writer drops them if the link fails meanwhile).
    if (writing_) {
        drained_.expires_after(timeouts_.handshake);
        co_await drained_.async_wait(as_tuple(use_awaitable));
    }
    if (!open_ || writing_) {
        abort();
        co_return;
    }
    auto [ec] = co_await ws_.async_close(websocket::close_code::normal, as_tuple(use_awaitable));
    if (ec && !expected_ending(ec))
        spdlog::info("Slack link {}: close did not complete ({}); dropped", number_, ec.message());
    abort();
}

void SocketLink::abort() {
    open_ = false;
    queue_.clear();
    boost::system::error_code ignored;
    beast::get_lowest_layer(ws_).socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(ws_).socket().close(ignored);
}

}  // namespace mentorbot::slack
