// How fast submissions are acknowledged durably, and how soon an approval is searchable.
//
// Baseline, in the same run and on the same disk: one bare SQLite insert per transaction
// with synchronous=FULL, the least any durable acknowledgement can cost. The submission
// figure is a ratio to it; the rest is validation, duplicate lookups in the index and
// the state, revisions and the audit entry.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "agora/community/accounts.hpp"
#include "agora/community/errors.hpp"
#include "agora/community/index_sync.hpp"
#include "agora/community/published_index.hpp"
#include "agora/community/review_desk.hpp"
#include "agora/community/secrets.hpp"
#include "agora/community/submission_desk.hpp"
#include "agora/index/import_run.hpp"

using namespace agora;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kSubmissions = 300;
constexpr int kApprovals = 60;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double bare_inserts_per_second(const std::filesystem::path& file, int count) {
  sqlite3* database = nullptr;
  sqlite3_open(file.c_str(), &database);
  sqlite3_exec(database,
               "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
               "CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)",
               nullptr, nullptr, nullptr);
  const std::string body(600, 'x');  // about the size of a submitted record
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(database, "INSERT INTO t (body) VALUES (?)", -1, &insert, nullptr);
  const auto start = Clock::now();
  for (int i = 0; i < count; ++i) {
    sqlite3_exec(database, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_bind_text(insert, 1, body.c_str(), static_cast<int>(body.size()), SQLITE_STATIC);
    sqlite3_step(insert);
    sqlite3_reset(insert);
    sqlite3_exec(database, "COMMIT", nullptr, nullptr, nullptr);
  }
  const double rate = count / seconds_since(start);
  sqlite3_finalize(insert);
  sqlite3_close(database);
  return rate;
}

// Titles of six words drawn from a small vocabulary, so that duplicate detection has real
// work to do; two titles rarely share five of their six words.
std::string title(int n) {
  static const char* const words[] = {"housing", "bakery", "ledger",  "garden",  "repair",
                                      "energy",  "credit", "textile", "orchard", "school",
                                      "harbour", "mill",   "radio",   "clinic",  "archive",
                                      "transit", "seeds",  "pottery", "forest",  "market"};
  std::string out = "Guide";
  unsigned mixed = static_cast<unsigned>(n) * 2654435761u;
  for (int i = 0; i < 6; ++i) {
    out += std::string(" ") + words[mixed % 20];
    mixed = mixed / 20 + static_cast<unsigned>(i * 7 + n);
  }
  return out;
}

nlohmann::json record(int n) {
  return {{"title", title(n)},
          {"url", "https://bench.example.org/guide/" + std::to_string(n)},
          {"inLanguage", "en"},
          {"description", "A practical guide for members of worker cooperatives, number " +
                              std::to_string(n) + "."},
          {"learningResourceType", "guide"},
          {"license", "CC-BY-4.0"}};
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * (values.size() - 1))];
}

}  // namespace

int main() {
  const auto work = std::filesystem::temp_directory_path() / "agora-bench-collaboration";
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(work);
  const analyzers::Registry registry;
  {
    index::IndexWriter writer(work / "index", registry);
    const std::string corpus = std::string(AGORA_SOURCE_DIR) + "/corpus/";
    std::ostringstream ignored;
    index::import_paths({corpus + "resources", corpus + "feeds", corpus + "html", corpus + "oai"},
                        writer, {}, analyzers::LanguageDetector(), ignored, nullptr, nullptr);
  }

  const double baseline = bare_inserts_per_second(work / "baseline.sqlite", kSubmissions);

  community::StateDatabase state(work / "state.sqlite");
  community::Accounts accounts(state);
  index::Searcher searcher(work / "index", registry);
  community::SearcherIndex published(work / "index", registry, [&]() -> index::Searcher& {
    searcher.refresh();
    return searcher;
  });
  const community::ReviewRules review_rules{1, "bench"};
  const community::RecordRules rules(registry, review_rules.collection);
  community::IndexSync sync(state, published, rules);
  community::Resources resources(state, published, rules);
  community::SubmissionDesk submissions(state, published, sync, resources, rules, review_rules);
  community::ReviewDesk reviews(state, sync, rules, review_rules);
  const community::Actor bench{std::nullopt, "bench"};
  community::Caller author, reviewer;
  author.account = accounts.create("author", "", community::Role::contributor, std::nullopt, bench);
  reviewer.account =
      accounts.create("reviewer", "", community::Role::reviewer, std::nullopt, bench);

  std::vector<std::string> ids;
  int look_alikes = 0;
  const auto submitting = Clock::now();
  for (int i = 0; i < kSubmissions; ++i) {
    try {
      ids.push_back(submissions.submit(author, record(i), false).id);
    } catch (const community::Conflict&) {  // a look-alike title: confirmed, as a person would
      ++look_alikes;
      ids.push_back(submissions.submit(author, record(i), true).id);
    }
  }
  const double submit_rate = kSubmissions / seconds_since(submitting);

  std::vector<double> approve_ms;
  int searchable = 0;
  for (int i = 0; i < kApprovals; ++i) {
    const auto start = Clock::now();
    reviews.review(reviewer, ids[i], {{"verdict", "approve"}});
    approve_ms.push_back(seconds_since(start) * 1000);
    searcher.refresh();
    searchable += published.record(ids[i]).has_value();
  }

  const auto hashing = Clock::now();
  for (int i = 0; i < 5; ++i) community::hash_password("a long passphrase " + std::to_string(i));
  const double hash_ms = seconds_since(hashing) * 1000 / 5;

  std::printf("durable acknowledgements (synchronous=FULL, WAL), %d each\n", kSubmissions);
  std::printf("  bare SQLite insert        %8.0f /s   (baseline)\n", baseline);
  std::printf(
      "  POST-equivalent submit    %8.0f /s   ratio %.2f of baseline"
      " (%d look-alike titles confirmed)\n",
      submit_rate, submit_rate / baseline, look_alikes);
  std::printf("approve -> committed in the index, %d approvals into %d resources\n", kApprovals,
              kSubmissions + 88);
  std::printf("  p50 %.1f ms   p99 %.1f ms   max %.1f ms   searchable right after: %d/%d\n",
              percentile(approve_ms, 0.5), percentile(approve_ms, 0.99),
              percentile(approve_ms, 1.0), searchable, kApprovals);
  std::printf("Argon2id password hash (interactive): %.0f ms\n", hash_ms);
  std::filesystem::remove_all(work);
  return 0;
}
