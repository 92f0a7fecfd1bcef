// handlers/kickoff: the welcome a new pair gets, with the "let's get clear" checklist (PRODUCT §5).
#pragma once

#include "handlers/context.hpp"

namespace mentorbot {

Document kickoff_welcome(const Context& ctx, const Pair& pair);

}  // namespace mentorbot
