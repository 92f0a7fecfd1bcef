// bot/matrix/transport: mentorbot on a Matrix homeserver.
#include "bot/matrix/transport.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <stdexcept>

#include "bot/logging.hpp"
#include "bot/matrix/command_batch.hpp"
#include "bot/matrix/invite_policy.hpp"
#include "bot/net/tls.hpp"

namespace mentorbot {
namespace asio = boost::asio;
using namespace std::chrono_literals;
using matrix::MatrixError;

namespace {

Endpoint homeserver_endpoint(const std::string& url) {
    auto endpoint = parse_endpoint(url);
    if (!endpoint)
        throw std::invalid_argument("MATRIX_HOMESERVER \"" + url +
                                    "\" is not an http:// or https:// URL");
    return *endpoint;
}

// MATRIX_USER may be the localpart ("mentorbot") or the full id ("@mentorbot:example.org").
bool same_user(const std::string& user_id, const std::string& configured) {
    return user_id == configured || user_id.rfind("@" + configured + ":", 0) == 0;
}

bool transient(const MatrixError& e) {
    return e.rate_limited() || e.server_side() || e.bad_token();
}

// Where a queued message goes, as far as the database knows.
struct Destination {
    std::optional<std::string> room;  // known room
    std::vector<std::string> invite;  // otherwise: open a room with these people
    std::string name;                 // and this name
    bool direct = false;
};

}  // namespace

MatrixTransport::MatrixTransport(asio::any_io_executor executor, StorageThread& storage,
                                 const Settings& settings, const Clock& clock, MatrixConfig config,
                                 std::function<void()> on_queued, MatrixOptions options)
    : storage_(storage),
      settings_(settings),
      clock_(clock),
      config_(std::move(config)),
      on_queued_(std::move(on_queued)),
      options_(options),
      tls_(make_tls_client_context()),
      sync_http_(executor, tls_, homeserver_endpoint(config_.homeserver)),
      send_http_(executor, tls_, homeserver_endpoint(config_.homeserver)),
      pause_timer_(executor),
      signed_in_(executor, asio::steady_timer::time_point::max()) {}

void MatrixTransport::stop() {
    stopped_ = true;
    sync_http_.cancel();
    // A post in flight is given up: it stays queued and its resend (same transaction id) cannot
    // post twice.
    send_http_.cancel();
    pause_timer_.cancel();
    signed_in_.cancel();
}

std::chrono::milliseconds MatrixTransport::backoff(int failures) {
    const std::chrono::milliseconds wait = std::min<std::chrono::milliseconds>(
        options_.backoff_first * (1L << std::min(failures, 16)), options_.backoff_cap);
    // Jitter: somewhere between half and all of it, so many bots do not retry in step.
    std::uniform_int_distribution<std::int64_t> spread(wait.count() / 2, wait.count());
    return std::chrono::milliseconds{spread(jitter_)};
}

asio::awaitable<void> MatrixTransport::pause(std::chrono::milliseconds wait) {
    if (stopped_) co_return;
    pause_timer_.expires_after(wait);
    boost::system::error_code ec;
    co_await pause_timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
}

asio::awaitable<void> MatrixTransport::until_signed_in() {
    while (!ready_ && !stopped_) {
        boost::system::error_code ec;
        co_await signed_in_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
}

void MatrixTransport::use_token(const std::string& token) {
    sync_api_.set_access_token(token);
    send_api_.set_access_token(token);
}

asio::awaitable<matrix::LoginAnswer> MatrixTransport::log_in(std::string device_id) {
    const std::string user = config_.user, password = config_.password;
    matrix::LoginAnswer answer;
    try {
        answer = co_await send_api_.login(user, password, device_id);
    } catch (const MatrixError& e) {
        if (e.rate_limited() || e.server_side()) throw;
        throw FatalTransportError("Matrix: the homeserver refused the login of " + config_.user +
                                  " (" + e.what() + "); check MATRIX_USER and MATRIX_PASSWORD");
    }
    spdlog::info("matrix: logged in as {} on device {} (token {})", answer.user_id,
                 answer.device_id, mask_secret(answer.access_token));
    auto save = [login = MatrixLogin{config_.homeserver, answer.user_id, answer.access_token,
                                     answer.device_id}](Store& s) { s.matrix.save_login(login); };
    co_await storage_.run(std::move(save));
    co_return answer;
}

asio::awaitable<void> MatrixTransport::sign_in() {
    auto load = [](Store& s) { return s.matrix.login(); };
    const std::optional<MatrixLogin> stored = co_await storage_.run(std::move(load));
    const bool ours = stored && stored->homeserver == config_.homeserver &&
                      same_user(stored->user_id, config_.user);
    std::string token = config_.access_token;
    bool reused = false;
    if (token.empty()) {
        if (ours && !stored->access_token.empty()) {
            token = stored->access_token;
            reused = true;
        } else {
            const std::string device = ours ? stored->device_id : std::string{};
            token = (co_await log_in(device)).access_token;
        }
    }
    use_token(token);
    std::optional<MatrixError> refused;
    try {
        me_ = co_await send_api_.whoami();
        co_return;
    } catch (const MatrixError& e) {
        if (!e.bad_token()) throw;
        refused = e;
    }
    if (!reused)
        throw FatalTransportError(
            std::string("Matrix: the homeserver refused the bot's access token (") +
            refused->what() +
            "); set MATRIX_ACCESS_TOKEN to a valid token, or MATRIX_USER and "
            "MATRIX_PASSWORD");
    // The kept token was logged out: log in again, on the same device.
    spdlog::warn("matrix: the kept access token is no longer valid; logging in again");
    auto forget = [](Store& s) { s.matrix.forget_access_token(); };
    co_await storage_.run(std::move(forget));
    const std::string device = stored->device_id;
    use_token((co_await log_in(device)).access_token);
    me_ = co_await send_api_.whoami();
}

asio::awaitable<void> MatrixTransport::run() {
    int failures = 0;
    bool signed_in = false;
    while (!stopped_) {
        std::optional<std::chrono::milliseconds> wait;
        try {
            if (!signed_in) {
                co_await sign_in();
                signed_in = ready_ = true;
                signed_in_.cancel();
                spdlog::info("matrix: signed in as {} at {}", me_, config_.homeserver);
            }
            co_await sync_once();
            failures = 0;
        } catch (const FatalTransportError&) {
            throw;
        } catch (const MatrixError& e) {
            if (stopped_) break;
            if (e.bad_token())
                throw FatalTransportError(
                    std::string("Matrix: the homeserver no longer accepts the "
                                "bot's access token (") +
                    e.what() + ")");
            wait = e.rate_limited() && e.retry_after > 0ms ? e.retry_after : backoff(failures++);
            spdlog::warn("matrix: {}; trying again in {} ms", e.what(), wait->count());
        } catch (const NetworkError& e) {
            if (stopped_) break;
            wait = backoff(failures++);
            spdlog::warn("matrix: {}; trying again in {} ms", e.what(), wait->count());
        } catch (const std::exception& e) {
            if (stopped_) break;
            wait = backoff(failures++);
            spdlog::error("matrix: an answer could not be read ({}); trying again in {} ms",
                          e.what(), wait->count());
        }
        if (wait) co_await pause(*wait);
    }
}

asio::awaitable<void> MatrixTransport::sync_once() {
    auto position = [](Store& s) { return s.matrix.sync_position(); };
    const std::optional<std::string> since = co_await storage_.run(std::move(position));
    const std::string since_text = since.value_or(std::string{});
    const std::chrono::milliseconds wait = since ? options_.sync_wait : 0ms;
    const std::string answer = co_await sync_api_.sync(since_text, wait);
    matrix::SyncBatch batch = matrix::read_sync(answer, me_, !since);

    for (const matrix::RoomInvite& invite : batch.invites) co_await answer_invite(invite);
    matrix::RoomMembers members;
    for (const matrix::CommandEvent& c : batch.commands) {
        if (members.count(c.room_id)) continue;
        const std::string room = c.room_id;
        if (auto joined = co_await members_of(room)) members[room] = std::move(*joined);
    }
    auto work = [this, batch = std::move(batch), members = std::move(members)](Store& s) {
        return matrix::run_sync_batch(s, settings_, clock_.now(), batch, members);
    };
    const std::size_t queued = co_await storage_.run(std::move(work));
    if (queued > 0 && on_queued_) on_queued_();
}

asio::awaitable<void> MatrixTransport::answer_invite(matrix::RoomInvite invite) {
    const bool allowed = matrix::invite_allowed(config_.allowed, invite.inviter);
    const std::string room = invite.room_id;
    try {
        if (allowed) {
            co_await send_api_.join(room);
            spdlog::info("matrix: joined {} (invited by {})", room, invite.inviter);
        } else {
            co_await send_api_.leave(room);
            spdlog::info("matrix: declined the invite to {} from {} (not in MATRIX_ALLOWED)", room,
                         invite.inviter);
        }
    } catch (const MatrixError& e) {
        if (transient(e)) throw;  // the whole answer is read again later
        spdlog::warn("matrix: could not {} {}: {}", allowed ? "join" : "decline", room, e.what());
    }
}

asio::awaitable<std::optional<std::vector<matrix::RoomMember>>> MatrixTransport::members_of(
    std::string room) {
    try {
        co_return co_await send_api_.joined_members(room);
    } catch (const MatrixError& e) {
        if (transient(e)) throw;
        spdlog::warn("matrix: the members of {} are unknown: {}", room, e.what());
    }
    co_return std::nullopt;
}

asio::awaitable<std::string> MatrixTransport::room_for(const Addressed& m) {
    if (m.row.conversation) co_return *m.row.conversation;
    const std::optional<PairId> pair = m.row.pair;
    const std::optional<PersonId> person = m.row.person;
    auto look = [pair, person](Store& s) {
        Destination d;
        if (pair) {
            const auto p = s.pairs.find(*pair);
            if (!p) throw std::runtime_error("the pair is gone");
            if (p->space && !p->space->empty()) {
                d.room = p->space;
                return d;
            }
            const Person mentor = *s.people.find(p->mentor), mentee = *s.people.find(p->mentee);
            d.invite = {mentor.platform_user, mentee.platform_user};
            d.name = "Mentorship: " + mentor.display_name + " & " + mentee.display_name;
            return d;
        }
        if ((d.room = s.matrix.direct_room(*person))) return d;
        d.invite = {s.people.find(*person)->platform_user};
        d.name = "mentorbot";
        d.direct = true;
        return d;
    };
    Destination d = co_await storage_.run(std::move(look));
    if (d.room) co_return *d.room;
    std::erase(d.invite, me_);
    const auto preset = d.direct ? matrix::RoomPreset::direct : matrix::RoomPreset::private_chat;
    const std::string room = co_await send_api_.create_room(preset, d.invite, d.name);
    spdlog::info("matrix: opened {} for {}", room, pair ? "a pair" : "direct messages");
    auto remember = [pair, person, room](Store& s) {
        if (pair)
            s.pairs.set_space(*pair, room);
        else
            s.matrix.save_direct_room(*person, room);
    };
    co_await storage_.run(std::move(remember));
    co_return room;
}

asio::awaitable<SendResult> MatrixTransport::send(const Addressed& m) {
    co_await until_signed_in();
    if (!ready_) co_return SendResult::retry(0ms, "the Matrix connection is stopping");
    bool direct_room_gone = false;
    try {
        const std::string room = co_await room_for(m);
        const matrix::NoticeText text = matrix::render_notice(m.body, m.row.late);
        // From the outbox row: a resend after a crash returns the first event, not a second post.
        const std::string txn = "mentorbot-" + std::to_string(m.row.id.value);
        const std::string event_id = co_await send_api_.send_notice(room, txn, text);
        co_return SendResult::sent(event_id);
    } catch (const MatrixError& e) {
        if (e.rate_limited()) co_return SendResult::retry(e.retry_after, e.what());
        if (e.server_side() || e.bad_token()) co_return SendResult::retry(0ms, e.what());
        const bool direct = m.row.person && !m.row.pair && !m.row.conversation;
        if (!direct || e.status != 403) co_return SendResult::failed(e.what());
        direct_room_gone = true;  // the person left their direct room: open a new one
    } catch (const NetworkError& e) {
        co_return SendResult::retry(0ms, e.what());
    }
    if (direct_room_gone) {
        auto forget = [person = *m.row.person](Store& s) { s.matrix.forget_direct_room(person); };
        co_await storage_.run(std::move(forget));
    }
    co_return SendResult::retry(0ms, "the direct room was left; a new one will be opened");
}

}  // namespace mentorbot
