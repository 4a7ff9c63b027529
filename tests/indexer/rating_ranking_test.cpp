// Ratings order near-equal matches without beating relevance or burying unrated resources.
#include <catch2/catch.hpp>

#include "agora/index/index_writer.hpp"
#include "agora/index/record_builder.hpp"
#include "agora/index/search.hpp"
#include "temp_files.hpp"

using namespace agora::index;
using nlohmann::json;

TEST_CASE("ratings nudge the ranking gently", "[integration]") {
  const agora::analyzers::Registry registry;
  const agora::analyzers::LanguageDetector detector;
  agora::test::TempDir db;
  {
    IndexWriter writer(db.path(), registry);
    auto add = [&](const std::string& id, const std::string& title, json rating,
                   const std::string& description = "Notes on mutual aid in housing.") {
      ImportItem item;
      item.fields = {{"id", id},
                     {"url", "https://x.example.org/" + id},
                     {"title", title},
                     {"inLanguage", "en"},
                     {"description", description}};
      if (!rating.is_null()) item.fields["aggregateRating"] = rating;
      const BuiltRecord built = build_record(item, "", detector);
      REQUIRE(built.record);
      writer.upsert(*built.record);
    };
    // Three equally relevant resources (the words only in their descriptions) and one
    // with the words in its title, which BM25 ranks well above them.
    add("loved", "Housing notes", {{"ratingValue", 5}, {"ratingCount", 40}});
    add("unrated", "Housing notes", nullptr);
    add("disliked", "Housing notes", {{"ratingValue", 1}, {"ratingCount", 40}});
    add("relevant-but-disliked", "Mutual aid notes", {{"ratingValue", 1}, {"ratingCount", 40}});
    // Other resources, so that the query words are as rare as in a real index.
    for (int i = 0; i < 40; ++i)
      add("other-" + std::to_string(i), "Budget planning " + std::to_string(i), nullptr,
          "Spreadsheets for treasurers.");
    writer.commit();
  }
  Searcher searcher(db.path(), registry);
  SearchRequest request;
  request.learner_language = "en";
  request.query = "mutual aid";
  std::vector<std::string> order;
  for (const Hit& hit : searcher.search(request).hits) order.push_back(hit.id);
  const auto rank = [&](const std::string& id) {
    return std::find(order.begin(), order.end(), id) - order.begin();
  };
  REQUIRE(order.size() == 4);
  CHECK(rank("loved") < rank("unrated"));
  CHECK(rank("unrated") < rank("disliked"));
  CHECK(rank("relevant-but-disliked") == 0);  // relevance still decides first
}
