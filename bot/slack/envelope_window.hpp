// bot/slack/envelope_window: remembers the latest envelope ids so a redelivered envelope is acked
// but handled only once (in memory: a redelivery comes within seconds, not across restarts).
#pragma once

#include <deque>
#include <string>
#include <unordered_set>

namespace mentorbot::slack {

class EnvelopeWindow {
  public:
    explicit EnvelopeWindow(std::size_t capacity = 10'000) : capacity_(capacity) {}

    // True the first time an id is seen.
    bool first_time(const std::string& envelope_id) {
        if (!seen_.insert(envelope_id).second) return false;
        order_.push_back(envelope_id);
        if (order_.size() > capacity_) {
            seen_.erase(order_.front());
            order_.pop_front();
        }
        return true;
    }

  private:
    std::size_t capacity_;
    std::unordered_set<std::string> seen_;
    std::deque<std::string> order_;
};

}  // namespace mentorbot::slack
