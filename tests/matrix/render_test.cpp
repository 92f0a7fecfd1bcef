// tests/matrix/render_test: notices carry a plain body and escaped HTML; lists are HTML lists;
// mentions are matrix.to links; late messages say so.
#include <catch2/catch.hpp>

#include "bot/matrix/render.hpp"

using namespace mentorbot;
using namespace mentorbot::matrix;

TEST_CASE("User text is HTML-escaped in the formatted body and kept as typed in the plain body") {
    Document d;
    d.paragraph(Line{text("Note: "), text("<b>@room</b> & \"friends\"")});
    const NoticeText t = render_notice(d);
    CHECK(t.body == "Note: <b>@room</b> & \"friends\"");
    CHECK(t.html == "<p>Note: &lt;b&gt;@room&lt;/b&gt; &amp; &quot;friends&quot;</p>");
}

TEST_CASE("Agendas and recaps become HTML lists, headings and quotes") {
    Document d;
    d.heading("Agenda");
    d.bullets({Line{strong("Check-in"), text(" 5 min")}, Line{code("!mentor note <text>")}});
    d.numbered({Line{emphasis("first")}, Line{text("second")}});
    d.quote("a <quote>");
    const NoticeText t = render_notice(d);
    CHECK(t.html ==
          "<h4>Agenda</h4><ul><li><strong>Check-in</strong> 5 min</li><li><code>!mentor note "
          "&lt;text&gt;</code></li></ul><ol><li><em>first</em></li><li>second</li></ol>"
          "<blockquote>a &lt;quote&gt;</blockquote>");
    CHECK(t.body == render_plain(d));
}

TEST_CASE("Mentions link to the person and escape their display name") {
    Document d;
    d.paragraph(Line{text("Paired "), mention("@sam:example.org", "Sam <3")});
    const NoticeText t = render_notice(d);
    CHECK(t.html == "<p>Paired <a href=\"https://matrix.to/#/@sam:example.org\">Sam &lt;3</a></p>");
    CHECK(t.body == "Paired @Sam <3");
}

TEST_CASE("A message sent after its time is marked late in both forms") {
    Document d;
    d.paragraph("Your meeting starts in 15 minutes.");
    const NoticeText t = render_notice(d, true);
    CHECK(t.body == "(late) Your meeting starts in 15 minutes.");
    CHECK(t.html == "<p><em>(late) </em></p><p>Your meeting starts in 15 minutes.</p>");
}
