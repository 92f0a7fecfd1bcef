// handlers/json_text: writes a string as a JSON string literal, for JSON built by hand on hot
// paths (the outbox's stored documents, Slack acks) instead of through a JSON tree.
#pragma once

#include <string>
#include <string_view>

namespace mentorbot {

// Appends `"text"` to `out`: quotes, backslashes and control characters escaped as RFC 8259
// asks, other UTF-8 as is; bytes that are not UTF-8 become U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace mentorbot
