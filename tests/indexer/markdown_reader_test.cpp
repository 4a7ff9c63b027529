// Markdown with YAML front matter, including broken headers.
#include <catch2/catch.hpp>

#include "import_helpers.hpp"

using agora::index::ImportItem;
using agora::test::read_items;
using agora::test::TempDir;

TEST_CASE("front matter gives the fields, the body gives the text", "[markdown]") {
  TempDir dir;
  const auto items = read_items(dir, "guide.md",
                                "---\n"
                                "id: start-a-coop-en\n"
                                "title: \"Starting a co-operative: a guide\"\n"
                                "keywords: [co-operative, statutes]\n"
                                "datePublished: 2024-03-12\n"
                                "---\n"
                                "# First steps\n\n"
                                "Gather **members** and read [the law](https://example.org).\n\n"
                                "```\ncode sample\n```\n");
  REQUIRE(items.size() == 1);
  const ImportItem& item = items[0];
  CHECK(item.kind == ImportItem::Kind::record);
  CHECK(item.fields["title"] == "Starting a co-operative: a guide");
  CHECK(item.fields["keywords"] == nlohmann::json::array({"co-operative", "statutes"}));
  CHECK(item.fields["datePublished"] == "2024-03-12");  // dates stay as written
  CHECK(item.field_lines.at("keywords") == 4);
  const std::string text = item.fields["text"];
  CHECK_THAT(text, Catch::Contains("First steps"));
  CHECK_THAT(text, Catch::Contains("Gather members and read the law."));
  CHECK_THAT(text, Catch::Contains("code sample"));
  CHECK_THAT(text, !Catch::Contains("**"));
  CHECK_THAT(text, !Catch::Contains("https://example.org"));
}

TEST_CASE("a file without front matter is refused", "[markdown]") {
  TempDir dir;
  const auto items = read_items(dir, "plain.md", "# Just a heading\n");
  REQUIRE(items.size() == 1);
  CHECK(items[0].kind == ImportItem::Kind::failure);
  CHECK(items[0].failure.field == "front matter");
}

TEST_CASE("unclosed front matter is refused", "[markdown]") {
  TempDir dir;
  const auto items = read_items(dir, "open.md", "---\nid: x\ntitle: y\n");
  REQUIRE(items.size() == 1);
  CHECK(items[0].failure.field == "front matter");
}

TEST_CASE("bad YAML is reported at its line in the file", "[markdown]") {
  TempDir dir;
  const auto items = read_items(dir, "bad.md", "---\nid: x\ntitle: [unclosed\nurl: y\n---\nBody\n");
  REQUIRE(items.size() == 1);
  CHECK(items[0].kind == ImportItem::Kind::failure);
  CHECK(items[0].failure.field == "yaml");
  CHECK(items[0].where.line >= 3);
}

TEST_CASE("front matter that is not a mapping is refused", "[markdown]") {
  TempDir dir;
  const auto items = read_items(dir, "list.md", "---\n- a\n- b\n---\nBody\n");
  REQUIRE(items.size() == 1);
  CHECK(items[0].failure.field == "front matter");
}

TEST_CASE("a Latin-1 Markdown file is refused, not mangled", "[markdown]") {
  TempDir dir;
  const auto items = read_items(dir, "latin1.md", "---\nid: x\ntitle: caf\xE9\n---\n");
  REQUIRE(items.size() == 1);
  CHECK(items[0].failure.field == "encoding");
  CHECK(items[0].where.line == 3);
}

TEST_CASE("a front matter key that is not plain text is refused", "[markdown]") {
  TempDir dir;
  const auto items = read_items(dir, "key.md", "---\nid: x\n[a, b]: c\n---\nBody\n");
  REQUIRE(items.size() == 1);
  CHECK(items[0].failure.field == "yaml");
  CHECK(items[0].where.line == 3);
}
