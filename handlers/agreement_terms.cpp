// handlers/agreement_terms: the fields of a mentorship agreement and what its versions add up
// to — the current text, who signed which version, and whether coordinators may read the pair.
#include "handlers/agreement_terms.hpp"

#include "handlers/similarity.hpp"

namespace mentorbot {
namespace {

using Kind = AgreementField::Kind;

constexpr AgreementField kFields[] = {
    {"purpose", "Purpose", Kind::text},
    {"scope", "Scope", Kind::text},
    {"out-of-scope", "Out of scope", Kind::text},
    {"cadence", "Cadence", Kind::text},
    {"logistics", "Logistics", Kind::text},
    {"communication", "Communication", Kind::text},
    {"boundaries", "Boundaries", Kind::text},
    {"confidentiality", "Confidentiality", Kind::text},
    {"success", "Success", Kind::text},
    {"timeline", "Timeline", Kind::text},
    {"review", "Review date", Kind::date},
    {"sharing", "Sharing", Kind::sharing},
};

}  // namespace

std::span<const AgreementField> agreement_fields() {
    return kFields;
}

const AgreementField* find_agreement_field(std::string_view name) {
    const std::string n = ascii_lower(name);
    for (const AgreementField& f : kFields)
        if (f.name == n) return &f;
    return nullptr;
}

int AgreementTerms::version() const {
    return changes.empty() ? 0 : changes.back().version;
}

std::optional<std::string> AgreementTerms::value(std::string_view field, int version) const {
    std::optional<std::string> out;
    for (const AgreementChange& c : changes) {
        if (version > 0 && c.version > version) break;
        if (c.field == field) out = c.value;
    }
    return out;
}

std::optional<Instant> AgreementTerms::signed_at(PersonId person, int version) const {
    for (const AgreementSignature& s : signatures)
        if (s.version == version && s.person == person) return s.at;
    return std::nullopt;
}

bool AgreementTerms::signed_by(PersonId person, int version) const {
    return signed_at(person, version).has_value();
}

bool AgreementTerms::signed_by_both(const Pair& pair, int version) const {
    return signed_by(pair.mentor, version) && signed_by(pair.mentee, version);
}

int AgreementTerms::last_version_signed_by_both(const Pair& pair) const {
    for (int v = version(); v > 0; --v)
        if (signed_by_both(pair, v)) return v;
    return 0;
}

AgreementTerms load_agreement(Store& store, const Pair& pair) {
    return AgreementTerms{store.agreements.changes(pair.id), store.agreements.signatures(pair.id)};
}

bool terms_share_with_coordinators(const AgreementTerms& terms, const Pair& pair) {
    const int agreed = terms.last_version_signed_by_both(pair);
    return agreed > 0 && terms.value("sharing") == kShareWithCoordinators &&
           terms.value("sharing", agreed) == kShareWithCoordinators;
}

}  // namespace mentorbot
