// bot/net/tls: the TLS client context every platform connection uses.
#include "bot/net/tls.hpp"

namespace mentorbot {

boost::asio::ssl::context make_tls_client_context() {
    boost::asio::ssl::context ctx(boost::asio::ssl::context::tls_client);
    ctx.set_default_verify_paths();  // the system store, or SSL_CERT_FILE / SSL_CERT_DIR
    ctx.set_verify_mode(boost::asio::ssl::verify_peer);
    ctx.set_options(boost::asio::ssl::context::no_sslv2 | boost::asio::ssl::context::no_sslv3 |
                    boost::asio::ssl::context::no_tlsv1 | boost::asio::ssl::context::no_tlsv1_1);
    return ctx;
}

}  // namespace mentorbot
