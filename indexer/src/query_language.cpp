// Naive Bayes over stems, with the index as the language model.
#include "agora/index/query_language.hpp"

#include <cmath>

#include "agora/index/index_schema.hpp"

namespace agora::index {
namespace {

namespace schema = agora::index::schema;

// Evidence a language must add over the learner's own, in natural log units per word, to
// be taken as the query's language: a word or two that both languages use (a product
// name, "Debian") must not move a query away from the learner's language.
constexpr double kMargin = 0.15;

// The score of a language the words give no evidence for.
constexpr double kNoEvidence = -1e9;

}  // namespace

std::vector<std::pair<std::string, Xapian::doccount>> primary_languages(
    const Xapian::Database& database) {
  // Primary language filter terms are "L" + a tag without a region ("Lfr", "Lpt").
  std::vector<std::pair<std::string, Xapian::doccount>> out;
  const std::string prefix(schema::kLanguage);
  for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) {
    std::string language = (*term).substr(prefix.size());
    if (language.empty() || language.find('-') != std::string::npos || language == "und") continue;
    out.emplace_back(std::move(language), term.get_termfreq());
  }
  return out;
}

QueryLanguageGuesser::QueryLanguageGuesser(const Xapian::Database& database,
                                           const analyzers::Registry& registry,
                                           Xapian::doccount min_documents)
    : database_(database) {
  for (const auto& [language, documents] : primary_languages(database)) {
    if (documents < min_documents) continue;
    const analyzers::Analyzer& analyzer = registry.for_tag(language);
    if (analyzer.stemmer().empty()) continue;
    candidates_.push_back({language, &analyzer, documents});
  }
}

double QueryLanguageGuesser::log_likelihood(const Candidate& candidate, const std::string& query,
                                            double to_beat) const {
  std::vector<std::string> stems;
  // Every word counts, stopwords too: judged at query time, each language would drop its
  // own stopwords ("the", "and") and leave them as evidence for every other language,
  // whose documents may well contain English words.
  for (const analyzers::Token& token :
       candidate.analyzer->analyze(query, analyzers::Purpose::index)) {
    if (token.kind != analyzers::TokenKind::part && !token.stem.empty()) {
      stems.push_back(schema::stem_term(candidate.analyzer->language(), token.stem));
    }
  }
  if (stems.empty()) return kNoEvidence;
  // Every word adds a logarithm of a share, at most 0: once the sum falls below what the
  // best language so far scored, the words left cannot lift it back, and the index is
  // not asked about them.
  const double floor = to_beat * static_cast<double>(stems.size());
  double total = 0;
  std::size_t known = 0;
  for (const std::string& stem : stems) {
    const Xapian::doccount frequency = database_.get_termfreq(stem);
    known += frequency > 0;
    total += std::log((frequency + 0.5) / (candidate.documents + 1.0));
    if (total < floor) return kNoEvidence;
  }
  // A language whose documents lack most of the words is no evidence at all, even when
  // it is the only one the index holds: a Thai query in an English-only index stays Thai.
  if (known * 2 < stems.size()) return kNoEvidence;
  return total / static_cast<double>(stems.size());
}

std::string QueryLanguageGuesser::guess(const std::string& query,
                                        const std::string& learner) const {
  const Candidate* learner_candidate = nullptr;
  for (const Candidate& candidate : candidates_) {
    if (candidate.language == learner) learner_candidate = &candidate;
  }
  // Another language must beat the learner's by the margin.
  double to_beat = learner_candidate
                       ? log_likelihood(*learner_candidate, query, kNoEvidence) + kMargin
                       : kNoEvidence;
  const Candidate* best = nullptr;
  for (const Candidate& candidate : candidates_) {
    if (&candidate == learner_candidate) continue;
    const double score = log_likelihood(candidate, query, to_beat);
    if (score > to_beat) {
      to_beat = score;
      best = &candidate;
    }
  }
  return best ? best->language : learner;
}

}  // namespace agora::index
