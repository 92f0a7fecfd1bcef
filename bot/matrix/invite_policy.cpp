// bot/matrix/invite_policy: whose invites the bot accepts.
#include "bot/matrix/invite_policy.hpp"

#include <fnmatch.h>

namespace mentorbot::matrix {

bool invite_allowed(const std::vector<std::string>& allowed, const std::string& inviter) {
    if (allowed.empty()) return true;
    if (inviter.empty()) return false;
    const auto colon = inviter.find(':');
    const std::string server =
        colon == std::string::npos ? std::string{} : inviter.substr(colon + 1);
    for (const std::string& glob : allowed) {
        const bool names_user = !glob.empty() && glob.front() == '@';
        const std::string& subject = names_user ? inviter : server;
        if (!subject.empty() && fnmatch(glob.c_str(), subject.c_str(), 0) == 0) return true;
    }
    return false;
}

}  // namespace mentorbot::matrix
