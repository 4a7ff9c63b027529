// The index-compatibility fixture: an index made by an earlier build of this schema,
// checked in, must still open and answer as it did. When the schema version changes,
// the first test fails on purpose: keep reading the old version (and keep its fixture), or
// refuse it with the command that rebuilds it; then make a fixture of the new version with
// scripts/make-compat-fixture.sh (docs/index-schema.md, "Compatibility").
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "agora/error.hpp"
#include "agora/index/index_schema.hpp"
#include "agora/index/index_writer.hpp"
#include "agora/index/schema_check.hpp"
#include "agora/index/search.hpp"
#include "shared_registry.hpp"
#include "temp_files.hpp"

namespace {

namespace index = agora::index;

const std::filesystem::path kFixture =
    std::filesystem::path(AGORA_SOURCE_DIR) / "tests/fixtures/index-schema-3";

std::vector<std::string> hit_ids(index::Searcher& searcher, const std::string& query,
                                 const std::string& language) {
  index::SearchRequest request;
  request.query = query;
  request.learner_language = language;
  std::vector<std::string> ids;
  for (const index::Hit& hit : searcher.search(request).hits) ids.push_back(hit.id);
  return ids;
}

}  // namespace

TEST_CASE("the fixture is an index of the schema version this code writes", "[compat]") {
  index::Searcher searcher(kFixture, agora::test::shared_registry());
  INFO(
      "the index schema version changed: decide whether searchd keeps reading version 3, "
      "then run scripts/make-compat-fixture.sh");
  CHECK(searcher.database().get_metadata(std::string(index::schema::kVersionKey)) ==
        index::schema::kVersion);
}

TEST_CASE("the fixture opens and answers as when it was made", "[compat]") {
  index::Searcher searcher(kFixture, agora::test::shared_registry());
  CHECK(searcher.database().get_doccount() == 7);
  CHECK(searcher.stats().documents == 7);

  // Known items, each in its own language and script.
  CHECK(hit_ids(searcher, "starting a co-operative", "en").front() == "start-a-coop-en");
  CHECK(hit_ids(searcher, "créer une coopérative", "fr").front() == "start-a-coop-fr");
  CHECK(hit_ids(searcher, "الاقتصاد الاجتماعي", "ar").front() == "sse-intro-ar");
  CHECK(hit_ids(searcher, "民主治理", "zh").front() == "coop-governance-zh");
  CHECK(hit_ids(searcher, "διακυβέρνηση", "el").front() == "coop-governance-el");
  CHECK(hit_ids(searcher, "Ehrenamtsmanagement", "de").front() == "volunteer-management-de");

  // A work is one hit, shown in the learner's language, with its other versions listed.
  index::SearchRequest request;
  request.query = "cooperative";
  request.learner_language = "es";
  const index::SearchResult result = searcher.search(request);
  const auto work = std::find_if(result.hits.begin(), result.hits.end(),
                                 [](const index::Hit& hit) { return hit.id == "start-a-coop-es"; });
  REQUIRE(work != result.hits.end());
  std::vector<std::string> others;
  for (const auto& translation : work->translations) others.push_back(translation.id);
  std::sort(others.begin(), others.end());
  CHECK(others == std::vector<std::string>{"start-a-coop-en", "start-a-coop-fr"});

  // Stored records read back whole.
  const auto record = searcher.resource("coop-governance-el");
  REQUIRE(record);
  CHECK((*record)["title"] == "Δημοκρατική διακυβέρνηση στους συνεταιρισμούς");
  CHECK((*record)["inLanguage"] == "el");
}

namespace {

// A copy of the fixture stamped with another schema version, as an index made by an
// older (or newer) agora-index would be.
void stamp_copy(const std::filesystem::path& copy, const std::string& version) {
  std::filesystem::copy(kFixture, copy, std::filesystem::copy_options::recursive);
  Xapian::WritableDatabase database(copy.string(), Xapian::DB_OPEN);
  database.set_metadata(std::string(index::schema::kVersionKey), version);
  database.commit();
}

}  // namespace

TEST_CASE("an index of a schema this build cannot read is refused with its rebuild commands",
          "[compat]") {
  const agora::test::TempDir scratch;
  const auto old_index = scratch.path() / "index";
  stamp_copy(old_index, "2");
  const std::string commands = "agora-index export --db " + old_index.string() + " > " +
                               old_index.string() + ".jsonl\n  agora-index add --db " +
                               old_index.string() + ".new " + old_index.string() + ".jsonl";
  auto refused_with_commands = [&](const std::string& message) {
    CHECK_THAT(message, Catch::Contains("has schema version 2"));
    CHECK_THAT(message, Catch::Contains(commands));
  };
  try {
    index::Searcher searcher(old_index, agora::test::shared_registry());
    FAIL("the searcher opened an index of schema version 2");
  } catch (const agora::CorruptIndex& e) {
    refused_with_commands(e.what());
  }
  try {
    index::IndexWriter writer(old_index, agora::test::shared_registry());
    FAIL("the writer opened an index of schema version 2");
  } catch (const agora::CorruptIndex& e) {
    refused_with_commands(e.what());
  }
  // The first of those commands reads it: export opens it for its records only.
  index::Searcher exporter(old_index, agora::test::shared_registry(),
                           index::Searcher::Schema::records_only);
  CHECK(exporter.ids().size() == 7);
  CHECK(exporter.resource("sse-intro-ar"));
}

TEST_CASE("an unversioned index with documents is refused, an empty one is not", "[compat]") {
  const agora::test::TempDir scratch;
  stamp_copy(scratch.path() / "unversioned", "");
  CHECK_THROWS_WITH(index::Searcher(scratch.path() / "unversioned", agora::test::shared_registry()),
                    Catch::Contains("no schema version"));
  Xapian::WritableDatabase(scratch.path() / "empty", Xapian::DB_CREATE).commit();
  CHECK_NOTHROW(index::Searcher(scratch.path() / "empty", agora::test::shared_registry()));
}

TEST_CASE("paths with shell characters are quoted in the rebuild commands", "[compat]") {
  const std::string commands = index::rebuild_commands("/srv/my index/");
  CHECK_THAT(commands,
             Catch::Contains("agora-index export --db '/srv/my index' > '/srv/my index.jsonl'"));
  CHECK_THAT(commands, Catch::Contains("mv '/srv/my index.new' '/srv/my index'"));
}
