// handlers/agreement_terms: the fields of a mentorship agreement and what its versions add up
// to — the current text, who signed which version, and whether coordinators may read the pair.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/store.hpp"

namespace mentorbot {

struct AgreementField {
    enum class Kind { text, date, sharing };
    std::string_view name;   // as typed after `agreement set`
    std::string_view title;  // as shown: "Out of scope"
    Kind kind = Kind::text;
};

std::span<const AgreementField> agreement_fields();  // in the order the agreement is shown
const AgreementField* find_agreement_field(std::string_view name);  // case-insensitive

// The values of the `sharing` field.
inline constexpr std::string_view kSharePrivate = "private";
inline constexpr std::string_view kShareWithCoordinators = "coordinator";

struct AgreementTerms {
    std::vector<AgreementChange> changes;  // oldest first
    std::vector<AgreementSignature> signatures;

    int version() const;  // 0 while nothing is recorded
    // The field's value as of `version` (the current one when 0).
    std::optional<std::string> value(std::string_view field, int version = 0) const;
    bool signed_by(PersonId person, int version) const;
    std::optional<Instant> signed_at(PersonId person, int version) const;
    bool signed_by_both(const Pair& pair, int version) const;
    int last_version_signed_by_both(const Pair& pair) const;  // 0 when none
};

AgreementTerms load_agreement(Store& store, const Pair& pair);

// Coordinators read the pair's content only while the current agreement says
// `sharing: coordinator` and the last version both members signed said so too: either member
// can close the pair at once, opening it takes both signatures.
bool terms_share_with_coordinators(const AgreementTerms& terms, const Pair& pair);

}  // namespace mentorbot
