// The cache of result pages: least recently used out, a newer index revision empties it.
#include <catch2/catch.hpp>

#include "result_cache.hpp"

using namespace agora::searchd;
using agora::index::SearchRequest;
using agora::index::SearchResult;

namespace {

SearchRequest asking(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.learner_language = "en";
  return request;
}

std::shared_ptr<const SearchResult> with_total(unsigned total) {
  auto result = std::make_shared<SearchResult>();
  result->total = total;
  return result;
}

}  // namespace

TEST_CASE("a kept result is found again at the same revision", "[result_cache]") {
  ResultCache cache(10);
  CHECK(cache.find(asking("coop"), 1) == nullptr);
  cache.keep(asking("coop"), 1, with_total(7));
  REQUIRE(cache.find(asking("coop"), 1) != nullptr);
  CHECK(cache.find(asking("coop"), 1)->total == 7);
  CHECK(cache.find(asking("co-op"), 1) == nullptr);
}

TEST_CASE("a newer revision empties the cache, and an older one neither reads nor clears it",
          "[result_cache]") {
  ResultCache cache(10);
  cache.keep(asking("coop"), 5, with_total(1));
  CHECK(cache.find(asking("coop"), 4) == nullptr);
  CHECK(cache.find(asking("coop"), 5) != nullptr);
  CHECK(cache.find(asking("coop"), 6) == nullptr);
  CHECK(cache.size() == 0);
  cache.keep(asking("coop"), 5, with_total(1));  // a late writer at the old revision
  CHECK(cache.size() == 0);
}

TEST_CASE("another index at a lower revision (rebuilt or compacted into place) empties it",
          "[result_cache]") {
  ResultCache cache(10);
  cache.keep(asking("coop"), {7, "uuid-before"}, with_total(1));
  REQUIRE(cache.find(asking("coop"), {7, "uuid-before"}) != nullptr);
  CHECK(cache.find(asking("coop"), {1, "uuid-after"}) == nullptr);
  cache.keep(asking("coop"), {1, "uuid-after"}, with_total(2));
  REQUIRE(cache.find(asking("coop"), {1, "uuid-after"}) != nullptr);
  CHECK(cache.find(asking("coop"), {1, "uuid-after"})->total == 2);
}

TEST_CASE("beyond its capacity the least recently used result goes", "[result_cache]") {
  ResultCache cache(2);
  cache.keep(asking("a"), 1, with_total(1));
  cache.keep(asking("b"), 1, with_total(2));
  REQUIRE(cache.find(asking("a"), 1) != nullptr);  // "a" is now the most recent
  cache.keep(asking("c"), 1, with_total(3));
  CHECK(cache.find(asking("b"), 1) == nullptr);
  CHECK(cache.find(asking("a"), 1) != nullptr);
  CHECK(cache.find(asking("c"), 1) != nullptr);
  CHECK(cache.size() == 2);
}

TEST_CASE("every field of a request is part of its key", "[result_cache]") {
  const SearchRequest base = asking("coop");
  SearchRequest other_language = base, other_page = base, other_sort = base, filtered = base;
  other_language.learner_language = "fr";
  other_page.offset = 10;
  other_sort.sort = SearchRequest::Sort::date;
  filtered.filters["type"] = {"video"};
  for (const SearchRequest* other : {&other_language, &other_page, &other_sort, &filtered}) {
    CHECK(cache_key(*other) != cache_key(base));
  }
  SearchRequest two_filters = base;
  two_filters.filters["type"] = {"video", "course"};
  CHECK(cache_key(two_filters) != cache_key(filtered));
}

TEST_CASE("a capacity of zero keeps nothing", "[result_cache]") {
  ResultCache cache(0);
  cache.keep(asking("coop"), 1, with_total(1));
  CHECK(cache.find(asking("coop"), 1) == nullptr);
}
