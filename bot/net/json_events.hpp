// bot/net/json_events: what the Boost.JSON event readers share — no limits of their own, the
// events none of them needs ignored, strings taken in parts, and one way to read a whole document.
#pragma once

#include <boost/json/basic_parser_impl.hpp>
#include <cstddef>
#include <string>
#include <string_view>

namespace mentorbot::net {

// A base for handlers of boost::json::basic_parser: sizes are bounded by the message the link
// already accepted, and document bounds, number text and comments mean nothing to a reader.
struct JsonEvents {
    using error_code = boost::json::error_code;
    using string_view = boost::json::string_view;

    static constexpr std::size_t max_array_size = -1;
    static constexpr std::size_t max_object_size = -1;
    static constexpr std::size_t max_string_size = -1;
    static constexpr std::size_t max_key_size = -1;

    // Keys and strings come in parts when they hold escapes (or outgrow the parser's buffer):
    // `so_far` counts the characters of the parts so far, this one included, so a first part
    // replaces what `into` held and the others add to it.
    static void take_part(std::string& into, string_view part, std::size_t so_far) {
        if (so_far == part.size())
            into.assign(part.data(), part.size());
        else
            into.append(part.data(), part.size());
    }

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_number_part(string_view, error_code&) { return true; }
    bool on_comment_part(string_view, error_code&) { return true; }
    bool on_comment(string_view, error_code&) { return true; }
};

// Boost's parser as strict as JSON is (no comments, no trailing commas, valid UTF-8) and as deep
// as a message goes: its default limit of 32 levels would refuse deep Block Kit payloads.
inline boost::json::parse_options strict_any_depth() {
    boost::json::parse_options options;
    options.max_depth = 10'000;
    return options;
}

// Feeds all of `text` to the parser as one document: false when it is not JSON or when anything
// follows the document.
template <class Handler>
bool read_whole(std::string_view text, boost::json::basic_parser<Handler>& parser) {
    boost::json::error_code ec;
    const std::size_t read = parser.write_some(false, text.data(), text.size(), ec);
    return !ec && read == text.size();
}

}  // namespace mentorbot::net
