// Concepts through the index: one facet entry per concept, labelled in the learner's language.
#include <catch2/catch.hpp>

#include "agora/index/concept_labels.hpp"
#include "agora/index/index_writer.hpp"
#include "agora/index/record_builder.hpp"
#include "agora/index/search.hpp"
#include "temp_files.hpp"

using namespace agora::index;
using nlohmann::json;

namespace {

const std::string kMaths = "https://w3id.org/kim/hochschulfaechersystematik/n105";

json maths_concept(json labels) { return {{"id", kMaths}, {"prefLabel", std::move(labels)}}; }

void add(IndexWriter& writer, const std::string& id, const std::string& language,
         const std::string& title, json about) {
  static const agora::analyzers::LanguageDetector detector;
  const BuiltRecord built = build_record({{"id", id},
                                          {"url", "https://x.example.org/" + id},
                                          {"title", title},
                                          {"inLanguage", language},
                                          {"about", std::move(about)}},
                                         "", detector);
  REQUIRE(built.record);
  writer.upsert(*built.record);
}

const FacetCount* subject(const SearchResult& result, const std::string& value) {
  for (const FacetCount& count : result.facets.at("subject")) {
    if (count.value == value) return &count;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a concept is one facet entry with the learner's label", "[integration][amb]") {
  const agora::analyzers::Registry registry;
  agora::test::TempDir db;
  {
    IndexWriter writer(db.path(), registry);
    // Two portals label the same concept in different languages; the index keeps both.
    add(writer, "de-1", "de", "Matrizen rechnen",
        json::array({maths_concept({{"de", "Mathematik"}})}));
    add(writer, "en-1", "en", "Matrix arithmetic",
        json::array({maths_concept({{"en", "Mathematics"}}), "budgeting"}));
    writer.commit();
  }
  Searcher searcher(db.path(), registry);
  SearchRequest request;
  request.query = "";
  request.learner_language = "de";
  SearchResult result = searcher.search(request);
  const FacetCount* maths = subject(result, kMaths);
  REQUIRE(maths);
  CHECK(maths->count == 2);
  CHECK(result.labels.at(kMaths) == "Mathematik");
  CHECK_FALSE(result.labels.count("budgeting"));  // a name is shown as the UI names it

  request.learner_language = "en";
  CHECK(searcher.search(request).labels.at(kMaths) == "Mathematics");
  request.learner_language = "fr";  // no French label: English
  CHECK(searcher.search(request).labels.at(kMaths) == "Mathematics");

  // The labels are words to search, in every language; the URI filters.
  request.learner_language = "en";
  request.query = "Mathematik";
  result = searcher.search(request);
  CHECK(result.total == 1);
  request.query = "";
  request.filters["subject"] = {kMaths};
  CHECK(searcher.search(request).total == 2);
}

TEST_CASE("labels fall back from region to language to English", "[unit][amb]") {
  const LabelsByLanguage labels = {{"en", "Course"}, {"pt-BR", "Curso"}, {"de", "Kurs"}};
  CHECK(label_for(labels, "de-AT") == "Kurs");
  CHECK(label_for(labels, "pt") == "Curso");
  CHECK(label_for(labels, "fi") == "Course");
  CHECK(label_for({{"fr", "Cours"}}, "fi") == "Cours");
  CHECK_FALSE(label_for({}, "en"));
}
