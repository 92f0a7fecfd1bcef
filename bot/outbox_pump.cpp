// bot/outbox_pump: delivers one platform's queued messages through its transport.
#include "bot/outbox_pump.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/this_coro.hpp>
#include <map>

namespace mentorbot {
namespace asio = boost::asio;
using namespace std::chrono_literals;

OutboxPump::OutboxPump(StorageThread& storage, Transport& transport, const Clock& clock,
                       asio::any_io_executor executor)
    : storage_(storage), transport_(transport), clock_(clock), timer_(executor) {}

void OutboxPump::wake() {
    asio::post(timer_.get_executor(), [this] {
        woken_ = true;
        timer_.cancel();
    });
}

void OutboxPump::stop() {
    asio::post(timer_.get_executor(), [this] {
        stopped_ = true;
        timer_.cancel();
    });
}

std::chrono::seconds OutboxPump::backoff(int attempts) const {
    const auto s = std::chrono::seconds{1L << std::min(attempts, 8)};
    return std::min<std::chrono::seconds>(s, 5min);
}

asio::awaitable<void> OutboxPump::run() {
    const Platform platform = transport_.platform();
    while (!stopped_) {
        woken_ = false;
        // Lambdas are named before co_await: g++ 12 mis-copies temporaries captured there.
        // One trip: the due messages or, when there are none, when the next one will be due.
        auto look = [this, platform](Store& s) {
            Look found{due_unread(s, platform, clock_.now(), 200), std::nullopt};
            if (found.due.empty()) found.next = s.outbox.next_due(platform);
            return found;
        };
        auto [due, next] = co_await storage_.run(std::move(look));
        if (!due.empty()) {
            // One lane per destination keeps each conversation in order.
            std::map<std::pair<std::int64_t, std::int64_t>, std::vector<Addressed>> lanes;
            for (Addressed& m : due) {
                const auto key = std::make_pair(m.row.pair ? m.row.pair->value : 0,
                                                m.row.pair ? 0 : m.row.person->value);
                lanes[key].push_back(std::move(m));
            }
            auto ex = co_await asio::this_coro::executor;
            std::vector<decltype(asio::co_spawn(ex, deliver_lane({}), asio::deferred))> ops;
            for (auto& [key, lane] : lanes)
                ops.push_back(asio::co_spawn(ex, deliver_lane(std::move(lane)), asio::deferred));
            co_await asio::experimental::make_parallel_group(std::move(ops))
                .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
            continue;
        }
        // stop() or wake() may have come while the database answered: the timer missed it.
        if (stopped_ || woken_ || (next && *next <= clock_.now())) continue;
        timer_.expires_after(next ? std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                        *next - clock_.now())
                                  : std::chrono::steady_clock::duration(1h));
        boost::system::error_code ec;
        co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
}

asio::awaitable<void> OutboxPump::deliver_lane(std::vector<Addressed> lane) {
    for (std::size_t i = 0; i < lane.size(); ++i) {
        Addressed& m = lane[i];
        SendResult result;
        // Read here, one at a time between sends, not all at once on the storage thread; one
        // that cannot be read fails as an undeliverable one does.
        if (std::string why; !read_body(m, why)) {
            result = SendResult::failed("its stored body is unreadable: " + why);
        } else {
            try {
                result = co_await transport_.send(m);
            } catch (const std::exception& e) {
                result = SendResult::retry(0ms, e.what());
            }
        }
        const OutboxId id = m.row.id;
        const Instant now = clock_.now();
        switch (result.status) {
            case SendResult::Status::sent:
            {
                auto mark = [id, now, ref = result.platform_ref](Store& s) {
                    s.outbox.mark_sent(id, now, ref);
                };
                co_await storage_.run(std::move(mark));
                break;
            }
            case SendResult::Status::retry:
                if (m.row.attempts + 1 < kMaxAttempts) {
                    const auto wait = result.retry_after > 0ms
                                          ? std::chrono::ceil<std::chrono::seconds>(result.retry_after)
                                          : backoff(m.row.attempts);
                    spdlog::warn("{} message {} ({}) will be retried in {}s: {}",
                                 to_string(m.row.platform), id.value, m.row.kind, wait.count(),
                                 result.error);
                    std::vector<OutboxId> behind;
                    for (std::size_t j = i + 1; j < lane.size(); ++j) behind.push_back(lane[j].row.id);
                    // The rest of this conversation waits behind it, so its order is kept.
                    auto hold = [id, when = now + wait, behind](Store& s) {
                        s.outbox.retry_later(id, when);
                        for (OutboxId b : behind) s.outbox.hold_until(b, when);
                    };
                    co_await storage_.run(std::move(hold));
                    co_return;
                }
                [[fallthrough]];
            case SendResult::Status::failed:
                spdlog::error("{} message {} ({}) could not be delivered and was dropped: {}",
                              to_string(m.row.platform), id.value, m.row.kind, result.error);
            {
                auto drop = [id, now, why = result.error](Store& s) {
                    s.outbox.drop(id, "delivery failed: " + why, now);
                };
                co_await storage_.run(std::move(drop));
                break;
            }
        }
    }
}

}  // namespace mentorbot
