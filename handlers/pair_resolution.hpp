// handlers/pair_resolution: which pair a command means (PRODUCT.md §2) and who may see what of it.
#pragma once

#include "handlers/context.hpp"

namespace mentorbot {

struct PairAccess {
    Pair pair;
    bool member = false;        // the caller is the mentor or the mentee
    bool sees_content = false;  // members; coordinators only when the pair shares with them
};

// (1) the pair whose space the command was issued in; else (2) `with @person` if given; else
// (3) the caller's only active pair; otherwise an error listing the caller's pairs.
// Coordinators may name any pair with `with @member [@member]`. A pair the caller may not see
// gets the same answer as a pair that does not exist.
Expected<PairAccess> resolve_pair(Context& ctx, Args& args);

// The refusal for naming someone the caller has no active pair with (`who` is "@name"); the same
// whether that pair does not exist or belongs to others.
UserError no_pair_with(const std::string& who);

// Whether coordinators may read this pair's content (its agreement says `sharing: coordinator`,
// in the current version and in the last one both members signed).
bool shares_with_coordinators(Context& ctx, const Pair& pair);

// For callers who reached the pair without being in it (coordinators): a change is refused;
// `what` says what was tried ("change the agreement").
std::optional<UserError> refuse_unless_member(const PairAccess& access, std::string_view what);
// Coordinators of a pair that does not share its content get this refusal instead of it.
std::optional<UserError> refuse_unless_sees_content(const PairAccess& access);

}  // namespace mentorbot
