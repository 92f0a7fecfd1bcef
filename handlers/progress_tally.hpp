// handlers/progress_tally: how far a pair has come — goals reached and action items completed —
// counted one way for every guide and summary that reports it.
#pragma once

#include <vector>

#include "storage/store.hpp"

namespace mentorbot {

struct ProgressTally {
    std::vector<Goal> goals_done;
    int goals_total = 0;  // dropped goals do not count
    int actions_done = 0;
    int actions_open = 0;
    int actions_total = 0;  // dropped items do not count
};

ProgressTally tally_progress(Store& store, PairId pair);

}  // namespace mentorbot
