// storage/types: names of the enumerations as they are stored and shown.
#include "storage/types.hpp"

#include <stdexcept>
#include <string>

namespace mentorbot {

std::string_view to_string(Platform p) {
    switch (p) {
        case Platform::console:
            return "console";
        case Platform::slack:
            return "slack";
        case Platform::matrix:
            return "matrix";
    }
    return "console";
}

std::optional<Platform> platform_from_string(std::string_view s) {
    if (s == "console") return Platform::console;
    if (s == "slack") return Platform::slack;
    if (s == "matrix") return Platform::matrix;
    return std::nullopt;
}

std::string_view to_string(PairStatus s) {
    switch (s) {
        case PairStatus::active:
            return "active";
        case PairStatus::ended:
            return "ended";
        case PairStatus::graduated:
            return "graduated";
    }
    return "active";
}

PairStatus pair_status_from_string(std::string_view s) {
    if (s == "active") return PairStatus::active;
    if (s == "ended") return PairStatus::ended;
    if (s == "graduated") return PairStatus::graduated;
    throw std::invalid_argument("unknown pair status '" + std::string(s) + "'");
}

}  // namespace mentorbot
