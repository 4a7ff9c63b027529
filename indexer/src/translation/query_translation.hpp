// Structured query translation: each word of a query becomes one group of alternatives in
// the target language, so that a word with eight senses weighs as much as a word with one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "agora/analyzers/analyzer.hpp"
#include "agora/index/dictionaries.hpp"
#include "query_builder.hpp"

namespace agora::index {

/// One word (or a multi-word dictionary entry) of the query and what it became.
struct TranslatedWord {
  std::string source;                     ///< the query's word(s), normalised
  std::vector<std::string> alternatives;  ///< target-language text; empty: no entry
};

struct QueryTranslation {
  std::string language;  ///< target, a primary tag
  std::vector<TranslatedWord> words;

  /// Whether the dictionaries knew at least one word.
  bool any_translated() const;
  /// What the query became, for people: each word's first alternative, or the word
  /// itself where no dictionary had it ("configuration réseau").
  std::string text() const;
};

/// How many alternatives one word may bring: the first senses are the common ones.
inline constexpr std::size_t kAlternativesPerWord = 8;

/// Translates `text` (in `source`'s language) into `target`'s. Entries of up to three
/// words are tried before single words ("package manager" before "package").
QueryTranslation translate_query(std::string_view text, const analyzers::Analyzer& source,
                                 const analyzers::Analyzer& target,
                                 const Dictionaries& dictionaries);

/// Keeps, of each word's alternatives, those that `database` holds (by exact form or stem
/// in the target language), most used first, so that the query and the text shown name
/// "réseau" rather than "filet" for "network".
void keep_alternatives_in(QueryTranslation& translation, const analyzers::Analyzer& target,
                          const Xapian::Database& database);

/// The Xapian query for a translation: per word, OP_SYNONYM over its alternatives and the
/// word as typed (names and technical words often stay the same); the groups AND-ed with
/// `every_word`, else OR-ed. Marks the alternatives' words in `terms` for snippets.
Xapian::Query translation_query(const QueryTranslation& translation,
                                const analyzers::Analyzer& target, bool every_word,
                                QueryTerms& terms);

}  // namespace agora::index
