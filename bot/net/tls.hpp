// bot/net/tls: the TLS client context every platform connection uses — peer verification always
// on, against the system trust store (which honours SSL_CERT_FILE, how tests trust a local CA).
#pragma once

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/system/system_error.hpp>
#include <string>

namespace mentorbot {

boost::asio::ssl::context make_tls_client_context();

// Sets SNI and host-name verification on a TLS stream (asio's or Beast's) before its handshake.
template <class TlsStream>
void prepare_tls_stream(TlsStream& stream, const std::string& host) {
    if (!SSL_set_tlsext_host_name(stream.native_handle(), host.c_str()))
        throw boost::system::system_error(
            boost::system::error_code(static_cast<int>(::ERR_get_error()),
                                      boost::asio::error::get_ssl_category()),
            "setting the TLS server name");
    stream.set_verify_mode(boost::asio::ssl::verify_peer);
    stream.set_verify_callback(boost::asio::ssl::host_name_verification(host));
}

}  // namespace mentorbot
