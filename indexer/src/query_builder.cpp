// Query clauses → Xapian::Query: exact, folded and stemmed alternatives per word.
#include "query_builder.hpp"

#include <algorithm>

#include "agora/index/index_schema.hpp"

namespace agora::index {
namespace {

namespace schema = agora::index::schema;
using analyzers::Purpose;
using analyzers::Token;
using analyzers::TokenKind;
using analyzers::TokenList;

// How many index terms one prefix* may expand to.
constexpr Xapian::termcount kMaxPrefixExpansion = 50;

class Builder {
 public:
  Builder(const analyzers::Analyzer& analyzer, BuiltQuery& built)
      : analyzer_(analyzer), built_(built) {
    built_.terms.stem_language = analyzer.language();
  }

  // One word: its exact form, its accent-free form and, in the learner's language, its stem.
  Xapian::Query word(const Token& token, const std::string& field, bool remember) {
    if (remember) {
      built_.terms.exact.insert(token.term);
      built_.terms.folded.insert(token.folded);
      built_.terms.stems.insert(token.stem);
    }
    if (field == "title") return Xapian::Query(schema::term(schema::kTitle, token.term));
    if (field == "subject") return Xapian::Query(schema::term(schema::kKeyword, token.term));
    return word_forms_query(token, analyzer_);
  }

  // All words of a clause must match (a CJK clause is often several words).
  Xapian::Query words(const TokenList& tokens, const std::string& field, bool remember,
                      bool prefix) {
    std::vector<Xapian::Query> parts;
    std::vector<const Token*> wholes;
    for (const Token& token : tokens) {
      if (token.kind != TokenKind::part) wholes.push_back(&token);
    }
    for (std::size_t i = 0; i < wholes.size(); ++i) {
      const Token& token = *wholes[i];
      if (prefix && i + 1 == wholes.size()) {
        parts.push_back(prefix_query(token, field));
      } else {
        parts.push_back(word(token, field, remember));
      }
    }
    return combine_queries(Xapian::Query::OP_AND, parts);
  }

  Xapian::Query phrase(const TokenList& tokens, const std::string& field, bool remember) {
    std::vector<Xapian::Query> terms;
    for (const Token& token : tokens) {
      if (token.kind == TokenKind::part) continue;
      if (remember) {
        built_.terms.exact.insert(token.term);
        built_.terms.folded.insert(token.folded);
      }
      terms.emplace_back(field == "title"     ? schema::term(schema::kTitle, token.term)
                         : field == "subject" ? schema::term(schema::kKeyword, token.term)
                                              : token.term);
    }
    if (terms.size() <= 1) return combine_queries(Xapian::Query::OP_AND, terms);
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
  }

  Xapian::Query prefix_query(const Token& token, const std::string& field) {
    built_.terms.exact.insert(token.term);  // marks the typed part in snippets
    const std::string_view prefix = field == "title"     ? schema::kTitle
                                    : field == "subject" ? schema::kKeyword
                                                         : std::string_view();
    std::vector<Xapian::Query> forms{
        Xapian::Query(Xapian::Query::OP_WILDCARD, schema::term(prefix, token.term),
                      kMaxPrefixExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT)};
    if (prefix.empty()) {
      forms.emplace_back(Xapian::Query::OP_WILDCARD, schema::term(schema::kFolded, token.folded),
                         kMaxPrefixExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      // Words without accents have no F term: "cafe*" must also find plain "cafeteria".
      if (token.folded != token.term) {
        forms.emplace_back(Xapian::Query::OP_WILDCARD, token.folded, kMaxPrefixExpansion,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      }
    }
    return combine_queries(Xapian::Query::OP_OR, forms);
  }

 private:
  const analyzers::Analyzer& analyzer_;
  BuiltQuery& built_;
};

bool is_filter_field(const std::string& field) {
  const schema::FilterField* found = schema::filter_field(field);
  return found && found->query_field == field;
}

// Plain positive word clauses are analysed together, so that stopwords are judged
// against the whole query ("the history of co-ops" drops "the" and "of").
std::map<std::size_t, TokenList> analyse_plain_clauses(const std::vector<QueryClause>& clauses,
                                                       const analyzers::Analyzer& analyzer) {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // clause index, start offset
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const QueryClause& clause = clauses[i];
    if (clause.kind != QueryClause::Kind::words || clause.excluded || clause.prefix ||
        !clause.field.empty()) {
      continue;
    }
    ranges.emplace_back(i, text.size());
    text += clause.text;
    text += '\n';
  }
  std::map<std::size_t, TokenList> by_clause;
  for (Token& token : analyzer.analyze(text, Purpose::query)) {
    auto owner = std::upper_bound(
        ranges.begin(), ranges.end(), token.begin,
        [](std::size_t offset, const auto& range) { return offset < range.second; });
    by_clause[std::prev(owner)->first].push_back(std::move(token));
  }
  return by_clause;
}

}  // namespace

Xapian::Query combine_queries(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(op, parts.begin(), parts.end());
}

Xapian::Query word_forms_query(const Token& token, const analyzers::Analyzer& analyzer) {
  std::vector<Xapian::Query> forms{Xapian::Query(token.term)};
  for (std::string& folded : schema::folded_terms(token.term, token.folded)) {
    forms.emplace_back(std::move(folded));
  }
  if (!analyzer.stemmer().empty()) {
    forms.emplace_back(schema::stem_term(analyzer.language(), token.stem));
  }
  return combine_queries(Xapian::Query::OP_OR, forms);
}

std::string filter_term(const std::string& facet, const std::string& value) {
  const schema::FilterField* field = schema::filter_field(facet);
  return field ? schema::filter_term(field->prefix, value) : std::string();
}

BuiltQuery build_query(const std::vector<QueryClause>& clauses, const analyzers::Analyzer& analyzer,
                       const std::map<std::string, std::vector<std::string>>& filters,
                       bool any_word) {
  BuiltQuery built;
  Builder builder(analyzer, built);
  const std::map<std::size_t, TokenList> plain = analyse_plain_clauses(clauses, analyzer);

  std::vector<std::vector<Xapian::Query>> groups;  // OR inside a group, AND across
  std::vector<Xapian::Query> excluded;
  std::map<std::string, std::vector<Xapian::Query>> filter_terms;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const QueryClause& clause = clauses[i];
    if (is_filter_field(clause.field)) {
      const std::string term =
          filter_term(clause.field == "lang" ? "language" : clause.field, clause.text);
      if (clause.excluded) {
        excluded.emplace_back(term);  // -type:video leaves videos out
      } else {
        filter_terms[clause.field].emplace_back(term);
      }
      continue;
    }
    Xapian::Query query;
    if (auto found = plain.find(i); found != plain.end()) {
      query = builder.words(found->second, "", true, false);
      for (const Token& token : found->second) {
        if (token.kind != TokenKind::part) built.words.push_back(token.term);
      }
    } else if (plain.count(i) == 0 && clause.kind == QueryClause::Kind::words && !clause.excluded &&
               !clause.prefix && clause.field.empty()) {
      continue;  // nothing but stopwords or punctuation
    } else {
      const TokenList tokens = analyzer.analyze(clause.text, Purpose::index);
      query = clause.kind == QueryClause::Kind::phrase
                  ? builder.phrase(tokens, clause.field, !clause.excluded)
                  : builder.words(tokens, clause.field, !clause.excluded, clause.prefix);
    }
    if (query.empty()) continue;
    if (clause.excluded) {
      excluded.push_back(query);
    } else if (clause.or_with_previous && !groups.empty()) {
      groups.back().push_back(query);
    } else {
      groups.push_back({query});
    }
  }
  for (const auto& [facet, values] : filters) {
    for (const std::string& value : values) {
      const std::string term = filter_term(facet, value);
      if (!term.empty()) filter_terms[facet].emplace_back(term);
    }
  }

  std::vector<Xapian::Query> required;
  for (const auto& group : groups) required.push_back(combine_queries(Xapian::Query::OP_OR, group));
  built.positive_groups = required.size();
  built.matching =
      required.empty()
          ? Xapian::Query::MatchAll
          : combine_queries(any_word ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, required);
  built.excluded = combine_queries(Xapian::Query::OP_OR, excluded);
  for (const auto& [facet, terms] : filter_terms) {
    built.filters.push_back(combine_queries(Xapian::Query::OP_OR, terms));
  }
  built.query = built.restricted(built.matching);
  return built;
}

void QueryTerms::add(const QueryTerms& other) {
  exact.insert(other.exact.begin(), other.exact.end());
  folded.insert(other.folded.begin(), other.folded.end());
  stems.insert(other.stems.begin(), other.stems.end());
}

Xapian::Query BuiltQuery::restricted(Xapian::Query query) const {
  if (!excluded.empty()) query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, excluded);
  for (const Xapian::Query& filter : filters) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  }
  return query;
}

}  // namespace agora::index
