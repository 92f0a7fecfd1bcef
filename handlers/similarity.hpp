// handlers/similarity: "did you mean" — the closest names to a mistyped one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mentorbot {

std::size_t edit_distance(std::string_view a, std::string_view b);  // case-sensitive Levenshtein
std::string ascii_lower(std::string_view s);

// Up to `most` candidates within a distance that grows with their length (prefixes of at least
// three letters count as close), closest first; case-insensitive.
std::vector<std::string> closest_names(std::string_view typed,
                                       const std::vector<std::string_view>& candidates,
                                       std::size_t most = 3);

// The single closest candidate however far it is (empty when there are none).
std::string nearest_name(std::string_view typed, const std::vector<std::string_view>& candidates);

}  // namespace mentorbot
