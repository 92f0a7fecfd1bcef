// bot/net/write_coalescing: a stream layer that gathers a burst of small writes (websocket frames)
// and passes them on as one write, so the TLS layer below makes one record and one syscall.
#pragma once

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/websocket/teardown.hpp>
#include <string>
#include <utility>

namespace mentorbot::net {

// Sits between a websocket stream and its TLS stream. While `hold(true)`, writes are copied
// into a buffer and complete at once; the first write after `hold(false)` sends what was held
// together with its own bytes in one write below. Every write still goes through the websocket
// stream's own write lock, so nothing below is ever written twice at a time. The writer that
// holds must end its burst with a write made after `hold(false)` (otherwise the held bytes wait
// for the next write).
template <class NextLayer>
class WriteCoalescing {
  public:
    using executor_type = typename NextLayer::executor_type;
    using next_layer_type = NextLayer;

    template <class... Args>
    explicit WriteCoalescing(Args&&... args) : next_(std::forward<Args>(args)...) {}

    executor_type get_executor() noexcept { return next_.get_executor(); }
    NextLayer& next_layer() noexcept { return next_; }
    const NextLayer& next_layer() const noexcept { return next_; }

    void hold(bool on) { holding_ = on; }

    template <class MutableBuffers, class Token>
    auto async_read_some(const MutableBuffers& buffers, Token&& token) {
        return next_.async_read_some(buffers, std::forward<Token>(token));
    }

    template <class ConstBuffers, class Token>
    auto async_write_some(const ConstBuffers& buffers, Token&& token) {
        return boost::asio::async_initiate<Token, void(boost::system::error_code, std::size_t)>(
            [this](auto handler, const ConstBuffers& buffers) {
                start_write(buffers, std::move(handler));
            },
            token, buffers);
    }

  private:
    template <class ConstBuffers, class Handler>
    void start_write(const ConstBuffers& buffers, Handler handler) {
        namespace asio = boost::asio;
        if (held_.empty() && !holding_) {
            next_.async_write_some(buffers, std::move(handler));
            return;
        }
        const std::size_t n = asio::buffer_size(buffers);
        const std::size_t at = held_.size();
        held_.resize(at + n);
        asio::buffer_copy(asio::buffer(held_.data() + at, n), buffers);
        auto executor = asio::get_associated_executor(handler, get_executor());
        if (holding_) {
            asio::post(executor, boost::beast::bind_front_handler(std::move(handler),
                                                                  boost::system::error_code{}, n));
            return;
        }
        sending_.swap(held_);
        held_.clear();
        asio::async_write(next_, asio::buffer(sending_),
                          [this, n, executor, handler = std::move(handler)](
                              boost::system::error_code ec, std::size_t) mutable {
                              sending_.clear();
                              asio::dispatch(executor, boost::beast::bind_front_handler(
                                                           std::move(handler), ec, ec ? 0 : n));
                          });
    }

    NextLayer next_;
    std::string held_;     // bytes of the writes completed while holding
    std::string sending_;  // what the one write below is sending
    bool holding_ = false;
};

// Websocket close: tear down the layer below (TLS shutdown, then TCP).
template <class NextLayer>
void teardown(boost::beast::role_type role, WriteCoalescing<NextLayer>& stream,
              boost::system::error_code& ec) {
    using boost::beast::websocket::teardown;
    teardown(role, stream.next_layer(), ec);
}

template <class NextLayer, class TeardownHandler>
void async_teardown(boost::beast::role_type role, WriteCoalescing<NextLayer>& stream,
                    TeardownHandler&& handler) {
    using boost::beast::websocket::async_teardown;
    async_teardown(role, stream.next_layer(), std::forward<TeardownHandler>(handler));
}

}  // namespace mentorbot::net
