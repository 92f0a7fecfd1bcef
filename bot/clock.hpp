// bot/clock: the injected source of "now" — the system clock, or a manual one tests and the
// console's simulated mode move by hand.
#pragma once

#include "storage/types.hpp"

namespace mentorbot {

class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
public:
    Instant now() const override;
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(Instant start) : now_(start) {}
    Instant now() const override { return now_; }
    void set(Instant t) { now_ = t; }
    void advance(std::chrono::seconds d) { now_ += d; }

private:
    Instant now_;
};

}  // namespace mentorbot
