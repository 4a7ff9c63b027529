// Address keys and near-identical titles.
#include <catch2/catch.hpp>

#include "agora/analyzers/registry.hpp"
#include "agora/index/duplicates.hpp"

using namespace agora::index;

TEST_CASE("url_key drops what rarely changes the resource", "[duplicates]") {
  CHECK(url_key("https://example.org/a/b") == "example.org/a/b");
  CHECK(url_key("HTTP://WWW.Example.ORG/a/b/#part") == "example.org/a/b");
  CHECK(url_key("https://example.org/a/b?x=1") == "example.org/a/b?x=1");
  CHECK(url_key("https://example.org/") == "example.org");
  CHECK(url_key("https://example.org/a") != url_key("https://example.org/b"));
  CHECK(url_key("https://www2.example.org/a") == "www2.example.org/a");
  // RFC 3986 normal forms are one address (uriparser's normalisation).
  CHECK(url_key("https://example.org/a/./c/../b") == url_key("https://example.org/a/b"));
  CHECK(url_key("https://example.org/%7ea/%c3%a9") == url_key("https://example.org/~a/%C3%A9"));
}

TEST_CASE("titles are near-identical when one word at most differs in four or more",
          "[duplicates]") {
  const agora::analyzers::Registry registry;
  const auto words = [&](const std::string& title, const std::string& language = "fr") {
    return title_words(title, registry.for_tag(language));
  };
  CHECK(words("Créer une Coopérative") == std::vector<std::string>{"creer", "une", "cooperative"});
  CHECK(near_identical_titles(words("Créer une coopérative"), words("CREER UNE COOPERATIVE !")));
  CHECK_FALSE(
      near_identical_titles(words("Créer une coopérative"), words("Créer une association")));
  CHECK(near_identical_titles(words("Guide pour créer une coopérative"),
                              words("Guide pour créer une coopérative agricole")));
  CHECK(near_identical_titles(words("Guide pour créer une coopérative"),
                              words("Guide pour fonder une coopérative")));
  CHECK_FALSE(near_identical_titles(words("Guide pour créer une coopérative"),
                                    words("Petit guide pour fonder une coopérative")));
  CHECK_FALSE(near_identical_titles({}, {}));
}
