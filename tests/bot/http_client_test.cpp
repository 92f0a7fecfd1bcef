// tests/bot/http_client_test: the shared HTTPS client against a loopback server on the test CA —
// keep-alive reuse, certificate verification, timeouts.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <catch2/catch.hpp>

#include "bot/net/http_client.hpp"
#include "bot/net/tls.hpp"
#include "support/test_ca.hpp"

using namespace mentorbot;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// Answers every request on a connection with its target; counts connections. With `silent` it
// accepts TLS and then never answers.
struct LoopbackServer {
    asio::io_context& io;
    asio::ssl::context tls;
    tcp::acceptor acceptor{io, {asio::ip::make_address("127.0.0.1"), 0}};
    int connections = 0;
    bool silent = false;

    LoopbackServer(asio::io_context& io, const testing::ServerCertificate& cert)
        : io(io), tls(testing::TestCa::server_context(cert)) {
        asio::co_spawn(io, accept(), asio::detached);
    }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port()); }

    asio::awaitable<void> accept() {
        for (;;) {
            tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
            ++connections;
            asio::co_spawn(io, serve(std::move(socket)), asio::detached);
        }
    }
    asio::awaitable<void> serve(tcp::socket socket) {
        asio::ssl::stream<tcp::socket> stream(std::move(socket), tls);
        boost::system::error_code ec;
        co_await stream.async_handshake(asio::ssl::stream_base::server,
                                        asio::redirect_error(asio::use_awaitable, ec));
        beast::flat_buffer buffer;
        while (!ec) {
            http::request<http::string_body> req;
            co_await http::async_read(stream, buffer, req, asio::redirect_error(asio::use_awaitable, ec));
            if (ec || silent) break;
            http::response<http::string_body> res{http::status::ok, 11};
            res.body() = std::string(req.target()) + " " + std::string(req[http::field::authorization]);
            res.keep_alive(true);
            res.prepare_payload();
            co_await http::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
        }
        if (silent) {
            asio::steady_timer hold(io, std::chrono::seconds{5});
            co_await hold.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
    }
};

// Runs one GET to completion and returns the network error it ended with ("" when none).
std::string error_of_get(asio::io_context& io, HttpClient& client) {
    std::string error;
    asio::co_spawn(io, [&]() -> asio::awaitable<void> {
        try {
            HttpRequest plain_get;  // named: g++ 12 mis-copies temporaries passed in a co_await
            co_await client.request(plain_get);
        } catch (const NetworkError& e) {
            error = e.what();
        }
        io.stop();
    }, asio::detached);
    io.run();
    return error;
}

}  // namespace

TEST_CASE("Requests reuse one verified keep-alive connection and carry the bearer token") {
    auto& ca = testing::TestCa::trusted();
    asio::io_context io;
    LoopbackServer server(io, ca.server_certificate());
    auto tls = make_tls_client_context();
    HttpClient client(io.get_executor(), tls, *parse_endpoint(server.url() + "/api"));
    std::vector<std::string> bodies;
    asio::co_spawn(io, [&]() -> asio::awaitable<void> {
        for (const char* method : {"/a.one", "/b.two", "/c.three"}) {
            HttpRequest r;
            r.method = http::verb::post;
            r.target = method;
            r.body = "{}";
            r.bearer_token = "xoxb-test";
            bodies.push_back((co_await client.request(r)).body);
        }
        io.stop();
    }, asio::detached);
    io.run();
    CHECK(bodies == std::vector<std::string>{"/api/a.one Bearer xoxb-test", "/api/b.two Bearer xoxb-test",
                                             "/api/c.three Bearer xoxb-test"});
    CHECK(server.connections == 1);
}

TEST_CASE("A server whose certificate no trusted CA signed is refused") {
    testing::TestCa::trusted();
    asio::io_context io;
    LoopbackServer server(io, testing::TestCa::untrusted_certificate());
    auto tls = make_tls_client_context();
    HttpClient client(io.get_executor(), tls, *parse_endpoint(server.url()));
    const std::string error = error_of_get(io, client);
    CHECK_THAT(error, Catch::Contains("TLS") && Catch::Contains("certificate verify failed"));
}

TEST_CASE("A server that never answers is given up on after the timeout") {
    auto& ca = testing::TestCa::trusted();
    asio::io_context io;
    LoopbackServer server(io, ca.server_certificate());
    server.silent = true;
    auto tls = make_tls_client_context();
    HttpClient client(io.get_executor(), tls, *parse_endpoint(server.url()), std::chrono::milliseconds{200});
    const std::string error = error_of_get(io, client);
    CHECK_THAT(error, Catch::Contains("timed out") || Catch::Contains("timeout"));
}

TEST_CASE("Endpoints: https and http URLs with ports and base paths") {
    auto e = parse_endpoint("https://slack.com/api/");
    REQUIRE(e);
    CHECK(e->tls);
    CHECK(e->port == "443");
    CHECK(e->base_path == "/api");
    CHECK(e->host_header() == "slack.com");
    auto local = parse_endpoint("http://127.0.0.1:8008");
    REQUIRE(local);
    CHECK_FALSE(local->tls);
    CHECK(local->host_header() == "127.0.0.1:8008");
    CHECK_FALSE(parse_endpoint("ftp://x"));
    CHECK_FALSE(parse_endpoint("https://user:pw@host/"));
    CHECK_FALSE(parse_endpoint("not a url"));
}
