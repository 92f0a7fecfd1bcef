// bot/slack/socket_link: one Socket Mode websocket over TLS — opened phase by phase with timeouts,
// pinged when idle so a dead peer is noticed, and written by one writer (a queue) only.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "bot/net/write_coalescing.hpp"

namespace mentorbot::slack {

struct LinkTimeouts {
    std::chrono::milliseconds connect{10'000};    // resolve + TCP connect
    std::chrono::milliseconds handshake{10'000};  // TLS, websocket upgrade, hello, close
    // With no data for this long the link is dead; a ping goes out at half of it.
    std::chrono::milliseconds idle{20'000};
};

class SocketLink : public std::enable_shared_from_this<SocketLink> {
  public:
    SocketLink(boost::asio::any_io_executor executor, boost::asio::ssl::context& tls,
               LinkTimeouts timeouts, int number);

    // Connects to the wss:// URL apps.connections.open gave. Throws NetworkError.
    boost::asio::awaitable<void> open(std::string url);
    // The next text frame; nullopt once the link closed or failed (the reason is logged).
    boost::asio::awaitable<std::optional<std::string>> read();
    // Queues a frame; frames go out one at a time, in order.
    void write(std::string frame);
    // Sends what is queued, then closes; bounded by the handshake timeout.
    boost::asio::awaitable<void> close();
    // Drops the TCP connection at once.
    void abort();

    int number() const { return number_; }
    bool is_open() const { return open_; }
    bool writable() const { return open_ && !closing_; }

  private:
    boost::asio::awaitable<void> write_queued();

    using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;
    // Frames written together (one transaction's acks) go below as one TLS record.
    using Stream = boost::beast::websocket::stream<net::WriteCoalescing<TlsStream>>;
    LinkTimeouts timeouts_;
    int number_;
    Stream ws_;
    std::deque<std::string> queue_;
    boost::beast::flat_buffer read_buffer_;  // kept between frames, so reading allocates once
    boost::asio::steady_timer drained_;      // cancelled when the writer has sent everything
    bool writing_ = false;
    bool open_ = false;
    bool closing_ = false;
};

}  // namespace mentorbot::slack
