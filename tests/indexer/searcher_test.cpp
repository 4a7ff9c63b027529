// Searching the sample corpus: ranking by learner language, collapsing, filters, facets,
// query syntax, snippets, suggestions and completions.
#include <catch2/catch.hpp>

#include <sstream>

#include "agora/index/import_run.hpp"
#include "agora/index/search.hpp"
#include "shared_registry.hpp"
#include "temp_files.hpp"

using namespace agora::index;

using agora::test::shared_registry;

namespace {

// The sample corpus plus a record with hostile HTML, indexed once for all tests here.
Searcher& corpus_searcher() {
  static agora::test::TempDir input, db;
  static std::unique_ptr<Searcher> searcher;
  if (!searcher) {
    input.write(
        "cased-work.jsonl",
        R"({"id": "cased-en", "url": "https://x.example.org/ce", "title": "Quokkaware guide",)"
        R"( "inLanguage": "en", "work": "Quokka-Work"})"
        "\n"
        R"({"id": "cased-fr", "url": "https://x.example.org/cf", "title": "Guide quokkaware",)"
        R"( "inLanguage": "fr", "work": " quokka-work "})"
        "\n");
    input.write(
        "hostile.jsonl",
        R"({"id": "hostile", "url": "https://x.example.org/h", "title": "Hostile page",)"
        R"( "inLanguage": "en", "text": "<script>alert('x')</script> zanzibarian \"quotes\" & <b>bold</b>"})"
        "\n");
    const std::string corpus = std::string(AGORA_SOURCE_DIR) + "/corpus/";
    IndexWriter writer(db.path(), shared_registry());
    std::ostringstream errors;
    const ImportSummary summary =
        import_paths({corpus + "resources", corpus + "feeds", corpus + "html", corpus + "oai",
                      input.path().string()},
                     writer, {}, agora::analyzers::LanguageDetector(), errors, nullptr, nullptr);
    REQUIRE(summary.failed == 0);
    searcher = std::make_unique<Searcher>(db.path(), shared_registry());
  }
  return *searcher;
}

SearchResult run_search(const std::string& query, const std::string& language,
                        std::map<std::string, std::vector<std::string>> filters = {}) {
  SearchRequest request;
  request.query = query;
  request.learner_language = language;
  request.filters = std::move(filters);
  request.limit = 20;
  return corpus_searcher().search(request);
}

}  // namespace

TEST_CASE("the learner's language ranks first — translations collapse into one hit", "[search]") {
  for (const char* language : {"fr", "es", "en"}) {
    const SearchResult result = run_search("coopérative", language);
    INFO(language);
    REQUIRE(result.hits.size() >= 2);
    CHECK(result.hits.front().language.substr(0, 2) == language);
    CHECK(result.hits.front().in_learner_language);
    std::set<std::string> shown;
    for (const Hit& hit : result.hits) {
      CHECK(shown.insert(hit.id).second);
      for (const Translation& translation : hit.translations) {
        CHECK(translation.id != hit.id);  // the other versions, not the hit itself
        CHECK(shown.count(translation.id) == 0);
      }
    }
  }
}

TEST_CASE("a work shows the learner's version with links to the others", "[search]") {
  const SearchResult result = run_search("nextcloud", "es");
  REQUIRE_FALSE(result.hits.empty());
  const Hit& first = result.hits.front();
  CHECK(first.language == "es");
  CHECK(first.translations.size() >= 2);
  for (const Translation& translation : first.translations) {
    CHECK_FALSE(translation.url.empty());
    CHECK(translation.language != "es");
  }
}

TEST_CASE("resources only in other languages still appear, marked as such", "[search]") {
  const SearchResult result = run_search("zanzibarian", "ko");  // only in an English record
  REQUIRE_FALSE(result.hits.empty());
  CHECK_FALSE(result.hits.front().in_learner_language);
}

TEST_CASE("accent-free and inflected queries meet the same resources", "[search]") {
  const auto exact = run_search("coopératives", "fr");
  const auto folded = run_search("cooperatives", "fr");
  CHECK(exact.total > 0);
  CHECK(folded.total >= exact.total);
  // English "cooperative" and "cooperatives" share the Snowball stem "cooper", so they find
  // the same English records (the plural also meets Catalan "cooperatives" exactly).
  const std::map<std::string, std::vector<std::string>> english{{"language", {"en"}}};
  CHECK(run_search("cooperative", "en", english).total ==
        run_search("cooperatives", "en", english).total);
}

TEST_CASE("filters narrow, facets count", "[search]") {
  const SearchResult all = run_search("", "en");
  CHECK(all.total >= 40);  // 90 records, translations collapsed into one hit per work
  const SearchResult japanese = run_search("", "en", {{"language", {"ja"}}});
  CHECK(japanese.total >= 4);
  for (const Hit& hit : japanese.hits) CHECK(hit.language.substr(0, 2) == "ja");
  const SearchResult videos = run_search("", "en", {{"type", {"video"}}});
  REQUIRE(videos.total > 0);
  for (const Hit& hit : videos.hits) {
    CHECK(std::find(hit.types.begin(), hit.types.end(), "video") != hit.types.end());
  }
  std::map<std::string, Xapian::doccount> languages;
  for (const FacetCount& count : all.facets.at("language")) languages[count.value] = count.count;
  CHECK(languages["ja"] == japanese.total);
  // A facet value's count is the total its filter gives (translations collapsed alike).
  for (const std::string facet : {"type", "license", "level", "subject", "collection"}) {
    for (const FacetCount& count : all.facets.at(facet)) {
      INFO(facet << "=" << count.value);
      CHECK(run_search("", "en", {{facet, {count.value}}}).total == count.count);
    }
  }
  const SearchResult two = run_search("", "en", {{"language", {"ja", "ko"}}});
  CHECK(two.total > japanese.total);  // OR within a facet
  const SearchResult both = run_search("", "en", {{"language", {"ja"}}, {"type", {"video"}}});
  CHECK(both.total <= japanese.total);  // AND across facets
}

TEST_CASE("the total does not depend on the page size", "[search]") {
  SearchRequest small;
  small.query = "cooperative";
  small.learner_language = "fr";
  small.limit = 3;
  SearchRequest large = small;
  large.limit = 20;
  CHECK(corpus_searcher().search(small).total == corpus_searcher().search(large).total);
}

TEST_CASE("phrases, exclusions, OR, fields and prefixes", "[search]") {
  const auto phrase = run_search(R"("une coopérative")", "fr");
  CHECK(phrase.total > 0);
  const auto words = run_search("coopérative", "fr");
  const auto excluded = run_search("coopérative -parts", "fr");
  CHECK(excluded.total < words.total);
  const auto nextcloud = run_search("nextcloud", "en");
  const auto jitsi = run_search("jitsi", "en");
  const auto either = run_search("nextcloud OR jitsi", "en");
  CHECK(either.total >= std::max(nextcloud.total, jitsi.total));
  const auto videos = run_search("type:video", "en");
  CHECK(videos.total == run_search("", "en", {{"type", {"video"}}}).total);
  CHECK(run_search("title:coopérative", "fr").total <= words.total);
  CHECK(run_search("coopér*", "fr").total >= words.total);
  // Broken syntax is never an error.
  for (const char* broken : {"\"unclosed", "-", "OR", "title:", "***", "(((", "lang:"}) {
    INFO(broken);
    CHECK_NOTHROW(run_search(broken, "fr"));
  }
}

TEST_CASE("work keys match whatever their case", "[search]") {
  const SearchResult result = run_search("quokkaware", "fr");
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits.front().id == "cased-fr");
  REQUIRE(result.hits.front().translations.size() == 1);
  CHECK(result.hits.front().translations.front().id == "cased-en");
}

TEST_CASE("excluded filter fields leave those records out", "[search]") {
  const auto all = run_search("cooperative", "en");
  const auto without_videos = run_search("cooperative -type:video", "en");
  CHECK(without_videos.total < all.total);
  for (const Hit& hit : without_videos.hits) {
    CHECK(std::find(hit.types.begin(), hit.types.end(), "video") == hit.types.end());
  }
}

TEST_CASE("no record with every word: any word is accepted, and said so", "[search]") {
  const SearchResult result = run_search("nextcloud zzzqqqxxx", "en");
  CHECK(result.relaxed);
  CHECK(result.total > 0);
}

TEST_CASE("did-you-mean comes from the index's own words", "[search]") {
  const SearchResult result = run_search("cooperativs", "en");
  CHECK(result.suggestion == "cooperatives");
}

TEST_CASE("snippets mark matches and escape everything else", "[search]") {
  const SearchResult result = run_search("zanzibarian", "en");
  REQUIRE(result.hits.size() == 1);
  const std::string& snippet = result.hits.front().snippet;
  CHECK_THAT(snippet, Catch::Contains("<mark>zanzibarian</mark>"));
  CHECK_THAT(snippet, Catch::Contains("&lt;script&gt;"));
  CHECK_THAT(snippet, Catch::Contains("&quot;quotes&quot;"));
  CHECK_THAT(snippet, Catch::Contains("&amp;"));
  CHECK_THAT(snippet, !Catch::Contains("<script>"));
  CHECK_THAT(snippet, !Catch::Contains("<b>"));
}

TEST_CASE("snippets in Chinese and Thai mark whole words", "[search]") {
  for (const auto& [query, language] : {std::pair{"合作社", "zh"}, std::pair{"สหกรณ์", "th"}}) {
    const SearchResult result = run_search(query, language);
    INFO(query);
    REQUIRE_FALSE(result.hits.empty());
    CHECK_THAT(result.hits.front().snippet, Catch::Contains("<mark>"));
  }
}

TEST_CASE("sort by date puts the newest first", "[search]") {
  SearchRequest request;
  request.learner_language = "en";
  request.sort = SearchRequest::Sort::date;
  request.limit = 20;
  const SearchResult result = corpus_searcher().search(request);
  std::vector<std::string> dates;
  for (const Hit& hit : result.hits) {
    dates.push_back(corpus_searcher().resource(hit.id)->value("datePublished", ""));
  }
  CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
}

TEST_CASE("completions: titles in the learner's language first, then subjects", "[search]") {
  const auto completions = corpus_searcher().complete("coop", "fr", 5);
  REQUIRE_FALSE(completions.empty());
  CHECK(completions.front().kind == "title");
  CHECK(completions.front().language == "fr");
  for (std::size_t limit : {1, 3, 8}) {
    CHECK(corpus_searcher().complete("coop", "en", limit).size() <= limit);
  }
  const auto subjects = corpus_searcher().complete("gover", "en", 5);
  CHECK(std::any_of(subjects.begin(), subjects.end(), [](const Completion& c) {
    return c.kind == "subject" && c.text == "governance";
  }));
}
