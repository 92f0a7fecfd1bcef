// handlers/similarity: "did you mean" — the closest names to a mistyped one.
#include "handlers/similarity.hpp"

#include <algorithm>
#include <cctype>

namespace mentorbot {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> closest_names(std::string_view typed,
                                       const std::vector<std::string_view>& candidates,
                                       std::size_t most) {
    const std::string t = ascii_lower(typed);
    std::vector<std::pair<std::size_t, std::string_view>> scored;
    for (auto c : candidates) {
        const std::string name = ascii_lower(c);
        std::size_t d = edit_distance(t, name);
        if (t.size() >= 3 && name.starts_with(t)) d = 0;
        if (d <= std::max<std::size_t>(2, name.size() / 3)) scored.push_back({d, c});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (const auto& [d, name] : scored)
        if (out.size() < most) out.emplace_back(name);
    return out;
}

std::string nearest_name(std::string_view typed, const std::vector<std::string_view>& candidates) {
    const std::string t = ascii_lower(typed);
    std::string_view best;
    std::size_t best_distance = std::string::npos;
    for (auto c : candidates) {
        const std::size_t d = edit_distance(t, ascii_lower(c));
        if (d < best_distance) best_distance = d, best = c;
    }
    return std::string(best);
}

}  // namespace mentorbot
