// agora-index export, then add of the export into a new directory, gives the same index.
#include <catch2/catch.hpp>

#include "agora/index/index_schema.hpp"

#include <sstream>

#include <xapian.h>

#include "agora/index/cli_commands.hpp"
#include "temp_files.hpp"

using namespace agora::index;
using agora::test::TempDir;

namespace {

int run(int (*command)(const std::vector<std::string>&, cli::Streams),
        const std::vector<std::string>& args, std::string* output = nullptr) {
  std::istringstream in;
  std::ostringstream out, err;
  const int code = command(args, {in, out, err});
  INFO(err.str());
  if (output) *output = out.str();
  return code;
}

// Everything a document holds: data, values, and each term with its wdf and positions.
std::string describe(const Xapian::Document& document) {
  std::ostringstream text;
  text << document.get_data() << '\n';
  for (auto value = document.values_begin(); value != document.values_end(); ++value) {
    // When the writer stored the document (the OAI-PMH datestamp) differs by its nature.
    if (value.get_valueno() == agora::index::schema::kChangedAt) continue;
    text << "value " << value.get_valueno() << '=' << *value << '\n';
  }
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    text << *term << " wdf " << term.get_wdf() << " at";
    for (auto position = term.positionlist_begin(); position != term.positionlist_end();
         ++position) {
      text << ' ' << *position;
    }
    text << '\n';
  }
  return text.str();
}

std::map<std::string, std::string> documents_by_id(const std::string& path) {
  const Xapian::Database database(path);
  std::map<std::string, std::string> out;
  for (auto term = database.allterms_begin("Q"); term != database.allterms_end("Q"); ++term) {
    out[*term] = describe(database.get_document(*database.postlist_begin(*term)));
  }
  return out;
}

}  // namespace

TEST_CASE("an export of the sample corpus rebuilds an identical index", "[integration]") {
  TempDir work;
  const std::string corpus = std::string(AGORA_SOURCE_DIR) + "/corpus/";
  const std::string first = (work.path() / "first").string();
  const std::string second = (work.path() / "second").string();
  REQUIRE(run(cli::run_add, {"--db", first, "--quiet", corpus + "resources", corpus + "feeds",
                             corpus + "html", corpus + "oai"}) == 0);
  std::string exported;
  REQUIRE(run(cli::run_export, {"--db", first}, &exported) == 0);
  const auto file = work.write("export.jsonl", exported);
  REQUIRE(run(cli::run_add, {"--db", second, "--quiet", file.string()}) == 0);

  const auto before = documents_by_id(first);
  const auto after = documents_by_id(second);
  REQUIRE(before.size() == 88);
  REQUIRE(after.size() == before.size());
  for (const auto& [id, description] : before) {
    INFO(id);
    CHECK(after.at(id) == description);
  }
  std::string exported_again;
  REQUIRE(run(cli::run_export, {"--db", second}, &exported_again) == 0);
  CHECK(exported_again == exported);
}

TEST_CASE("an export carries ratings, so the rebuilt index ranks the same", "[integration]") {
  TempDir work;
  const auto input = work.write(
      "rated.jsonl",
      R"({"id": "rated", "url": "https://x.example.org/r", "title": "Rated guide", "inLanguage": "en",)"
      R"( "aggregateRating": {"ratingValue": 4.5, "ratingCount": 12}})"
      "\n");
  const std::string first = (work.path() / "first").string();
  REQUIRE(run(cli::run_add, {"--db", first, "--quiet", input.string()}) == 0);
  std::string exported;
  REQUIRE(run(cli::run_export, {"--db", first}, &exported) == 0);
  CHECK_THAT(exported,
             Catch::Contains(R"("aggregateRating":{"ratingCount":12,"ratingValue":4.5})"));
}
