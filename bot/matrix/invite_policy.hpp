// bot/matrix/invite_policy: whose invites the bot accepts (MATRIX_ALLOWED globs).
#pragma once

#include <string>
#include <vector>

namespace mentorbot::matrix {

// Empty `allowed`: everyone. Otherwise a glob matches the inviter's user id ("@*:example.org",
// "@carol:example.org") or, when it names no user ("example.org", "*.example.org"), the server.
bool invite_allowed(const std::vector<std::string>& allowed, const std::string& inviter);

}  // namespace mentorbot::matrix
