// A forgiving reader for the query syntax: whatever is typed becomes some query.
#include "agora/index/query_syntax.hpp"

#include "agora/index/index_schema.hpp"

namespace agora::index {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

bool is_query_field(std::string_view name) {
  // The text fields, then the filter fields of the schema's one list.
  if (name == "title" || name == "subject") return true;
  const schema::FilterField* field = schema::filter_field(name);
  return field && field->query_field == name;
}

std::vector<QueryClause> parse_query(std::string_view query) {
  std::vector<QueryClause> clauses;
  bool pending_or = false;
  std::size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && is_space(query[i])) ++i;
    if (i >= query.size()) break;
    QueryClause clause;
    clause.or_with_previous = pending_or && !clauses.empty();
    pending_or = false;
    if (query[i] == '-' && i + 1 < query.size() && !is_space(query[i + 1])) {
      clause.excluded = true;
      ++i;
    }
    // field:value, where value may be a quoted phrase
    std::size_t word_end = i;
    while (word_end < query.size() && !is_space(query[word_end]) && query[word_end] != '"') {
      ++word_end;
    }
    const std::string_view word = query.substr(i, word_end - i);
    if (const std::size_t colon = word.find(':');
        colon != std::string_view::npos && is_query_field(word.substr(0, colon)) &&
        (colon + 1 < word.size() || (word_end < query.size() && query[word_end] == '"'))) {
      clause.field = word.substr(0, colon);
      i += colon + 1;
    }
    if (i < query.size() && query[i] == '"') {
      const std::size_t close = query.find('"', i + 1);
      if (close != std::string_view::npos) {
        clause.kind = QueryClause::Kind::phrase;
        clause.text = query.substr(i + 1, close - i - 1);
        i = close + 1;
        if (clause.text.find_first_not_of(" \t") != std::string::npos) clauses.push_back(clause);
        continue;
      }
      ++i;  // an unclosed quote: the rest is read as words
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && !is_space(query[end])) ++end;
    std::string text(query.substr(i, end - i));
    i = end;
    // OR joins two clauses; at the start it is just a word (and at the end, see below).
    if (text == "OR" && !clause.excluded && clause.field.empty() && !clauses.empty()) {
      pending_or = true;
      continue;
    }
    while (text.size() > 1 && text.back() == '*') {
      text.pop_back();
      clause.prefix = true;
    }
    if (text == "*") continue;
    clause.text = std::move(text);
    clauses.push_back(std::move(clause));
  }
  if (pending_or) {
    QueryClause trailing;
    trailing.text = "OR";
    clauses.push_back(trailing);
  }
  return clauses;
}

}  // namespace agora::index
