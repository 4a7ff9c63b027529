// HTML pages: metadata, main text without page furniture, languages, encodings.
#include <catch2/catch.hpp>

#include "import_helpers.hpp"

using agora::index::ImportItem;
using agora::index::ReadOptions;
using agora::test::read_items;
using agora::test::TempDir;

namespace {
const char* kPage = R"(<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Créer une coopérative</title>
  <meta name="description" content="Un guide pour commencer.">
  <meta name="keywords" content="coopérative, statuts">
  <link rel="canonical" href="https://learn.example.org/fr/creer">
  <link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">
  <style>.zzstyleonly { color: red }</style>
  <script>var zzscriptonly = 1;</script>
</head>
<body>
  <nav><a href="/">Accueil</a></nav>
  <header>Bandeau du site</header>
  <main><h1>Les statuts</h1><p>Rédigez les statuts avec les membres.</p></main>
  <footer>Pied de page</footer>
</body>
</html>
)";
}  // namespace

TEST_CASE("metadata comes from the head, text from main", "[html]") {
  TempDir dir;
  const auto items = read_items(dir, "fr/creer.html", kPage);
  REQUIRE(items.size() == 1);
  const auto& fields = items[0].fields;
  CHECK(fields["title"] == "Créer une coopérative");
  CHECK(fields["inLanguage"] == "fr");
  CHECK(fields["description"] == "Un guide pour commencer.");
  CHECK(fields["keywords"] == "coopérative, statuts");
  CHECK(fields["url"] == "https://learn.example.org/fr/creer");
  CHECK(fields["license"] == "https://creativecommons.org/licenses/by-sa/4.0/");
  CHECK(fields["id"] == "fr/creer");
  const std::string text = fields["text"];
  CHECK_THAT(text, Catch::Contains("Rédigez les statuts"));
  for (const char* furniture : {"zzscriptonly", "zzstyleonly", "Accueil", "Bandeau", "Pied"}) {
    CHECK_THAT(text, !Catch::Contains(furniture));
  }
  CHECK(items[0].field_lines.at("title") == 5);
}

TEST_CASE("a page without lang has no declared language", "[html]") {
  TempDir dir;
  const auto items =
      read_items(dir, "nolang.html", "<html><head><title>T</title></head><body>x</body></html>");
  REQUIRE(items.size() == 1);
  CHECK_FALSE(items[0].fields.contains("inLanguage"));
}

TEST_CASE("a language from the path wins over <html lang>, a base url fills a missing url",
          "[html]") {
  TempDir dir;
  ReadOptions options;
  options.base_url = "https://book.example.org/";
  const auto items =
      read_items(dir, "pt-BR/apt.html", "<html lang=\"en\"><title>APT</title><body>x</body></html>",
                 options, "pt-BR");
  CHECK(items[0].fields["inLanguage"] == "pt-BR");
  CHECK(items[0].fields["url"] == "https://book.example.org/pt-BR/apt.html");
}

TEST_CASE("the base url is joined with the path by RFC 3986 rules", "[html][url]") {
  TempDir dir;
  ReadOptions options;
  options.base_url = "https://book.example.org/browse/";
  auto items =
      read_items(dir, "fr/Guide coopératif.html", "<title>G</title><body>x</body>", options);
  // A file name is a path, not an address: its space and accent are percent-encoded.
  CHECK(items[0].fields["url"] ==
        "https://book.example.org/browse/fr/Guide%20coop%C3%A9ratif.html");

  // Without a trailing slash the base names a page, and the path replaces its last part.
  options.base_url = "https://book.example.org/browse";
  items = read_items(dir, "fr/a.html", "<title>A</title><body>x</body>", options);
  CHECK(items[0].fields["url"] == "https://book.example.org/fr/a.html");
}

TEST_CASE("a relative canonical link is resolved against the page", "[html][url]") {
  TempDir dir;
  ReadOptions options;
  options.base_url = "https://book.example.org/browse/";
  const char* page =
      "<head><title>A</title><link rel=canonical "
      "href=\"../stable/fr/apt.html\"></head><body>x</body>";
  auto items = read_items(dir, "fr/apt.html", page, options);
  CHECK(items[0].fields["url"] == "https://book.example.org/browse/stable/fr/apt.html");

  // An absolute canonical link is taken as it is, in normal form.
  items = read_items(
      dir, "fr/b.html",
      "<head><title>B</title><link rel=canonical href=\"HTTPS://Book.Example.org/x/./b\">"
      "</head><body>x</body>",
      options);
  CHECK(items[0].fields["url"] == "https://book.example.org/x/b");

  // With nothing to resolve against, the link stays as written and validation names it.
  items = read_items(dir, "fr/apt.html", page, ReadOptions{});
  CHECK(items[0].fields["url"] == "../stable/fr/apt.html");
}

TEST_CASE("a declared legacy charset is converted — undeclared bad bytes are refused", "[html]") {
  TempDir dir;
  const auto latin1 = read_items(
      dir, "latin1.html",
      "<html lang=\"fr\"><head><meta charset=\"iso-8859-1\"><title>Caf\xE9</title></head></html>");
  CHECK(latin1[0].fields["title"] == "Café");
  const auto broken = read_items(dir, "broken.html", "<html>\n<title>Caf\xE9</title></html>");
  CHECK(broken[0].kind == ImportItem::Kind::failure);
  CHECK(broken[0].failure.field == "encoding");
  CHECK(broken[0].where.line == 2);
}

TEST_CASE("embedded JSON-LD fills what the head does not say", "[html]") {
  TempDir dir;
  const auto items = read_items(dir, "ld.html", R"(<html lang="es"><head><title>Guía</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "LearningResource",
 "identifier": "guia-es", "learningResourceType": "guide", "educationalLevel": "beginner",
 "isPartOf": {"@id": "urn:agora:work:start-a-coop"}}</script></head><body>x</body></html>)");
  const auto& fields = items[0].fields;
  CHECK(fields["id"] == "guia-es");
  CHECK(fields["work"] == "start-a-coop");
  CHECK(fields["learningResourceType"] == "guide");
  CHECK(fields["title"] == "Guía");
}

TEST_CASE("embedded JSON-LD may be a top-level array", "[html]") {
  TempDir dir;
  const auto items = read_items(dir, "array.html", R"(<html lang="en"><head><title>T</title>
<script type="application/ld+json">[{"@type": "Organization", "name": "X"},
 {"@type": "Article", "identifier": "from-array"}]</script></head><body>x</body></html>)");
  REQUIRE(items.size() == 1);
  CHECK(items[0].fields["id"] == "from-array");
}

TEST_CASE("hreflang alternates are links to the other versions, resolved against the page",
          "[html]") {
  TempDir dir;
  const auto items = read_items(dir, "en/budget.html", R"(<!doctype html>
<html lang="en"><head><title>Budgets</title>
<link rel="canonical" href="https://coop.example.org/en/budget.html">
<link rel="alternate" hreflang="en" href="https://coop.example.org/en/budget.html">
<link rel="alternate" hreflang="fr" href="../fr/budget.html">
<link rel="Alternate" hreflang="x-default" href="/budget.html">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
</head><body><main>Plan the year.</main></body></html>)");
  REQUIRE(items.size() == 1);
  // The page itself and a feed (no hreflang) are not versions of it.
  CHECK(items[0].fields["workTranslation"] ==
        nlohmann::json::array(
            {"https://coop.example.org/fr/budget.html", "https://coop.example.org/budget.html"}));
  CHECK(items[0].field_lines.at("workTranslation") == 4);
}
