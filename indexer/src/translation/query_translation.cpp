// Query words → dictionary alternatives → one synonym group per word.
#include "translation/query_translation.hpp"

#include <algorithm>

#include "agora/index/index_schema.hpp"

namespace agora::index {
namespace {

namespace schema = agora::index::schema;
using analyzers::Purpose;
using analyzers::Token;
using analyzers::TokenKind;

// The longest dictionary entry tried, in words.
constexpr std::size_t kLongestEntry = 3;

std::vector<Token> whole_words(std::string_view text, const analyzers::Analyzer& analyzer) {
  std::vector<Token> out;
  for (Token& token : analyzer.analyze(text, Purpose::query)) {
    if (token.kind != TokenKind::part && !token.stem.empty()) out.push_back(std::move(token));
  }
  return out;
}

}  // namespace

bool QueryTranslation::any_translated() const {
  return std::any_of(words.begin(), words.end(),
                     [](const TranslatedWord& word) { return !word.alternatives.empty(); });
}

std::string QueryTranslation::text() const {
  std::string out;
  for (const TranslatedWord& word : words) {
    if (!out.empty()) out += ' ';
    out += word.alternatives.empty() ? word.source : word.alternatives.front();
  }
  return out;
}

QueryTranslation translate_query(std::string_view text, const analyzers::Analyzer& source,
                                 const analyzers::Analyzer& target,
                                 const Dictionaries& dictionaries) {
  QueryTranslation translation;
  const std::string from = source.language().substr(0, source.language().find('-'));
  translation.language = target.language().substr(0, target.language().find('-'));
  const std::vector<Token> tokens = whole_words(text, source);
  for (std::size_t i = 0; i < tokens.size();) {
    TranslatedWord word;
    std::size_t taken = 1;
    for (std::size_t length = std::min(kLongestEntry, tokens.size() - i); length >= 1; --length) {
      std::vector<std::string> stems;
      std::vector<std::string> terms;
      for (std::size_t j = i; j < i + length; ++j) {
        stems.push_back(tokens[j].stem);
        terms.push_back(tokens[j].term);
      }
      const std::string key = lexicon_key(stems, terms);
      word.alternatives =
          dictionaries.translate(from, translation.language, key, kAlternativesPerWord);
      if (!word.alternatives.empty() || length == 1) {
        taken = length;
        break;
      }
    }
    for (std::size_t j = i; j < i + taken; ++j) word.source += (j > i ? " " : "") + tokens[j].term;
    translation.words.push_back(std::move(word));
    i += taken;
  }
  return translation;
}

void keep_alternatives_in(QueryTranslation& translation, const analyzers::Analyzer& target,
                          const Xapian::Database& database) {
  const bool stemmed = !target.stemmer().empty();
  for (TranslatedWord& word : translation.words) {
    std::vector<std::pair<Xapian::doccount, std::string>> held;
    for (std::string& alternative : word.alternatives) {
      // An alternative of several words counts as often as its rarest word.
      Xapian::doccount frequency = 0;
      bool first = true;
      for (const Token& token : whole_words(alternative, target)) {
        Xapian::doccount mine = database.get_termfreq(token.term);
        if (stemmed) {
          mine = std::max(mine,
                          database.get_termfreq(schema::stem_term(target.language(), token.stem)));
        }
        frequency = first ? mine : std::min(frequency, mine);
        first = false;
      }
      if (frequency > 0) held.emplace_back(frequency, std::move(alternative));
    }
    std::stable_sort(held.begin(), held.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    word.alternatives.clear();
    for (auto& [frequency, alternative] : held) word.alternatives.push_back(std::move(alternative));
  }
}

Xapian::Query translation_query(const QueryTranslation& translation,
                                const analyzers::Analyzer& target, bool every_word,
                                QueryTerms& terms) {
  std::vector<Xapian::Query> groups;
  for (const TranslatedWord& word : translation.words) {
    std::vector<Xapian::Query> alternatives;
    auto add = [&](const std::string& text, bool remember) {
      std::vector<Xapian::Query> parts;
      for (const Token& token : whole_words(text, target)) {
        if (remember) {
          terms.exact.insert(token.term);
          terms.folded.insert(token.folded);
        }
        parts.push_back(word_forms_query(token, target));
      }
      if (!parts.empty()) alternatives.push_back(combine_queries(Xapian::Query::OP_AND, parts));
    };
    for (const std::string& alternative : word.alternatives) add(alternative, true);
    add(word.source, false);
    if (alternatives.empty()) continue;
    groups.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
  }
  return combine_queries(every_word ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, groups);
}

}  // namespace agora::index
