// tests/support/test_ca: a certificate authority made fresh for each test run, trusted through
// SSL_CERT_FILE (never by switching verification off), and server certificates for loopback fakes.
#pragma once

#include <boost/asio/ssl/context.hpp>
#include <string>

namespace mentorbot::testing {

struct ServerCertificate {
    std::string cert_pem;
    std::string key_pem;
};

class TestCa {
public:
    // The process-wide test CA; the first call writes its certificate to a temporary file and
    // points SSL_CERT_FILE at it (so call it before any TLS client context is made).
    static TestCa& trusted();

    // A certificate for localhost and 127.0.0.1 signed by this CA.
    ServerCertificate server_certificate() const;
    // A certificate for the same names signed by a CA nobody trusts.
    static ServerCertificate untrusted_certificate();
    // A TLS server context using `cert`.
    static boost::asio::ssl::context server_context(const ServerCertificate& cert);

    const std::string& ca_file() const { return ca_file_; }

private:
    TestCa();
    std::string ca_cert_pem_, ca_key_pem_, ca_file_;
};

}  // namespace mentorbot::testing
