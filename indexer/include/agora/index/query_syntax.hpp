// The learner's query language: words, "phrases", -exclusions, OR, field:value, prefix*.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace agora::index {

/// One clause of a query as the learner typed it.
struct QueryClause {
  enum class Kind { words, phrase };
  Kind kind = Kind::words;
  std::string text;               ///< the words or the phrase, without quotes or operators
  std::string field;              ///< "title", "subject", "type", "lang", "license", "level",
                                  ///< "collection"; empty for the whole record
  bool excluded = false;          ///< written with a leading '-'
  bool prefix = false;            ///< written with a trailing '*'
  bool or_with_previous = false;  ///< an OR stood between this clause and the previous one
};

/// Field names accepted before a colon.
bool is_query_field(std::string_view name);

/// Splits a query into clauses. Never fails: an unclosed quote, a lone '-' or an unknown
/// "field:" is read as plain words, so any input is a query.
std::vector<QueryClause> parse_query(std::string_view query);

}  // namespace agora::index
