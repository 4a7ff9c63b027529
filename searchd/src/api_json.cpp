// Search results and completions as JSON (snake_case, documented in
// docs/api.md and docs/openapi.json).
#include "api_json.hpp"

#include <cmath>

#include "agora/build_info.hpp"

namespace agora::searchd {

using nlohmann::json;

std::string dump_safely(const json& body) {
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

void send_json(httplib::Response& response, const json& body, int status) {
  response.status = status;
  // JSON is UTF-8 by definition (RFC 8259), and httplib compresses the bare type only.
  response.set_content(dump_safely(body), "application/json");
}

json liveness_json() { return {{"status", "ok"}, {"version", kVersion}}; }

namespace {

json version_json(const index::Translation& version) {
  return {{"id", version.id},
          {"title", version.title},
          {"url", version.url},
          {"language", version.language}};
}

}  // namespace

json search_json(const SearchParams& params, const index::SearchResult& result, double took_ms) {
  json hits = json::array();
  for (const index::Hit& hit : result.hits) {
    json translations = json::array();
    for (const index::Translation& translation : hit.translations) {
      translations.push_back(version_json(translation));
    }
    hits.push_back({{"id", hit.id},
                    {"title", hit.title},
                    {"url", hit.url},
                    {"language", hit.language},
                    {"in_learner_language", hit.in_learner_language},
                    {"type", hit.types.empty() ? json(nullptr) : json(hit.types.front())},
                    {"types", hit.types},
                    {"license", hit.license.empty() ? json(nullptr) : json(hit.license)},
                    {"snippet", hit.snippet},
                    {"score", std::round(hit.score * 1000) / 1000},
                    {"matched", hit.matched ? version_json(*hit.matched) : json(nullptr)},
                    {"through_translation", hit.through_translation},
                    {"translations", translations}});
  }
  json facets = json::object();
  for (const auto& [name, counts] : result.facets) {
    json values = json::array();
    for (const index::FacetCount& count : counts) {
      json value = {{"value", count.value}, {"count", count.count}};
      if (const auto label = result.labels.find(count.value); label != result.labels.end()) {
        value["label"] = label->second;
      }
      values.push_back(std::move(value));
    }
    facets[name] = values;
  }
  json translated = json::array();
  for (const index::SearchedTranslation& translation : result.translated) {
    translated.push_back({{"language", translation.language}, {"query", translation.query}});
  }
  json selected = json::object();
  for (const auto& [name, values] : params.request.filters) selected[name] = values;
  return {{"query", params.request.query},
          {"lang", params.request.learner_language},
          {"filters", selected},
          {"sort", params.request.sort == index::SearchRequest::Sort::date ? "date" : "relevance"},
          {"page", params.page},
          {"per_page", params.per_page},
          {"total", result.total},
          {"total_is_estimate", result.total_is_estimate},
          {"relaxed", result.relaxed},
          {"hits", hits},
          {"facets", facets},
          {"labels", result.labels},
          {"suggestion", result.suggestion.empty() ? json(nullptr) : json(result.suggestion)},
          {"query_language",
           result.query_language.empty() ? json(nullptr) : json(result.query_language)},
          {"translate", params.request.translate},
          {"translated", translated},
          {"took_ms", std::round(took_ms * 100) / 100}};
}

json completions_json(const std::string& query, const std::string& language,
                      const std::vector<index::Completion>& completions) {
  json items = json::array();
  for (const index::Completion& completion : completions) {
    json item = {{"text", completion.text}, {"kind", completion.kind}};
    if (!completion.id.empty()) item["id"] = completion.id;
    if (!completion.language.empty()) item["language"] = completion.language;
    items.push_back(item);
  }
  return {{"query", query}, {"lang", language}, {"suggestions", items}};
}

}  // namespace agora::searchd
