// The weights that put the learner's language first, and the query's own language next,
// made of Xapian's built-in classes only so that a remote backend can carry them.
#pragma once

#include <string>

#include <xapian.h>

namespace agora::index {

/// "pt-BR" → "pt".
std::string primary_subtag(const std::string& tag);

// Added to the weight of every document in the learner's language: more than BM25 and the
// rating boost can ever add up to, so those documents rank before all others and
// collapsing keeps the learner's version of a work, while relevance decides within each
// group. A weight, unlike a sort key, leaves Xapian free to skip documents that cannot
// reach the top k; and it is made of built-in classes only (a fixed-weight source filtered
// by the language term), which Xapian's remote backend can carry to shards.
inline constexpr double kLearnerLanguageBoost = 1e6;
// When the query is in another language than the learner's (query_language.hpp), its
// documents in that language come first within each of the two tiers above: the version
// that matched in the query's own words speaks for its work, rather than a version in a
// third language or a learner-language page that shares a word or two with the query.
// Both boosts are multiples of this one, which exceeds any BM25 score plus rating boost,
// so that the score shown is the weight modulo it.
inline constexpr double kQueryLanguageBoost = 1e5;

/// `weight` added to every document that `filter` matches.
Xapian::Query language_boost(double weight, const Xapian::Query& filter);

/// kLearnerLanguageBoost for documents in `primary`; with `whole_works`, also for every
/// version of a work that has one in it (schema::kWorkLanguage): such a work is then shown
/// in the learner's language (version_to_show), whichever version matched.
Xapian::Query learner_language_boost(const std::string& primary, bool whole_works);

}  // namespace agora::index
