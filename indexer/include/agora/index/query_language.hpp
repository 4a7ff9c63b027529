// Which language a query is written in, judged by the index's own vocabulary.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "agora/analyzers/registry.hpp"

namespace agora::index {

/// The primary language tags the index holds documents in ("fr", never "fr-CA" nor
/// "und"), each with its number of documents, in tag order.
std::vector<std::pair<std::string, Xapian::doccount>> primary_languages(
    const Xapian::Database& database);

/// Tells the language of a few words from how often each language's documents use them.
/// A language detector trained on prose (CLD2) guesses badly on three words; the index
/// knows, for each language it holds, how many of its documents contain each stem
/// (schema::stem_term), which is the evidence that matters for finding them.
class QueryLanguageGuesser {
 public:
  /// Reads the languages of `database`: those with a stemmer and at least `min_documents`.
  QueryLanguageGuesser(const Xapian::Database& database, const analyzers::Registry& registry,
                       Xapian::doccount min_documents = 5);

  /// The primary language tag whose documents make the words of `query` likeliest, or
  /// `learner` when the learner's own language explains them as well (or when no
  /// language has evidence). Each word counts as the smoothed share of that language's
  /// documents containing its stem.
  std::string guess(const std::string& query, const std::string& learner) const;

 private:
  struct Candidate {
    std::string language;  ///< primary tag
    const analyzers::Analyzer* analyzer = nullptr;
    Xapian::doccount documents = 0;
  };
  /// The mean log share of `candidate`'s documents that contain each word's stem, or a
  /// very low number as soon as it cannot exceed `to_beat`.
  double log_likelihood(const Candidate& candidate, const std::string& query, double to_beat) const;

  const Xapian::Database& database_;
  std::vector<Candidate> candidates_;
};

}  // namespace agora::index
