// Language boosts as fixed-weight posting sources filtered by language terms.
#include "language_boosts.hpp"

#include "agora/index/index_schema.hpp"

namespace agora::index {

std::string primary_subtag(const std::string& tag) { return tag.substr(0, tag.find('-')); }

Xapian::Query language_boost(double weight, const Xapian::Query& filter) {
  auto* fixed = new Xapian::FixedWeightPostingSource(weight);
  return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()), filter);
}

Xapian::Query learner_language_boost(const std::string& primary, bool whole_works) {
  Xapian::Query in_language(schema::filter_term(schema::kLanguage, primary));
  if (whole_works) {
    in_language = Xapian::Query(Xapian::Query::OP_OR, in_language,
                                Xapian::Query(schema::filter_term(schema::kWorkLanguage, primary)));
  }
  return language_boost(kLearnerLanguageBoost, in_language);
}

}  // namespace agora::index
