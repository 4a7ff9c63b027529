// The query syntax reader: every input is some query.
#include <catch2/catch.hpp>

#include "agora/index/query_syntax.hpp"

using agora::index::parse_query;
using agora::index::QueryClause;

TEST_CASE("words, phrases, exclusions, OR, fields and prefixes", "[query]") {
  const auto clauses =
      parse_query(R"(coop "one member one vote" -bank nextcloud OR jitsi title:guide gouver*)");
  REQUIRE(clauses.size() == 7);
  CHECK(clauses[0].text == "coop");
  CHECK(clauses[1].kind == QueryClause::Kind::phrase);
  CHECK(clauses[1].text == "one member one vote");
  CHECK(clauses[2].excluded);
  CHECK(clauses[2].text == "bank");
  CHECK(clauses[4].or_with_previous);
  CHECK(clauses[4].text == "jitsi");
  CHECK(clauses[5].field == "title");
  CHECK(clauses[5].text == "guide");
  CHECK(clauses[6].prefix);
  CHECK(clauses[6].text == "gouver");
}

TEST_CASE("a field can take a phrase — unknown fields stay words", "[query]") {
  const auto clauses = parse_query(R"(title:"digital skills" foo:bar)");
  REQUIRE(clauses.size() == 2);
  CHECK(clauses[0].field == "title");
  CHECK(clauses[0].kind == QueryClause::Kind::phrase);
  CHECK(clauses[1].field.empty());
  CHECK(clauses[1].text == "foo:bar");
}

TEST_CASE("broken syntax falls back to plain words", "[query]") {
  CHECK(parse_query(R"("unclosed phrase)").size() == 2);
  CHECK(parse_query("OR OR").size() == 2);  // neither joins two clauses: both are words
  CHECK(parse_query("coop OR").size() == 2);
  CHECK(parse_query("-").size() == 1);
  CHECK(parse_query("***").empty());
  CHECK(parse_query("   ").empty());
  CHECK(parse_query(R"("")").empty());
}
