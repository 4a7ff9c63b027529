// bench_scale: the scale curve. For each size it generates a deterministic synthetic OER
// collection (handbook and sample-corpus text in 30 languages: titles, descriptions, bodies,
// metadata, translations grouped into works), indexes it with agora-index add as a child
// process, and measures records/s, peak RSS, index size, and search latency p50/p99 in this
// process and over HTTP at 16 connections (agora-searchd with its result cache off).
// Figures are absolute and, for the larger sizes, relative to the first.
//
// usage: bench_scale [--sizes 10000,100000,1000000] [--work DIR] [--jobs N]
//                    [--http-seconds S] [--csv FILE] [--keep 1]
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "agora/analyzers/registry.hpp"
#include "agora/index/index_stats.hpp"
#include "agora/index/query_syntax.hpp"
#include "agora/index/search.hpp"
#include "handbook_text.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

// Text in one language to cut records from: page titles and page texts.
struct LanguageText {
  std::string language;
  std::vector<std::string> titles;
  std::vector<std::string> texts;
};

// The handbook's editions, and the sample corpus's Markdown bodies for the languages the
// handbook lacks (Thai, Korean, Persian, Catalan, Greek, ...).
std::vector<LanguageText> source_text(const fs::path& handbook, const fs::path& corpus) {
  std::vector<LanguageText> languages;
  for (auto& edition : agora::bench::read_handbook(handbook, SIZE_MAX)) {
    languages.push_back({edition.folder, std::move(edition.titles), std::move(edition.pages)});
  }
  for (const auto& folder : fs::directory_iterator(corpus / "resources")) {
    const std::string language = folder.path().filename().string();
    const bool known = std::any_of(languages.begin(), languages.end(), [&](const auto& text) {
      return text.language.substr(0, 2) == language;
    });
    if (known) continue;
    LanguageText text{language, {}, {}};
    for (const auto& file : fs::directory_iterator(folder.path())) {
      std::ifstream in(file.path());
      std::string content((std::istreambuf_iterator<char>(in)), {});
      const std::size_t end = content.find("\n---", 3);
      if (end == std::string::npos) continue;
      const std::size_t title = content.find("\ntitle:");
      std::string line = title < end
                             ? content.substr(title + 7, content.find('\n', title + 1) - title - 7)
                             : file.path().stem().string();
      line.erase(std::remove(line.begin(), line.end(), '"'), line.end());
      text.titles.push_back(line);
      text.texts.push_back(content.substr(end + 4));
    }
    if (!text.texts.empty()) languages.push_back(std::move(text));
  }
  return languages;
}

// A piece of `text` of about `length` bytes from `start`, cut at spaces (so never inside a
// UTF-8 sequence; CJK text without spaces is cut at a character boundary).
std::string slice(const std::string& text, std::size_t start, std::size_t length) {
  if (text.empty()) return {};
  start %= text.size();
  auto boundary = [&](std::size_t at) {
    at = std::min(at, text.size());
    const std::size_t space = text.find(' ', at);
    if (space != std::string::npos && space - at < 40) return space;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    return at;
  };
  const std::size_t from = start == 0 ? 0 : boundary(start);
  const std::size_t to = boundary(from + length);
  return text.substr(from, to - from);
}

// Writes `count` records as JSON Lines. Record i belongs to work i / 8 (a resource and up
// to seven translations of it: the same handbook page in other editions), so translation
// links and collapsing are exercised as in a real catalogue.
void generate(const std::vector<LanguageText>& languages, std::size_t count, const fs::path& out) {
  static const char* types[] = {"guide", "course", "video", "book", "exercise", "article"};
  static const char* licenses[] = {"CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "CC-BY-NC-4.0"};
  static const char* levels[] = {"beginner", "intermediate", "advanced"};
  static const char* subjects[] = {
      "system administration", "networking", "security", "packaging",   "cooperatives",
      "digital skills",        "governance", "finance",  "open source", "education"};
  std::mt19937_64 random(20261202);  // fixed seed: every run makes the same collection
  std::ofstream file(out);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t work = i / 8;
    const LanguageText& text = languages[(work * 7 + i % 8) % languages.size()];
    const std::size_t page = work % text.texts.size();
    const std::string& body = text.texts[page];
    const std::size_t variant = work / text.texts.size();
    json record = {
        {"id", "synthetic-" + std::to_string(i)},
        {"url", "https://oer.example.org/" + text.language + "/" + std::to_string(i)},
        {"title", text.titles[page] + (variant ? " " + std::to_string(variant) : std::string())},
        {"inLanguage", text.language},
        {"description", slice(body, variant * 131, 200)},
        {"text", slice(body, variant * 977 + 300, 600 + random() % 2400)},
        {"work", "work-" + std::to_string(work)},
        {"learningResourceType", types[random() % std::size(types)]},
        {"license", licenses[random() % std::size(licenses)]},
        {"educationalLevel", levels[random() % std::size(levels)]},
        {"about",
         {subjects[random() % std::size(subjects)], subjects[random() % std::size(subjects)]}},
        {"datePublished", std::to_string(2015 + random() % 11) + "-0" +
                              std::to_string(1 + random() % 9) + "-1" +
                              std::to_string(random() % 10)},
    };
    file << record.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
}

struct ChildCost {
  double wall = 0;
  double cpu = 0;
  long peak_rss_kb = 0;
  int status = 0;
};

// Runs a program to its end, with its own peak RSS and CPU time.
ChildCost run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const auto start = Clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
    throw std::runtime_error("cannot start " + args[0]);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  ChildCost cost;
  cost.wall = std::chrono::duration<double>(Clock::now() - start).count();
  cost.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
             usage.ru_stime.tv_usec / 1e6;
  cost.peak_rss_kb = usage.ru_maxrss;
  cost.status = status;
  return cost;
}

double percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5)];
}

std::vector<std::pair<std::string, std::string>> read_queries() {
  std::ifstream file(AGORA_SOURCE_DIR "/bench/queries.txt");
  std::vector<std::pair<std::string, std::string>> queries;
  std::string line;
  while (std::getline(file, line)) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos) queries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return queries;
}

struct Latency {
  double p50 = 0;
  double p99 = 0;
  double per_second = 0;
  std::size_t answered = 0;  ///< searches with at least one hit (in process) or a 200 (HTTP)
};

// Each query of bench/queries.txt, as a learner of its language would send it.
Latency search_in_process(const fs::path& db, int rounds) {
  const agora::analyzers::Registry registry;
  agora::index::Searcher searcher(db, registry);
  std::vector<double> times;
  std::size_t answered = 0;
  const auto queries = read_queries();
  for (int round = 0; round < rounds; ++round) {
    for (const auto& [language, text] : queries) {
      agora::index::SearchRequest request;
      request.query = text;
      request.learner_language = language;
      const auto start = Clock::now();
      const auto result = searcher.search(request);
      times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      answered += result.hits.empty() ? 0 : 1;
    }
  }
  return {percentile(times, 0.5), percentile(times, 0.99), 0, answered};
}

// 16 keep-alive connections sending the queries round robin for `seconds`.
Latency search_over_http(int port, double seconds) {
  const auto queries = read_queries();
  std::vector<std::vector<double>> times(16);
  std::atomic<bool> done{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < 16; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      for (std::size_t i = c; !done.load(); ++i) {
        const auto& [language, text] = queries[i % queries.size()];
        const std::string path =
            "/api/search?q=" + httplib::detail::encode_query_param(text) + "&lang=" + language;
        const auto start = Clock::now();
        const auto response = client.Get(path);
        if (!response || response->status != 200) continue;
        times[c].push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  done.store(true);
  for (std::thread& client : clients) client.join();
  std::vector<double> all;
  for (const auto& some : times) all.insert(all.end(), some.begin(), some.end());
  return {percentile(all, 0.5), percentile(all, 0.99), all.size() / seconds, all.size()};
}

bool answers(int port) {
  httplib::Client client("127.0.0.1", port);
  const auto response = client.Get("/readyz");
  return response && response->status == 200;
}

std::vector<std::size_t> parse_sizes(const std::string& list) {
  std::vector<std::size_t> sizes;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) sizes.push_back(std::stoul(item));
  return sizes;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes = {10000, 100000, 1000000};
  fs::path work = fs::temp_directory_path() / "agora-bench-scale";
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  double http_seconds = 5;
  std::string csv;
  bool keep = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--sizes")
      sizes = parse_sizes(argv[i + 1]);
    else if (flag == "--work")
      work = argv[i + 1];
    else if (flag == "--jobs")
      jobs = static_cast<unsigned>(std::stoul(argv[i + 1]));
    else if (flag == "--http-seconds")
      http_seconds = std::stod(argv[i + 1]);
    else if (flag == "--csv")
      csv = argv[i + 1];
    else if (flag == "--keep")
      keep = std::string(argv[i + 1]) == "1";
  }
  fs::create_directories(work);
  const auto languages = source_text(agora::bench::kHandbookDir, AGORA_SOURCE_DIR "/corpus");
  std::printf("languages in the generated collections: %zu\n\n", languages.size());
  std::printf("%9s %9s %9s %9s %9s %10s %9s %9s %9s %9s %9s\n", "records", "input MB", "index s",
              "records/s", "RSS MB", "index MB", "p50 ms", "p99 ms", "http p50", "http p99",
              "http r/s");
  std::ofstream table;
  if (!csv.empty()) {
    table.open(csv);
    table << "records,input_mb,index_seconds,records_per_second,cpu_seconds,peak_rss_mb,index_mb,"
             "p50_ms,p99_ms,http_p50_ms,http_p99_ms,http_requests_per_second\n";
  }
  int port = 18300;
  for (const std::size_t size : sizes) {
    const fs::path input = work / ("collection-" + std::to_string(size) + ".jsonl");
    const fs::path db = work / ("index-" + std::to_string(size));
    generate(languages, size, input);
    fs::remove_all(db);
    const ChildCost indexing =
        run({AGORA_BINARY_DIR "/indexer/agora-index", "add", "--db", db.string(), "--quiet",
             "--jobs", std::to_string(jobs), "--collection", "synthetic", input.string()});
    if (indexing.status != 0) {
      std::fprintf(stderr, "agora-index add failed for %zu records\n", size);
      return 1;
    }
    const Latency local = search_in_process(db, size >= 1000000 ? 10 : 30);
    // The daemon with its cache off, so that every request is a search.
    const std::string state = (work / ("state-" + std::to_string(size) + ".sqlite")).string();
    ++port;
    pid_t daemon = 0;
    std::vector<std::string> args = {AGORA_BINARY_DIR "/searchd/agora-searchd",
                                     "--db",
                                     db.string(),
                                     "--port",
                                     std::to_string(port),
                                     "--state",
                                     state,
                                     "--no-access-log",
                                     "--cache-entries",
                                     "0"};
    std::vector<char*> argv_daemon;
    for (std::string& arg : args) argv_daemon.push_back(arg.data());
    argv_daemon.push_back(nullptr);
    posix_spawn(&daemon, argv_daemon[0], nullptr, nullptr, argv_daemon.data(), environ);
    for (int tries = 0; tries < 200 && !answers(port); ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const Latency http = search_over_http(port, http_seconds);
    kill(daemon, SIGTERM);
    waitpid(daemon, nullptr, 0);
    // A run that answers nothing measures nothing: CI runs the smallest point for this.
    if (local.answered == 0 || http.answered == 0) {
      std::fprintf(stderr, "no search found anything at %zu records (in process %zu, HTTP %zu)\n",
                   size, local.answered, http.answered);
      return 1;
    }
    const double input_mb = fs::file_size(input) / 1e6;
    const double index_mb = agora::index::index_size_bytes(db) / 1e6;
    std::printf("%9zu %9.1f %9.1f %9.0f %9.0f %10.1f %9.2f %9.2f %9.2f %9.2f %9.0f\n", size,
                input_mb, indexing.wall, size / indexing.wall, indexing.peak_rss_kb / 1024.0,
                index_mb, local.p50, local.p99, http.p50, http.p99, http.per_second);
    std::fflush(stdout);
    if (table.is_open()) {
      table << size << ',' << input_mb << ',' << indexing.wall << ',' << size / indexing.wall << ','
            << indexing.cpu << ',' << indexing.peak_rss_kb / 1024.0 << ',' << index_mb << ','
            << local.p50 << ',' << local.p99 << ',' << http.p50 << ',' << http.p99 << ','
            << http.per_second << '\n';
    }
    if (!keep) {
      fs::remove_all(db);
      fs::remove(input);
      fs::remove(state);
    }
  }
  return 0;
}
