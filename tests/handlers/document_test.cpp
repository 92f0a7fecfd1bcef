// tests/handlers/document_test: message documents survive the outbox and render as plain text.
#include <catch2/catch.hpp>

#include "handlers/document.hpp"

using namespace mentorbot;

TEST_CASE("A document comes back from storage exactly as it was built") {
    Document d;
    d.heading("Recap").paragraph(Line{text("Hi "), mention("U1", "dana"), strong(" <b>&")});
    d.bullets({{text("one")}, {code("two")}}).numbered({{emphasis("x")}}).quote("said \"so\"");
    const Document back = deserialize_document(serialize(d));
    CHECK(render_plain(back) == render_plain(d));
    REQUIRE(back.blocks.size() == 5);
    CHECK(back.blocks[1].lines[0][1].target == "U1");
    CHECK(back.blocks[1].lines[0][2].style == Span::Style::strong);
}

TEST_CASE("Plain rendering marks headings, lists, quotes and mentions") {
    Document d;
    d.heading("Agenda").bullets({{text("a")}}).numbered({{text("x")}, {text("y")}}).quote("q");
    d.paragraph(Line{mention("sam", "sam"), text(" is up")});
    CHECK(render_plain(d) == "== Agenda ==\n  • a\n  1. x\n  2. y\n  > q\n@sam is up");
}
