// The harvest loop: Identify, then ListRecords page by page (resumptionToken), each page
// committed with the harvest's place in the index metadata.
//
// The place lives in the index, not in a separate state file, because the two must agree:
// a page's records and the token that follows them land in one Xapian commit, so a
// harvest resumed after a crash neither skips nor repeats a page.
#include "agora/index/harvest.hpp"

#include <ostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "agora/error.hpp"
#include "agora/index/record_builder.hpp"
#include "http_get.hpp"
#include "importers/oai_pmh_page.hpp"

namespace agora::index {
namespace {

using nlohmann::json;

// Where one source stands: the last complete harvest, and an unfinished one.
class HarvestPlace {
 public:
  HarvestPlace(IndexWriter& writer, const HarvestOptions& options)
      : writer_(writer),
        key_("harvest:" + options.url + " " + options.metadata_prefix + " " + options.set) {
    const json stored = json::parse(writer_.metadata(key_), nullptr, false);
    if (stored.is_object()) state_ = stored;
  }

  /// The responseDate at which the last complete harvest started, or "".
  std::string last_complete() const { return state_.value("last", ""); }
  const json* running() const {
    return state_.contains("running") && state_["running"].is_object() ? &state_["running"]
                                                                       : nullptr;
  }

  void begin(const std::string& started, const std::string& from) {
    state_["running"] = {{"started", started}, {"from", from}, {"token", ""}, {"pages", 0}};
  }
  void page_done(const std::string& token) {
    json& running = state_["running"];
    running["token"] = token;
    running["pages"] = running.value("pages", 0) + 1;
    save();
  }
  void complete() {
    state_["last"] = state_["running"].value("started", "");
    state_.erase("running");
    save();
  }

 private:
  void save() { writer_.set_metadata(key_, state_.dump()); }

  IndexWriter& writer_;
  std::string key_;
  json state_ = json::object();
};

// "2024-05-01T10:11:12Z" cut to what the repository accepts ("2024-05-01" for a
// repository of day granularity).
std::string at_granularity(const std::string& date, const std::string& granularity) {
  return granularity == "YYYY-MM-DD" ? date.substr(0, 10) : date;
}

class Harvest {
 public:
  Harvest(const HarvestOptions& options, IndexWriter& writer,
          const analyzers::LanguageDetector& detector, std::ostream& errors,
          const std::atomic<bool>* stop)
      : options_(options),
        writer_(writer),
        detector_(detector),
        errors_(errors),
        stop_(stop),
        place_(writer, options) {}

  HarvestSummary run() {
    if (!metadata_of_prefix(options_.metadata_prefix)) {
      throw InvalidInput("--metadata-prefix '" + options_.metadata_prefix +
                         "' is not one Agora reads: oai_dc or lom");
    }
    const std::optional<OaiPage> identify = fetch({{"verb", "Identify"}}, "Identify");
    if (!identify) return summary_;
    granularity_ = identify->granularity;

    std::map<std::string, std::string> request;
    const json* running = place_.running();
    if (running && !options_.restart && !running->value("token", "").empty()) {
      summary_.resumed = true;
      summary_.from = running->value("from", "");
      request = {{"verb", "ListRecords"}, {"resumptionToken", running->value("token", "")}};
    } else {
      request = first_request();
    }
    bool first_page = !summary_.resumed;
    while (true) {
      if (stop_ && stop_->load()) {
        summary_.interrupted = true;
        summary_.stopped_by = "interrupted";
        break;
      }
      std::optional<OaiPage> page = fetch(request, "ListRecords");
      if (!page) break;
      if (page->error_code == "badResumptionToken" && summary_.resumed && summary_.pages == 0) {
        // The repository forgot the interrupted harvest: start it again, from its date.
        errors_ << options_.url << ": the interrupted harvest's resumptionToken has expired ("
                << page->error_message << "); harvesting again from the start\n";
        summary_.resumed = false;
        request = first_request();
        first_page = true;
        continue;
      }
      if (!page->error_code.empty() && page->error_code != "noRecordsMatch") {
        summary_.stopped_by =
            "the repository answered " + page->error_code + ": " + page->error_message;
        break;
      }
      if (first_page) place_.begin(page->response_date, summary_.from), first_page = false;
      ++summary_.pages;
      place_.page_done(page->resumption_token);
      if (page->resumption_token.empty()) {
        place_.complete();
        writer_.commit();
        summary_.complete = true;
        break;
      }
      writer_.commit(IndexWriter::Works::link_later);
      request = {{"verb", "ListRecords"}, {"resumptionToken", page->resumption_token}};
    }
    if (!summary_.complete) writer_.commit();
    return summary_;
  }

 private:
  std::map<std::string, std::string> first_request() {
    std::map<std::string, std::string> request = {{"verb", "ListRecords"},
                                                  {"metadataPrefix", options_.metadata_prefix}};
    if (!options_.set.empty()) request["set"] = options_.set;
    std::string from = options_.from.value_or(place_.last_complete());
    if (!from.empty()) request["from"] = summary_.from = at_granularity(from, granularity_);
    if (options_.until) request["until"] = at_granularity(*options_.until, granularity_);
    return request;
  }

  // One request, made again after a 503 (waiting as long as Retry-After asks), a failed
  // connection, a server error or a page that cannot be read; nullopt (with the reason
  // in the summary) once the attempts are spent or on an answer no retry will change.
  std::optional<OaiPage> fetch(const std::map<std::string, std::string>& parameters,
                               const char* verb) {
    const std::string url = with_query(options_.url, parameters);
    std::chrono::seconds backoff = options_.first_backoff;
    std::string problem;
    for (int attempt = 1; attempt <= options_.attempts; ++attempt) {
      if (attempt > 1) ++summary_.retries;
      const HttpAnswer answer = http_get(url, options_.request_timeout);
      std::chrono::seconds wait = backoff;
      if (answer.status == 200) {
        pending_.clear();
        OaiPage page =
            read_oai_page(answer.body, options_.url, read_options(),
                          [&](ImportItem&& item) { pending_.push_back(std::move(item)); });
        if (!page.unreadable) {
          for (ImportItem& item : pending_) apply(item);
          pending_.clear();
          return page;
        }
        problem = "page " + std::to_string(summary_.pages + 1) + " cannot be read: line " +
                  std::to_string(page.unreadable->line) + ": " + page.unreadable->field + ": " +
                  page.unreadable->message;
      } else if (answer.status == 0) {
        problem = answer.error;
      } else if (answer.status == 503 || answer.status == 429 || answer.status >= 500) {
        problem = "HTTP " + std::to_string(answer.status);
        if (answer.retry_after) {
          wait = std::min(std::chrono::seconds(*answer.retry_after), options_.longest_wait);
          problem += " (Retry-After: " + std::to_string(*answer.retry_after) + " s)";
        }
      } else {
        summary_.stopped_by =
            std::string(verb) + " answered HTTP " + std::to_string(answer.status) + " at " + url;
        return std::nullopt;
      }
      errors_ << options_.url << ": " << verb << ": " << problem;
      if (attempt == options_.attempts) {
        errors_ << "; giving up after " << attempt << " attempts\n";
        break;
      }
      errors_ << "; trying again in " << wait.count() << " s\n";
      std::this_thread::sleep_for(wait);
      backoff *= 2;
    }
    summary_.stopped_by = std::string(verb) + ": " + problem;
    return std::nullopt;
  }

  ReadOptions read_options() const {
    ReadOptions read;
    read.collection = options_.collection;
    return read;
  }

  void apply(ImportItem& item) {
    const std::string where = options_.url + ": ";
    switch (item.kind) {
      case ImportItem::Kind::deletion:
        summary_.removed += writer_.remove(item.deleted_id) ? 1 : 0;
        return;
      case ImportItem::Kind::failure:
      case ImportItem::Kind::skipped:
        errors_ << where << "line " << item.where.line << ": " << item.failure.field << ": "
                << item.failure.message << '\n';
        ++summary_.failed;
        return;
      case ImportItem::Kind::record: break;
    }
    const std::string identifier =
        item.fields.value("id", json()).is_string() ? item.fields["id"].get<std::string>() : "?";
    const BuiltRecord built = build_record(item.fields, options_.collection, detector_);
    for (const FieldError& error : built.errors) {
      errors_ << where << identifier << ": " << error.field << ": " << error.message << '\n';
    }
    if (!built.record) {
      ++summary_.failed;
      return;
    }
    ++(writer_.upsert(*built.record) == IndexWriter::Outcome::added ? summary_.added
                                                                    : summary_.replaced);
  }

  const HarvestOptions& options_;
  IndexWriter& writer_;
  const analyzers::LanguageDetector& detector_;
  std::ostream& errors_;
  const std::atomic<bool>* stop_;
  HarvestPlace place_;
  HarvestSummary summary_;
  std::string granularity_;
  std::vector<ImportItem> pending_;
};

}  // namespace

HarvestSummary harvest(const HarvestOptions& options, IndexWriter& writer,
                       const analyzers::LanguageDetector& detector, std::ostream& errors,
                       const std::atomic<bool>* stop) {
  return Harvest(options, writer, detector, errors, stop).run();
}

}  // namespace agora::index
