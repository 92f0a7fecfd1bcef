// handlers/progress_tally: how far a pair has come — goals reached and action items completed —
// counted one way for every guide and summary that reports it.
#include "handlers/progress_tally.hpp"

namespace mentorbot {

ProgressTally tally_progress(Store& store, PairId pair) {
    ProgressTally t;
    for (Goal& g : store.goals.of_pair(pair)) {
        t.goals_total += g.status != GoalStatus::dropped;
        if (g.status == GoalStatus::done) t.goals_done.push_back(std::move(g));
    }
    for (const ActionItem& a : store.actions.of_pair(pair)) {
        t.actions_total += a.status != ActionStatus::dropped;
        t.actions_done += a.status == ActionStatus::done;
        t.actions_open += a.status == ActionStatus::open;
    }
    return t;
}

}  // namespace mentorbot
