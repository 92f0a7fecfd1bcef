// bot/net/endpoint: a base URL split into what a connection needs (scheme, host, port, path).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mentorbot {

struct Endpoint {
    bool tls = true;
    std::string host;
    std::string port;       // "443" by default for https, "80" for http
    std::string base_path;  // "/api" of "https://slack.com/api"; no trailing slash

    std::string host_header() const;  // "host" or "host:port" for a non-default port
};

// Accepts http:// and https:// URLs; nothing else (no user info, no query).
std::optional<Endpoint> parse_endpoint(std::string_view url);

}  // namespace mentorbot
