// bot/clock: the injected source of "now".
#include "bot/clock.hpp"

namespace mentorbot {

Instant SystemClock::now() const {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace mentorbot
