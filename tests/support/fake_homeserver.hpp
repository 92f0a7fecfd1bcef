// tests/support/fake_homeserver: a Matrix homeserver on loopback (plain HTTP or TLS on the test
// CA), on its own thread, speaking the client-server API of PROTOCOLS.md with Synapse's habits:
// invites in the first sync, pre-join history after a join, events repeated in a timeline, the
// bot's own events echoed, per-token transaction ids, 429s and 5xx on demand.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/test_ca.hpp"

namespace mentorbot::testing {

class FakeHomeserver {
  public:
    // Plain HTTP, or TLS with `certificate`.
    explicit FakeHomeserver(std::optional<ServerCertificate> certificate = std::nullopt);
    ~FakeHomeserver();  // stops the server thread
    FakeHomeserver(const FakeHomeserver&) = delete;
    FakeHomeserver& operator=(const FakeHomeserver&) = delete;

    std::string url() const;
    static constexpr const char* kServer = "fake.test";
    static constexpr const char* kBot = "@mentorbot:fake.test";
    static constexpr const char* kBotPassword = "correct horse";

    // --- accounts ---
    std::string issue_token(const std::string& user, const std::string& device);  // pre-issued
    void revoke_tokens();  // every token logs out (401 M_UNKNOWN_TOKEN)
    int logins() const;
    std::set<std::string> devices() const;                    // devices logins created or reused
    std::vector<std::string> login_device_ids_asked() const;  // device_id sent with each /login

    // --- what people do ---
    std::string create_room(const std::string& creator,
                            const std::vector<std::string>& joined = {});
    void invite(const std::string& room, const std::string& inviter, const std::string& invitee);
    void join(const std::string& room, const std::string& user);
    std::string say(const std::string& room, const std::string& sender, const std::string& body,
                    const std::string& msgtype = "m.text");
    // The next timelines that carry this event carry it twice.
    void repeat_in_timeline(const std::string& event_id);
    void set_display_name(const std::string& user, const std::string& name);

    // --- what the bot did ---
    struct Message {
        std::string event_id, sender, msgtype, body, html;
    };
    std::vector<Message> messages(const std::string& room) const;
    std::vector<Message> notices_from_bot(const std::string& room) const;  // m.notice only
    std::string membership(const std::string& room, const std::string& user) const;
    // Rooms the bot created, with who it invited and the preset it asked for.
    struct CreatedRoom {
        std::string room_id, preset;
        std::vector<std::string> invited;
        bool direct = false;
    };
    std::vector<CreatedRoom> created_rooms() const;
    int sync_requests() const;
    std::string first_sync_filter() const;  // the inline filter of the last sync without `since`
    int send_requests() const;              // PUT …/send/… requests, repeats included
    std::size_t requests_matching(const std::string& path_part) const;

    // --- faults ---
    // The next request whose path contains `path_part` gets this answer instead.
    void fail_next(const std::string& path_part, unsigned status, const std::string& body,
                   const std::string& retry_after = {});
    // The next send is stored, then the connection is closed without an answer.
    void drop_next_send_answer();
    // The next send is stored, and its answer never comes (the bot goes down meanwhile).
    void stall_next_send_answer();

  private:
    struct Event;
    struct Room;
    struct Fault {
        std::string path_part;
        unsigned status;
        std::string body, retry_after;
    };
    struct Answer {
        unsigned status = 200;
        std::string body = "{}";
        std::string retry_after;
        bool drop = false;   // close the connection without answering
        bool stall = false;  // never answer
    };
    struct Request {
        std::string method, path, query, body, token;
    };

    boost::asio::awaitable<void> accept();
    boost::asio::awaitable<void> connection(boost::asio::ip::tcp::socket socket);
    template <class Stream>
    boost::asio::awaitable<void> serve(Stream& stream);
    boost::asio::awaitable<Answer> handle(Request request);
    boost::asio::awaitable<Answer> sync(const Request& request, const std::string& user);
    Answer route(const Request& request, const std::string& user, const std::string& device,
                 const std::string& token);
    std::optional<std::string> sync_answer(const std::string& user, std::size_t first_limit,
                                           std::optional<long> since) const;
    std::string append(const std::string& room, const std::string& type, const std::string& sender,
                       const std::string& content, std::optional<std::string> state_key);
    std::string event_json(const Event& e) const;
    void changed();          // wakes long-polls; on the server thread with the lock held
    void changed_outside();  // the same, from a test's thread

    mutable std::mutex mutex_;
    boost::asio::io_context io_{1};  // run by the fake's one thread
    std::optional<boost::asio::ssl::context> tls_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::vector<Event> stream_;
    std::map<std::string, Room> rooms_;
    std::map<std::string, std::pair<std::string, std::string>> tokens_;  // token -> user, device
    std::map<std::pair<std::string, std::string>, std::string> txns_;    // (token, txn) -> event
    std::set<std::string> repeated_;
    std::map<std::string, std::string> display_names_;
    std::vector<Fault> faults_;
    std::vector<CreatedRoom> created_;
    std::set<std::string> devices_;
    std::vector<std::string> device_ids_asked_;
    std::vector<std::string> request_log_;
    std::string first_sync_filter_;
    bool drop_next_send_ = false, stall_next_send_ = false;
    int logins_ = 0, next_id_ = 0, syncs_ = 0, sends_ = 0;
    std::set<boost::asio::steady_timer*> waiting_;
    std::thread thread_;
};

}  // namespace mentorbot::testing
