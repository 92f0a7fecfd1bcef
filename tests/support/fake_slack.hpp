// tests/support/fake_slack: Slack on loopback for tests and benchmarks — the Web API over HTTPS
// and Socket Mode over WSS on the test CA, speaking the shapes of shared/PROTOCOLS.md (hello,
// envelopes, acks, ok:false, HTTP 429 with Retry-After). Runs on its own thread; the methods below
// may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/test_ca.hpp"

namespace mentorbot::testing {

class FakeSlack {
  public:
    struct Ack {
        std::string envelope_id;
        std::optional<nlohmann::json> payload;  // empty when not kept (see keep_acks)
        bool answered = false;                  // the ack carried a payload
        int link = 0;                           // which link it came back on (1, 2, …)
        std::chrono::steady_clock::time_point at;
    };
    struct Call {
        std::string method;
        nlohmann::json args;
        std::chrono::steady_clock::time_point at;
        unsigned status = 200;  // 429 when it was rate limited
        bool ok = true;
    };

    FakeSlack(const ServerCertificate& certificate, std::string app_token, std::string bot_token);
    ~FakeSlack();

    std::string api_url() const;  // https://127.0.0.1:<port>/api

    // Socket Mode. Frames go to the newest link that said hello.
    // Waits until `count` links have been opened (and greeted) in all.
    bool wait_for_links(int count, std::chrono::milliseconds timeout);
    int links_opened();
    int links_open();
    int most_links_open();     // the most that were open at one time
    int refused_handshakes();  // TLS handshakes the client gave up (e.g. distrusting us)
    bool wait_for_refusals(int count, std::chrono::milliseconds timeout);
    // A slash command envelope as Slack sends it; `text` is the wire text (already escaped the way
    // Slack escapes it). Returns the envelope id (or uses the one given).
    std::string send_slash(const std::string& text, const std::string& user = "U111",
                           const std::string& channel = "C111", std::string envelope_id = "");
    // Several slash commands due at the same moment, sent together (one TLS record, one write),
    // as Slack's side does with envelopes that are ready at once. Each needs its envelope id.
    struct Slash {
        std::string text, user, channel, envelope_id;
    };
    void send_slashes(const std::vector<Slash>& commands);
    void send_raw(const std::string& frame);
    void send_disconnect(const std::string& reason);
    void freeze_newest();  // stops reading: no pongs, no acks read (a half-open link)
    void drop_newest();    // closes TCP without a close handshake
    std::optional<Ack> wait_for_ack(const std::string& envelope_id,
                                    std::chrono::milliseconds timeout);
    std::vector<Ack> acks();
    // Called on the fake's thread for every ack (benchmarks drive their load from it).
    void on_ack(std::function<void(const Ack&)> callback);
    // For benchmarks: with false, acks go to on_ack's callback only — not kept for acks() and
    // wait_for_ack(), their payloads seen but not built — so the fake's bookkeeping does not
    // weigh on the figures. Tests leave it on.
    void keep_acks(bool keep);

    // Web API. Every call is recorded, including refused ones.
    std::vector<Call> calls(const std::string& method);
    bool wait_for_calls(const std::string& method, std::size_t count,
                        std::chrono::milliseconds timeout);
    // The next call of `method` is answered HTTP 429 with this Retry-After.
    void rate_limit_next(const std::string& method, int retry_after_seconds);
    void set_zone(const std::string& user, const std::string& zone);
    // Bodies posted to response_url.
    std::vector<nlohmann::json> responses();
    bool wait_for_responses(std::size_t count, std::chrono::milliseconds timeout);

    struct Server;

  private:
    template <class Done>
    bool wait(std::chrono::milliseconds timeout, Done done);

    std::unique_ptr<Server> server_;
};

}  // namespace mentorbot::testing
