// One command's arguments, parsed through CLI11, with agora's messages.
#include <catch2/catch.hpp>

#include "agora/base/command_line.hpp"
#include "agora/error.hpp"

using agora::CommandLine;
using agora::InvalidInput;

TEST_CASE("flags, options in both spellings and positionals", "[command line]") {
  const CommandLine line({"--db", "data/x", "a.md", "--strict", "--lang=fr", "b.md"},
                         {"--strict", "--quiet"}, {"--db", "--lang"});
  CHECK(line.has("--strict"));
  CHECK_FALSE(line.has("--quiet"));
  CHECK(line.value("--db") == std::optional<std::string>("data/x"));
  CHECK(line.value("--lang") == std::optional<std::string>("fr"));
  CHECK_FALSE(line.value("--collection"));
  CHECK(line.positional() == std::vector<std::string>{"a.md", "b.md"});
  CHECK(line.required("--db", "DIR") == "data/x");
  CHECK_THROWS_WITH(CommandLine({}, {}, {"--db"}).required("--db", "data/index"),
                    "--db is required, e.g. --db data/index");
}

TEST_CASE("an option given twice keeps the last value", "[command line]") {
  const CommandLine line({"--db", "one", "--db", "two"}, {}, {"--db"});
  CHECK(line.value("--db") == std::optional<std::string>("two"));
}

TEST_CASE("unknown options and missing values are refused by name", "[command line]") {
  CHECK_THROWS_WITH(CommandLine({"--bogus"}, {"--strict"}, {"--db"}),
                    "unknown option '--bogus' (see --help)");
  CHECK_THROWS_WITH(CommandLine({"a.md", "--db"}, {}, {"--db"}), "--db needs a value");
  // A flag takes no value other than a yes or no.
  CHECK_THROWS_AS(CommandLine({"--strict=banana"}, {"--strict"}, {}), InvalidInput);
}
