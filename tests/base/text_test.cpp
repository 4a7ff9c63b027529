// Text, UTF-8 and HTML helpers shared by every layer.
#include <catch2/catch.hpp>

#include "agora/base/html.hpp"
#include "agora/base/text.hpp"
#include "agora/base/utf8.hpp"

using namespace agora;

TEST_CASE("UTF-8 is checked, cut on character boundaries and counted", "[text]") {
  CHECK_FALSE(first_invalid_utf8("Créer une coopérative"));
  CHECK(first_invalid_utf8("ok\xC3(") == std::optional<std::size_t>(2));
  CHECK(first_invalid_utf8("\xED\xA0\x80") == std::optional<std::size_t>(0));  // a surrogate
  const std::string greek = "αβγ";                                             // two bytes each
  CHECK(utf8_cut(greek, 3) == 2);
  CHECK(utf8_cut(greek, 4) == 4);
  CHECK(utf8_cut(greek, 100) == greek.size());
  CHECK(utf8_length("合作社") == 3);
  CHECK(utf8_length("") == 0);
  const auto problem = utf8_problem("line one\nbad \xFF here");
  REQUIRE(problem);
  CHECK(problem->find("line 2") != std::string::npos);
  CHECK_FALSE(utf8_problem("تعاونية"));
}

TEST_CASE("lists, trimming and lines", "[text]") {
  CHECK(split_list(" https://a.org, https://b.org ,,") ==
        std::vector<std::string>{"https://a.org", "https://b.org"});
  CHECK(split_list("").empty());
  CHECK(split("a|b|", '|') == std::vector<std::string>{"a", "b"});
  CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(trim_whitespace("\t x y \r\n") == "x y");
  CHECK(lower_ascii("Pt-BR É") == "pt-br É");
  CHECK(line_at("a\nb\nc", 4) == 3);
  const LineIndex lines("a\nb\nc");
  CHECK(lines.line_at(0) == 1);
  CHECK(lines.line_at(2) == 2);
}

TEST_CASE("HTML escaping leaves no markup and no way out of an attribute", "[text]") {
  CHECK(escape_html("<a href=\"x\" title='y'>Tom & Jerry</a>") ==
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  CHECK(escape_html("κοινωνική οικονομία") == "κοινωνική οικονομία");
}
