// tests/support/harness: runs commands as people against a fresh in-memory store, on a clock the
// test moves by hand; reads back what each person was answered and what was queued.
#pragma once

#include <string>
#include <vector>

#include "handlers/dispatch.hpp"
#include "handlers/document.hpp"
#include "handlers/when.hpp"
#include "storage/store.hpp"

namespace mentorbot::testing {

inline Instant at(const std::string& utc_iso) {  // "2026-11-02 09:00"
    std::istringstream in(utc_iso);
    date::sys_seconds t;
    in >> date::parse("%F %H:%M", t);
    return t;
}

struct Harness {
    Store store{":memory:"};
    Settings settings;
    Instant now = at("2026-11-02 09:00");
    Platform platform = Platform::console;
    std::string conversation = "lobby";

    struct Said {
        bool ok;
        std::string text;                            // the plain answer
        std::vector<std::string> plans_changed_for;  // whose overviews (App Home) changed
    };

    Said run(const std::string& who, const std::string& text) {
        Command c;
        c.platform = platform;
        c.conversation = conversation;
        c.user = who;
        c.user_name = who;
        c.text = text;
        Dispatched d = dispatch(c, store, settings, now);
        return {d.ok, render_plain(d.answer), d.plans_changed_for};
    }

    // Everything queued and not yet taken, as "where: text", marking it sent.
    std::vector<std::string> take_posts() {
        std::vector<std::string> out;
        for (auto& m : store.outbox.due(platform, now, 1000)) {
            std::string where = m.pair ? "pair " + std::to_string(m.pair->value)
                                       : "dm " + store.people.find(*m.person)->platform_user;
            out.push_back(where + ": " + render_plain(deserialize_document(m.body)));
            store.outbox.mark_sent(m.id, now, "test");
        }
        return out;
    }
};

}  // namespace mentorbot::testing
