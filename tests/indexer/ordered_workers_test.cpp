// The import's worker pool: results in submission order whatever finishes first, bounded
// memory, and a cancel that frees a producer waiting for room.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "ordered_workers.hpp"

using agora::index::OrderedWorkers;

TEST_CASE("results come back in submission order, whatever order they finish in",
          "[ordered_workers]") {
  // Even jobs sleep, so later odd jobs finish first.
  OrderedWorkers<int, int> workers(
      4,
      [](int& job) {
        if (job % 2 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return job * 10;
      },
      8);
  std::vector<int> seen;
  std::thread producer([&] {
    for (int i = 0; i < 200; ++i) REQUIRE(workers.submit(i));
    workers.close();
  });
  workers.drain([&](int& result) { seen.push_back(result); });
  producer.join();
  REQUIRE(seen.size() == 200);
  for (int i = 0; i < 200; ++i) CHECK(seen[i] == i * 10);
}

TEST_CASE("no more than the window is in flight, and cancel frees a waiting producer",
          "[ordered_workers]") {
  std::atomic<int> started{0};
  OrderedWorkers<int, int> workers(
      2,
      [&](int& job) {
        ++started;
        return job;
      },
      4);
  std::atomic<int> submitted{0};
  std::thread producer([&] {
    while (workers.submit(submitted.load())) ++submitted;
  });
  // Nobody drains: the producer stops at the window.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(submitted.load() == 4);
  CHECK(started.load() <= 4);
  workers.cancel();
  producer.join();  // would hang if cancel left it waiting
  CHECK_FALSE(workers.submit(99));
}
