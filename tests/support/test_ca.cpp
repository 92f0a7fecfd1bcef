// tests/support/test_ca: a certificate authority made fresh for each test run.
#include "support/test_ca.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace mentorbot::testing {
namespace {

template <class T, void (*F)(T*)>
struct Deleter {
    void operator()(T* p) const { F(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;

void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("test CA: ") + what);
}

Key new_key() {
    Key k(EVP_EC_gen("P-256"));
    check(k != nullptr, "key generation");
    return k;
}

std::string pem_of(X509* cert) {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    char* data;
    const long n = BIO_get_mem_data(bio, &data);
    std::string out(data, static_cast<std::size_t>(n));
    BIO_free(bio);
    return out;
}

std::string pem_of(EVP_PKEY* key) {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data;
    const long n = BIO_get_mem_data(bio, &data);
    std::string out(data, static_cast<std::size_t>(n));
    BIO_free(bio);
    return out;
}

Key key_from(const std::string& pem) {
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    Key k(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    check(k != nullptr, "reading a key");
    return k;
}

Cert cert_from(const std::string& pem) {
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    Cert c(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    check(c != nullptr, "reading a certificate");
    return c;
}

void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    check(ext != nullptr, "extension");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// Issues a certificate for `subject_key`; self-signed when issuer is null.
Cert issue(EVP_PKEY* subject_key, const char* common_name, X509* issuer, EVP_PKEY* issuer_key,
           bool is_ca, long serial) {
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 7L * 24 * 3600);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(common_name), -1, -1, 0);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
    X509_set_pubkey(cert.get(), subject_key);
    X509* signer = issuer ? issuer : cert.get();
    if (is_ca) {
        add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        add_extension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        add_extension(cert.get(), signer, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
        add_extension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
    }
    check(X509_sign(cert.get(), issuer_key ? issuer_key : subject_key, EVP_sha256()) > 0, "signing");
    return cert;
}

}  // namespace

TestCa::TestCa() {
    Key ca_key = new_key();
    Cert ca = issue(ca_key.get(), "mentorbot test CA", nullptr, nullptr, true, 1);
    ca_cert_pem_ = pem_of(ca.get());
    ca_key_pem_ = pem_of(ca_key.get());
    ca_file_ = (std::filesystem::temp_directory_path() /
                ("mentorbot-test-ca-" + std::to_string(::getpid()) + ".pem"))
                   .string();
    std::ofstream(ca_file_) << ca_cert_pem_;
    ::setenv("SSL_CERT_FILE", ca_file_.c_str(), 1);
}

TestCa& TestCa::trusted() {
    static TestCa ca;
    return ca;
}

ServerCertificate TestCa::server_certificate() const {
    Key ca_key = key_from(ca_key_pem_);
    Cert ca = cert_from(ca_cert_pem_);
    Key key = new_key();
    Cert cert = issue(key.get(), "localhost", ca.get(), ca_key.get(), false, 2);
    return {pem_of(cert.get()), pem_of(key.get())};
}

ServerCertificate TestCa::untrusted_certificate() {
    Key rogue_key = new_key();
    Cert rogue = issue(rogue_key.get(), "rogue CA", nullptr, nullptr, true, 7);
    Key key = new_key();
    Cert cert = issue(key.get(), "localhost", rogue.get(), rogue_key.get(), false, 8);
    return {pem_of(cert.get()), pem_of(key.get())};
}

boost::asio::ssl::context TestCa::server_context(const ServerCertificate& cert) {
    boost::asio::ssl::context ctx(boost::asio::ssl::context::tls_server);
    ctx.use_certificate_chain(boost::asio::buffer(cert.cert_pem));
    ctx.use_private_key(boost::asio::buffer(cert.key_pem), boost::asio::ssl::context::pem);
    return ctx;
}

}  // namespace mentorbot::testing
