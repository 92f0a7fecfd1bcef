// tests/handlers/json_text: hand-built JSON strings parse back to the text they were made from.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "handlers/json_text.hpp"

using namespace mentorbot;

namespace {
std::string as_json_string(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}
}  // namespace

TEST_CASE("Quotes, backslashes and control characters are escaped, UTF-8 is kept") {
    CHECK(as_json_string("say \"hi\" \\ now") == R"("say \"hi\" \\ now")");
    CHECK(as_json_string("a\nb\tc\x01") == R"("a\nb\tc\u0001")");
    CHECK(as_json_string("Grüße 🌱 — ok") == "\"Grüße 🌱 — ok\"");
    std::string every;
    for (int c = 1; c < 128; ++c) every += static_cast<char>(c);
    every += "é€😀";
    CHECK(nlohmann::json::parse(as_json_string(every)).get<std::string>() == every);
}

TEST_CASE("Bytes that are not UTF-8 become the replacement character") {
    CHECK(as_json_string("a\xFF"
                         "b") ==
          "\"a\xEF\xBF\xBD"
          "b\"");
    CHECK(as_json_string("\xC3") == "\"\xEF\xBF\xBD\"");                      // cut short
    CHECK(as_json_string("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");      // overlong '/'
    CHECK(as_json_string("\xED\xA0\x80").find("\xED") == std::string::npos);  // a surrogate
    CHECK_NOTHROW(nlohmann::json::parse(as_json_string("x\xF5\x80\x80\x80y")));
}
