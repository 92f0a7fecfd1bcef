// bot/slack/slack_transport: the Socket Mode links' lifecycle — open (with backoff), read, refresh
// (new link first, old one closed once its acks are out), reconnect, stop.
#include "bot/slack/slack_transport.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "bot/logging.hpp"
#include "bot/net/tls.hpp"
#include "bot/service.hpp"

namespace mentorbot {
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

// apps.connections.open said to wait (ratelimited).
struct LinkRefused : std::runtime_error {
    std::chrono::milliseconds wait;
    LinkRefused(const std::string& why, std::chrono::milliseconds wait)
        : std::runtime_error(why), wait(wait) {}
};

Endpoint api_endpoint(const std::string& url) {
    auto endpoint = parse_endpoint(url);
    if (!endpoint) throw FatalTransportError("SLACK_API_URL \"" + url + "\" is not an http(s) URL");
    return *endpoint;
}

}  // namespace

SlackTransport::SlackTransport(asio::any_io_executor executor, StorageThread& storage,
                               CommandRunner& commands, SlackOptions options)
    : executor_(executor),
      storage_(storage),
      commands_(commands),
      options_(std::move(options)),
      tls_(make_tls_client_context()),
      socket_api_(executor, tls_, api_endpoint(options_.config.api_url), options_.config.app_token,
                  options_.http_timeout, 1),
      web_api_(executor, tls_, api_endpoint(options_.config.api_url), options_.config.bot_token,
               options_.http_timeout, options_.api_connections),
      responses_(executor, tls_, options_.http_timeout),
      profiles_(web_api_),
      pacer_(executor, options_.post_interval, options_.post_burst),
      homes_(executor, options_.home_interval,
             [this](std::string user) { return publish_home(std::move(user)); }),
      changed_(executor),
      pause_(executor),
      ack_deadline_(executor) {}

SlackTransport::~SlackTransport() = default;

void SlackTransport::stop() {
    stopped_ = true;
    pause_.cancel();
    if (answering_.empty()) ack_deadline_.cancel();  // else it still acks what is left
    homes_.stop();
    changed();
}

void SlackTransport::changed() {
    changed_.cancel();
}

asio::awaitable<void> SlackTransport::until_changed() {
    changed_.expires_at(asio::steady_timer::time_point::max());
    co_await changed_.async_wait(asio::as_tuple(asio::use_awaitable));
}

asio::awaitable<void> SlackTransport::pause(std::chrono::milliseconds how_long) {
    pause_.expires_after(how_long);
    co_await pause_.async_wait(asio::as_tuple(asio::use_awaitable));
}

std::chrono::milliseconds SlackTransport::backoff(int failures) {
    const std::chrono::milliseconds ceiling = std::min<std::chrono::milliseconds>(
        options_.reconnect_cap, options_.reconnect_first * (1 << std::min(failures, 16)));
    // "Equal jitter": at least half the ceiling, so links do not return in lockstep.
    std::uniform_int_distribution<std::chrono::milliseconds::rep> pick(ceiling.count() / 2,
                                                                       ceiling.count());
    return std::chrono::milliseconds{pick(jitter_)};
}

asio::awaitable<void> SlackTransport::check_bot_token() {
    // A refused bot token would otherwise show only when the first message is posted.
    try {
        const auto answer = co_await web_api_.call("auth.test", nlohmann::json::object());
        if (answer.ok) {
            spdlog::info("Slack: the bot token signs in as @{} in {}",
                         answer.body.value("user", std::string("?")),
                         answer.body.value("team", std::string("?")));
        } else if (slack::is_auth_error(answer.error)) {
            throw FatalTransportError(
                "Slack refused the bot token (" + answer.error +
                "): check SLACK_BOT_TOKEN (xoxb-…, from the app's "
                "\"OAuth & Permissions\" page) and that the app is installed");
        }
    } catch (const NetworkError& e) {
        // Not fatal: the links retry with backoff, and posts are retried from the outbox.
        spdlog::warn("Slack: could not check the bot token yet: {}", e.what());
    }
}

asio::awaitable<void> SlackTransport::run() {
    spdlog::info("Slack: connecting to {} (app token {}, bot token {})", options_.config.api_url,
                 mask_secret(options_.config.app_token), mask_secret(options_.config.bot_token));
    co_await check_bot_token();
    std::shared_ptr<Link> current = co_await connect();
    while (current && !stopped_) {
        while (!stopped_ && !current->ended && !current->refresh) co_await until_changed();
        if (stopped_) break;
        if (current->disabled) {
            for (auto& link : links_) link->socket->abort();
            throw FatalTransportError(
                "Slack disabled this app's Socket Mode link (link_disabled): turn Socket Mode on "
                "in the app's settings, then start mentorbot again");
        }
        if (!current->ended) {
            // Open the new link before the old one closes, so no envelope goes unanswered.
            spdlog::info("Slack: link {} is being refreshed; opening a new one first",
                         current->socket->number());
            auto next = co_await connect();
            if (!next) break;
            asio::co_spawn(executor_, retire(std::exchange(current, next)), asio::detached);
            continue;
        }
        if (current->too_many) {
            spdlog::warn(
                "Slack: too many websockets are open for this app; waiting before reconnecting");
            co_await pause(backoff(2));
        }
        current = co_await connect();
    }
    for (auto& link : links_) asio::co_spawn(executor_, retire(link), asio::detached);
    socket_api_.close();
}

asio::awaitable<std::shared_ptr<SlackTransport::Link>> SlackTransport::connect() {
    for (int failures = 0; !stopped_; ++failures) {
        std::chrono::milliseconds wait = backoff(failures);
        try {
            co_return co_await open_link();  // a good hello resets the backoff
        } catch (const FatalTransportError&) {
            throw;
        } catch (const LinkRefused& e) {
            wait = std::max(wait, e.wait);
            spdlog::warn("Slack: {}; retrying in {} ms", e.what(), wait.count());
        } catch (const std::exception& e) {
            spdlog::warn("Slack: cannot open a Socket Mode link: {}; retrying in {} ms", e.what(),
                         wait.count());
        }
        if (!stopped_) co_await pause(wait);
    }
    co_return nullptr;
}

asio::awaitable<std::shared_ptr<SlackTransport::Link>> SlackTransport::open_link() {
    nlohmann::json no_args = nlohmann::json::object();
    const slack::ApiAnswer opened =
        co_await socket_api_.call("apps.connections.open", std::move(no_args));
    if (!opened.ok) {
        if (slack::is_auth_error(opened.error))
            throw FatalTransportError("Slack refused the app-level token SLACK_APP_TOKEN (" +
                                      opened.error +
                                      "): make a new one with the connections:write scope");
        if (opened.error == "ratelimited")
            throw LinkRefused("apps.connections.open is rate limited", opened.retry_after);
        throw NetworkError("apps.connections.open failed: " + opened.error);
    }
    const std::string url = opened.body.value("url", std::string());
    auto socket =
        std::make_shared<slack::SocketLink>(executor_, tls_, options_.link, ++link_count_);
    co_await socket->open(url);

    // Slack greets every new link; a link that stays silent is dropped.
    asio::steady_timer hello_deadline(executor_, options_.link.handshake);
    hello_deadline.async_wait([weak = std::weak_ptr(socket)](boost::system::error_code ec) {
        if (auto s = weak.lock(); s && !ec) s->abort();
    });
    const auto first = co_await socket->read();
    hello_deadline.cancel();
    std::string why;
    const auto frame = first ? slack::parse_frame(*first, why) : std::nullopt;
    const auto* hello = frame ? std::get_if<slack::Hello>(&*frame) : nullptr;
    if (!hello) {
        socket->abort();
        throw NetworkError("link " + std::to_string(socket->number()) + " did not say hello");
    }
    spdlog::info("Slack: link {} ready ({} open)", socket->number(), hello->num_connections);
    auto link = std::make_shared<Link>(socket, executor_);
    links_.push_back(link);
    asio::co_spawn(executor_, read_frames(link), asio::detached);
    co_return link;
}

asio::awaitable<void> SlackTransport::read_frames(std::shared_ptr<Link> link) {
    while (auto text = co_await link->socket->read()) {
        std::string why;
        auto frame = slack::parse_frame(*text, why);
        if (!frame) {
            spdlog::warn("Slack link {}: skipped a frame: {}", link->socket->number(), why);
            continue;
        }
        on_frame(link, std::move(*frame));
    }
    link->ended = true;
    std::erase(links_, link);
    changed();
}

asio::awaitable<void> SlackTransport::retire(std::shared_ptr<Link> link) {
    if (std::exchange(link->retiring, true)) co_return;
    // Acks of envelopes read on this link still go out on it.
    while (link->in_flight > 0 && link->socket->is_open()) {
        link->acked.expires_at(asio::steady_timer::time_point::max());
        co_await link->acked.async_wait(asio::as_tuple(asio::use_awaitable));
    }
    co_await link->socket->close();
}

std::unique_ptr<Transport> make_slack_transport(Service& service, const SlackConfig& config) {
    SlackOptions options;
    options.config = config;
    return std::make_unique<SlackTransport>(service.io().get_executor(), service.storage(),
                                            service.commands(), std::move(options));
}

}  // namespace mentorbot
