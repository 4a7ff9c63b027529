// The terminal progress line of agora-index add: records/s, MB/s and an ETA.
#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

#include "cli/progress_bar.hpp"

TEST_CASE("the progress line shows records, MB/s and an ETA from the bytes left", "[progress]") {
  std::ostringstream out;
  agora::index::cli::ProgressBar bar(out);
  agora::index::ImportSummary so_far;
  so_far.added = 40;
  so_far.bytes = 2'000'000;
  so_far.total_bytes = 8'000'000;
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  bar.update(so_far, "feeds/big.jsonl");
  const std::string line = out.str();
  CHECK_THAT(line, Catch::Contains("40 records"));
  CHECK_THAT(line, Catch::Contains("MB/s"));
  CHECK_THAT(line, Catch::Contains("ETA ") && !Catch::Contains("ETA --"));
  CHECK_THAT(line, Catch::Contains("[=====     "));  // a quarter of the bytes read
  CHECK_THAT(line, Catch::Contains("feeds/big.jsonl"));
  bar.finish();
  CHECK_THAT(out.str(), Catch::EndsWith("\r\x1b[K"));
}

TEST_CASE("before any bytes are read the ETA is unknown", "[progress]") {
  std::ostringstream out;
  agora::index::cli::ProgressBar bar(out);
  agora::index::ImportSummary so_far;
  so_far.total_bytes = 1000;
  bar.update(so_far, "a.html");
  CHECK_THAT(out.str(), Catch::Contains("ETA --"));
}
