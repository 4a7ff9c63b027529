// Builds the Xapian query for a parsed learner query, with the same analyzers as indexing.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "agora/analyzers/analyzer.hpp"
#include "agora/index/query_syntax.hpp"

namespace agora::index {

/// The terms a query looks for, so that snippets can mark them.
struct QueryTerms {
  std::set<std::string> exact;
  std::set<std::string> folded;
  std::set<std::string> stems;  ///< stems in `stem_language`
  std::string stem_language;

  /// Adds the terms of `other`, whose stems (if it has any) are in `stem_language` too.
  void add(const QueryTerms& other);
};

struct BuiltQuery {
  Xapian::Query query;                 ///< `matching`, restricted
  Xapian::Query matching;              ///< what the words ask for, before exclusions and filters
  Xapian::Query excluded;              ///< -word and -field:value clauses, OR-ed; empty when none
  std::vector<Xapian::Query> filters;  ///< one per facet, AND-ed
  /// `query` without the documents excluded and outside the filters.
  Xapian::Query restricted(Xapian::Query query) const;

  QueryTerms terms;
  std::vector<std::string> words;   ///< exact terms of positive word clauses, for spelling
  std::size_t positive_groups = 0;  ///< groups that all had to match (AND-ed)
};

/// `filters` maps facet names ("language", "type", ...) to accepted values (OR within a
/// facet, AND across facets). With `any_word`, positive groups are OR-ed instead of AND-ed.
BuiltQuery build_query(const std::vector<QueryClause>& clauses, const analyzers::Analyzer& analyzer,
                       const std::map<std::string, std::vector<std::string>>& filters,
                       bool any_word);

/// `parts` joined by `op`: an empty query for none, the part itself for one.
Xapian::Query combine_queries(Xapian::Query::op op, const std::vector<Xapian::Query>& parts);

/// One word as the index may hold it: its exact form, its accent-free form and its stem in
/// the analyzer's language, OR-ed.
Xapian::Query word_forms_query(const analyzers::Token& token, const analyzers::Analyzer& analyzer);

/// The boolean filter term for a facet value ("type", "Video" → "XTYPEvideo"); empty when
/// the facet is unknown.
std::string filter_term(const std::string& facet, const std::string& value);

}  // namespace agora::index
