// bot/net/corked_burst: while a burst of small frames is written to one TCP socket, holds them
// back (TCP_CORK) so they leave together in as few segments as possible, then lets them go.
#pragma once

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <boost/asio/ip/tcp.hpp>

namespace mentorbot::net {

// Scoped: hold() corks the socket (a writer calls it when more frames wait behind the one it
// writes); destruction uncorks, which sends what is held. Each write still completes at once;
// only the segments are fewer. Errors (a socket already closed) are ignored: a closed socket
// has nothing to hold.
class CorkedBurst {
  public:
    explicit CorkedBurst(boost::asio::ip::tcp::socket& socket) : socket_(socket) {}
    void hold() {
        if (corked_) return;
        corked_ = true;
        set(true);
    }
    ~CorkedBurst() {
        if (corked_) set(false);
    }
    CorkedBurst(const CorkedBurst&) = delete;
    CorkedBurst& operator=(const CorkedBurst&) = delete;

  private:
    using Cork = boost::asio::detail::socket_option::boolean<IPPROTO_TCP, TCP_CORK>;
    void set(bool on) {
        boost::system::error_code ignored;
        if (socket_.is_open()) socket_.set_option(Cork(on), ignored);
    }
    boost::asio::ip::tcp::socket& socket_;
    bool corked_ = false;
};

}  // namespace mentorbot::net
