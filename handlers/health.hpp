// handlers/health: how a pair's relationship is doing over the last 90 days (PRODUCT §7) —
// numbers only, so coordinators may see them — and the plain-language flags they raise.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace mentorbot {

inline constexpr auto kHealthWindow = date::days{90};

struct HealthFlag {
    std::string name;        // "cancel-heavy"
    std::string suggestion;  // one plain sentence
};

struct Health {
    int meetings_held = 0;
    int meetings_planned = 0;  // by the cadence, within the window (0 without a schedule)
    int skipped = 0, cancelled = 0;
    std::optional<int> days_since_meeting;
    int meetings_with_checkin = 0;
    int actions_open = 0, actions_overdue = 0, actions_done = 0;
    std::optional<double> median_days_to_done;
    int goals_active = 0, goals_done = 0, goals_past_target = 0;
    bool agreement_signed = false;
    std::optional<std::string> review_date;
    bool review_overdue = false;
    std::vector<HealthFlag> flags;
};

Health assess_health(Context& ctx, const Pair& pair);
Document health_document(Context& ctx, const Pair& pair, const Health& health);

}  // namespace mentorbot
