// agora-index harvest against a small OAI-PMH repository started on loopback: pages with
// resumption tokens, a deletion, a 503 with Retry-After, a malformed page, a bad record,
// incremental and resumed harvests.
#include <httplib.h>

#include <sstream>
#include <thread>

#include <catch2/catch.hpp>

#include "agora/index/harvest.hpp"
#include "agora/index/search.hpp"
#include "temp_files.hpp"

using namespace agora::index;

namespace {

std::string envelope(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
<responseDate>2026-11-30T10:00:00Z</responseDate>
)" + body +
         "\n</OAI-PMH>\n";
}

std::string dc_record(const std::string& id, const std::string& title) {
  return R"(<record><header><identifier>oai:test:)" + id +
         R"(</identifier><datestamp>2026-11-01</datestamp></header><metadata>
<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>)" +
         title + R"(</dc:title><dc:identifier>https://repo.example.org/)" + id +
         R"(</dc:identifier><dc:language>en</dc:language></oai_dc:dc></metadata></record>)";
}

std::string list(const std::string& records, const std::string& token) {
  return envelope("<ListRecords>" + records + "<resumptionToken>" + token +
                  "</resumptionToken></ListRecords>");
}

// A repository whose answers the test scripts: per request key ("Identify", "start" for a
// ListRecords without token, else the token), a queue of answers, the last one repeated.
class Repository {
 public:
  struct Answer {
    Answer(int status, std::string body, std::string retry_after = "")
        : status(status), body(std::move(body)), retry_after(std::move(retry_after)) {}
    int status;
    std::string body;
    std::string retry_after;
  };

  Repository() {
    server_.Get("/oai", [this](const httplib::Request& request, httplib::Response& response) {
      std::lock_guard lock(mutex_);
      const std::string verb = request.get_param_value("verb");
      std::string key =
          verb == "Identify" ? "Identify" : request.get_param_value("resumptionToken");
      if (key.empty()) key = "start";
      log_.push_back(key +
                     (request.has_param("from") ? " from=" + request.get_param_value("from") : ""));
      auto& queue = answers_[key];
      if (queue.empty()) {
        response.status = 404;
        return;
      }
      const Answer answer = queue.front();
      if (queue.size() > 1) queue.erase(queue.begin());
      response.status = answer.status;
      if (!answer.retry_after.empty()) response.set_header("Retry-After", answer.retry_after);
      response.set_content(answer.body, "text/xml");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // The socket listens from bind_to_any_port on: early requests wait in its backlog.
    script("Identify",
           {{200, envelope("<Identify><repositoryName>Test</repositoryName>"
                           "<granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>")}});
  }
  ~Repository() {
    server_.stop();
    thread_.join();
  }

  void script(const std::string& key, std::vector<Answer> answers) {
    std::lock_guard lock(mutex_);
    answers_[key] = std::move(answers);
  }
  std::vector<std::string> log() {
    std::lock_guard lock(mutex_);
    return std::exchange(log_, {});
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/oai"; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::map<std::string, std::vector<Answer>> answers_;
  std::vector<std::string> log_;
};

struct Run {
  HarvestSummary summary;
  std::string errors;
};

Run harvest_into(const agora::test::TempDir& db, HarvestOptions options) {
  static const agora::analyzers::Registry registry;
  static const agora::analyzers::LanguageDetector detector;
  options.first_backoff = std::chrono::seconds(0);
  IndexWriter writer(db.path(), registry);
  std::ostringstream errors;
  Run run{harvest(options, writer, detector, errors, nullptr), ""};
  run.errors = errors.str();
  return run;
}

std::vector<std::string> ids_in(const agora::test::TempDir& db) {
  static const agora::analyzers::Registry registry;
  Searcher searcher(db.path(), registry);
  SearchRequest request;
  request.limit = 100;
  std::vector<std::string> ids;
  for (const Hit& hit : searcher.search(request).hits) ids.push_back(hit.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

const std::string kBadRecord =
    R"(<record><header><identifier>oai:test:bad</identifier></header><metadata>
<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier>https://repo.example.org/bad</dc:identifier></oai_dc:dc></metadata></record>)";
const std::string kDeletion =
    R"(<record><header status="deleted"><identifier>oai:test:1</identifier></header></record>)";

}  // namespace

TEST_CASE("a harvest follows every page through 503s and a malformed page",
          "[integration][harvest]") {
  Repository repository;
  repository.script(
      "start", {{200, list(dc_record("1", "Cooperative bylaws") + dc_record("2", "Member meetings"),
                           "p2")}});
  repository.script("p2",
                    {{503, "busy", "1"},
                     {200, list(dc_record("3", "Shared budgets") + kDeletion + kBadRecord, "p3")}});
  repository.script("p3", {{200, envelope("<ListRecords><record><header>")},
                           {200, list(dc_record("4", "Worker ownership"), "")}});
  agora::test::TempDir db;
  HarvestOptions options;
  options.url = repository.url();
  const Run run = harvest_into(db, options);
  INFO(run.errors);
  CHECK(run.summary.complete);
  CHECK(run.summary.pages == 3);
  CHECK(run.summary.added == 4);
  CHECK(run.summary.removed == 1);
  CHECK(run.summary.failed == 1);
  CHECK(run.summary.retries == 2);
  CHECK(ids_in(db) == std::vector<std::string>{"oai:test:2", "oai:test:3", "oai:test:4"});
  // Per-record errors in the usual form; the 503 and the bad page said, with the wait.
  CHECK_THAT(run.errors, Catch::Contains(repository.url() + ": oai:test:bad: title: is required"));
  CHECK_THAT(run.errors, Catch::Contains("HTTP 503 (Retry-After: 1 s); trying again in 1 s"));
  CHECK_THAT(run.errors, Catch::Contains("page 3 cannot be read"));
  CHECK(repository.log() == std::vector<std::string>{"Identify", "start", "p2", "p2", "p3", "p3"});

  SECTION("the next harvest asks only for what changed since the last one began") {
    repository.script("start", {{200, envelope(R"(<error code="noRecordsMatch">none</error>)")}});
    const Run again = harvest_into(db, options);
    CHECK(again.summary.complete);
    CHECK(again.summary.from == "2026-11-30T10:00:00Z");
    CHECK(repository.log() ==
          std::vector<std::string>{"Identify", "start from=2026-11-30T10:00:00Z"});
    CHECK(ids_in(db).size() == 3);
  }
}

TEST_CASE("a harvest broken off goes on from its last committed page", "[integration][harvest]") {
  Repository repository;
  repository.script("start", {{200, list(dc_record("1", "Cooperative bylaws"), "p2")}});
  repository.script("p2", {{500, "down"}});
  agora::test::TempDir db;
  HarvestOptions options;
  options.url = repository.url();
  options.attempts = 2;
  const Run broken = harvest_into(db, options);
  CHECK_FALSE(broken.summary.complete);
  CHECK(broken.summary.pages == 1);
  CHECK_THAT(broken.summary.stopped_by, Catch::Contains("HTTP 500"));
  CHECK_THAT(broken.errors, Catch::Contains("giving up after 2 attempts"));
  CHECK(ids_in(db) == std::vector<std::string>{"oai:test:1"});  // the first page was kept
  repository.log();

  repository.script("p2", {{200, list(dc_record("2", "Member meetings"), "")}});
  const Run resumed = harvest_into(db, options);
  CHECK(resumed.summary.resumed);
  CHECK(resumed.summary.complete);
  CHECK(repository.log() == std::vector<std::string>{"Identify", "p2"});  // not from the start
  CHECK(ids_in(db) == std::vector<std::string>{"oai:test:1", "oai:test:2"});

  SECTION("an expired token starts the harvest again") {
    repository.script("start", {{200, list(dc_record("1", "Cooperative bylaws"), "p2")}});
    repository.script("p2", {{500, "down"}});
    harvest_into(db, HarvestOptions{options});
    repository.script("p2", {{200, envelope(R"(<error code="badResumptionToken">expired</error>)")},
                             {200, list(dc_record("2", "Member meetings"), "")}});
    repository.script("start", {{200, list(dc_record("1", "Cooperative bylaws"), "p3")}});
    repository.script("p3", {{200, list(dc_record("5", "Solidarity funds"), "")}});
    repository.log();
    const Run restarted = harvest_into(db, options);
    CHECK(restarted.summary.complete);
    CHECK_FALSE(restarted.summary.resumed);
    CHECK_THAT(restarted.errors, Catch::Contains("resumptionToken has expired"));
    const std::vector<std::string> log = repository.log();
    REQUIRE(log.size() == 4);
    CHECK(log[1] == "p2");
    CHECK(log[2].rfind("start", 0) == 0);
  }
}

TEST_CASE("a repository that is not there stops the harvest with the reason",
          "[integration][harvest]") {
  agora::test::TempDir db;
  HarvestOptions options;
  options.url = "http://127.0.0.1:9/oai";  // the discard port: nothing listens
  options.attempts = 1;
  const Run run = harvest_into(db, options);
  CHECK_FALSE(run.summary.complete);
  CHECK_THAT(run.summary.stopped_by, Catch::StartsWith("Identify: "));
}
