// handlers/home_summary: what a person's home page shows — each pair, its next meeting in the
// person's zone and its open action items (overdue first) — platform-neutral, for the App Home.
#pragma once

#include "handlers/command.hpp"
#include "handlers/document.hpp"
#include "storage/store.hpp"

namespace mentorbot {

// At most this many open action items are listed per pair; the rest are counted.
inline constexpr int kHomeActionsPerPair = 5;

// The home of `platform_user` on `platform` (an empty page with how to start when unknown).
Document home_summary(Store& store, const Settings& settings, Platform platform,
                      const std::string& platform_user, Instant now);

}  // namespace mentorbot
