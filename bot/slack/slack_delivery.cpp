// bot/slack/slack_delivery: queued messages posted with chat.postMessage — the pair's group DM
// opened first when it has none, DMs opened per person, each channel paced.
#include <spdlog/spdlog.h>

#include "bot/slack/render.hpp"
#include "bot/slack/slack_transport.hpp"

namespace mentorbot {
namespace asio = boost::asio;

namespace {

SendResult result_of(const slack::ApiAnswer& answer) {
    if (answer.error == "ratelimited") return SendResult::retry(answer.retry_after, answer.error);
    if (slack::is_transient_error(answer.error)) return SendResult::retry({}, answer.error);
    return SendResult::failed(answer.error);
}

}  // namespace

asio::awaitable<std::optional<std::string>> SlackTransport::channel_for(const Addressed& m,
                                                                        SendResult& failure) {
    std::string users;
    if (m.pair) {
        if (m.pair->space && !m.pair->space->empty()) co_return *m.pair->space;
        auto members = [pair = *m.pair](Store& s) {
            const auto a = s.people.find(pair.mentor);
            const auto b = s.people.find(pair.mentee);
            return a && b ? a->platform_user + "," + b->platform_user : std::string();
        };
        users = co_await storage_.run(std::move(members));
    } else if (m.person) {
        if (auto it = dm_channels_.find(m.person->id.value); it != dm_channels_.end())
            co_return it->second;
        users = m.person->platform_user;
    }
    if (users.empty()) {
        failure = SendResult::failed("no one to send to");
        co_return std::nullopt;
    }
    nlohmann::json args = {{"users", users}};
    const slack::ApiAnswer opened = co_await web_api_.call("conversations.open", std::move(args));
    const auto channel = opened.body.is_object() && opened.body.contains("channel")
                             ? opened.body["channel"].value("id", std::string())
                             : std::string();
    if (!opened.ok || channel.empty()) {
        failure = result_of(opened.ok ? slack::ApiAnswer{false, "bad_response"} : opened);
        co_return std::nullopt;
    }
    if (m.pair) {
        auto remember = [id = m.pair->id, channel](Store& s) { s.pairs.set_space(id, channel); };
        co_await storage_.run(std::move(remember));
    } else {
        dm_channels_[m.person->id.value] = channel;
    }
    co_return channel;
}

asio::awaitable<SendResult> SlackTransport::send(const Addressed& m) {
    try {
        SendResult failure = SendResult::failed("");
        const auto channel = co_await channel_for(m, failure);
        if (!channel) co_return failure;
        const auto messages = slack::render_slack(m.body, m.row.late);
        // A long message goes out in parts; a retry, or the bot after a crash, continues after
        // the parts already posted (their count is stored with the message).
        const OutboxId id = m.row.id;
        std::string first_ts = m.row.first_part.value_or("");
        for (auto i = static_cast<std::size_t>(m.row.parts_sent); i < messages.size(); ++i) {
            co_await pacer_.take(*channel);
            nlohmann::json args = slack::message_json(messages[i]);
            args["channel"] = *channel;
            const slack::ApiAnswer posted =
                co_await web_api_.call("chat.postMessage", std::move(args));
            if (!posted.ok) co_return result_of(posted);
            if (first_ts.empty()) first_ts = posted.body.value("ts", std::string());
            if (i + 1 < messages.size()) {  // the last part is recorded by marking it sent
                auto progress = [id, parts = static_cast<int>(i + 1), first_ts](Store& s) {
                    s.outbox.mark_parts_sent(id, parts, first_ts);
                };
                co_await storage_.run(std::move(progress));
            }
        }
        co_return SendResult::sent(first_ts);
    } catch (const std::exception& e) {
        co_return SendResult::retry({}, e.what());
    }
}

}  // namespace mentorbot
