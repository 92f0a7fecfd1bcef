// bot/matrix/render: a Document as a Matrix notice — a plain `body` and an HTML `formatted_body`
// in which every piece of user text is escaped.
#pragma once

#include <string>
#include <string_view>

#include "handlers/document.hpp"

namespace mentorbot::matrix {

struct NoticeText {
    std::string body;  // plain text (clients without HTML, notifications)
    std::string html;  // org.matrix.custom.html
};

// `late`: the message is sent after its time (the bot was down); both forms say so first.
NoticeText render_notice(const Document& document, bool late = false);

std::string escape_html(std::string_view text);

}  // namespace mentorbot::matrix
