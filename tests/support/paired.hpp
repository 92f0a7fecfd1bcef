// tests/support/paired: a harness where dana (mentor) and sam (mentee) already are a pair and the
// welcome has been taken, so tests start at the mentorship itself.
#pragma once

#include <catch2/catch.hpp>

#include "support/harness.hpp"

namespace mentorbot::testing {

struct Paired : Harness {
    Paired() {
        REQUIRE(run("dana", "pair @dana @sam").ok);
        take_posts();
    }
};

}  // namespace mentorbot::testing
