// bot/net/endpoint: a base URL split into what a connection needs (scheme, host, port, path).
#include "bot/net/endpoint.hpp"

#include <boost/url/parse.hpp>

namespace mentorbot {

std::string Endpoint::host_header() const {
    const bool default_port = (tls && port == "443") || (!tls && port == "80");
    return default_port ? host : host + ":" + port;
}

std::optional<Endpoint> parse_endpoint(std::string_view url) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed) return std::nullopt;
    const auto& u = *parsed;
    Endpoint e;
    if (u.scheme() == "https") e.tls = true;
    else if (u.scheme() == "http") e.tls = false;
    else return std::nullopt;
    if (u.has_userinfo() || u.has_query() || u.has_fragment() || u.host().empty()) return std::nullopt;
    e.host = std::string(u.host());
    if (e.host.size() > 2 && e.host.front() == '[') e.host = e.host.substr(1, e.host.size() - 2);
    e.port = u.has_port() ? std::string(u.port()) : (e.tls ? "443" : "80");
    e.base_path = std::string(u.encoded_path());
    while (!e.base_path.empty() && e.base_path.back() == '/') e.base_path.pop_back();
    return e;
}

}  // namespace mentorbot
