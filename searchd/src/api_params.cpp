// Parameter validation for the read API; ICU reads Accept-Language.
#include "api_params.hpp"

#include <algorithm>

#include <unicode/uenum.h>
#include <unicode/uloc.h>

#include "agora/analyzers/language_tag.hpp"
#include "agora/base/parse.hpp"
#include "agora/base/utf8.hpp"
#include "agora/error.hpp"

namespace agora::searchd {
namespace {

std::size_t positive_number(const httplib::Request& request, const std::string& name,
                            std::size_t fallback, std::size_t max) {
  if (!request.has_param(name.c_str())) return fallback;
  return parse_whole_number_as<std::size_t>(request.get_param_value(name.c_str()), name, 1, max);
}

// Repeated or comma-separated values: language=fr&language=es or language=fr,es.
std::vector<std::string> values_of(const httplib::Request& request, const std::string& name) {
  std::vector<std::string> values;
  const auto range = request.params.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) {
    std::size_t start = 0;
    const std::string& list = it->second;
    while (start <= list.size()) {
      std::size_t end = list.find(',', start);
      if (end == std::string::npos) end = list.size();
      std::string value = list.substr(start, end - start);
      if (!value.empty()) values.push_back(std::move(value));
      start = end + 1;
    }
  }
  return values;
}

}  // namespace

void require_utf8(const std::string& parameter, const std::string& value) {
  if (first_invalid_utf8(value)) {
    throw InvalidInput(parameter + ": not valid UTF-8 (percent-encode UTF-8 bytes)");
  }
}

void check_parameters(const httplib::Request& request, const std::vector<std::string>& allowed,
                      std::size_t max) {
  if (request.params.size() > max) {
    throw InvalidInput("too many parameters (" + std::to_string(request.params.size()) +
                       "; at most " + std::to_string(max) + ")");
  }
  for (const auto& [name, value] : request.params) {
    require_utf8("parameter name", name);
    if (!name.empty() && name[0] == '_') continue;
    require_utf8(name, value);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string list;
      for (const std::string& known : allowed) list += (list.empty() ? "" : ", ") + known;
      throw InvalidInput("unknown parameter '" + name + "' (accepted: " + list + ")");
    }
  }
}

std::string learner_language(const httplib::Request& request, const analyzers::Registry& registry) {
  if (request.has_param("lang") && !request.get_param_value("lang").empty()) {
    const std::string lang = request.get_param_value("lang");
    try {
      return analyzers::parse_language_tag(lang).canonical;
    } catch (const InvalidInput&) {
      throw InvalidInput("lang: '" + lang + "' is not a BCP-47 language tag (e.g. fr, pt-BR)");
    }
  }
  const std::string header = request.get_header_value("Accept-Language");
  if (header.empty()) return "und";
  std::vector<std::string> supported;
  for (const analyzers::Analyzer* analyzer : registry.analyzers()) {
    if (analyzer->language().rfind("und", 0) != 0) supported.push_back(analyzer->language());
  }
  std::vector<const char*> names;
  for (const std::string& tag : supported) names.push_back(tag.c_str());
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration* available =
      uenum_openCharStringsEnumeration(names.data(), static_cast<int32_t>(names.size()), &status);
  char result[ULOC_FULLNAME_CAPACITY] = {0};
  UAcceptResult outcome;
  uloc_acceptLanguageFromHTTP(result, sizeof result, &outcome, header.c_str(), available, &status);
  uenum_close(available);
  if (U_FAILURE(status) || outcome == ULOC_ACCEPT_FAILED || result[0] == '\0') return "und";
  return result;
}

SearchParams parse_search_params(const httplib::Request& request, const ServerConfig& config,
                                 const analyzers::Registry& registry) {
  static const std::vector<std::string> allowed = [] {
    std::vector<std::string> names = {"q", "lang", "page", "per_page", "sort", "translate"};
    for (const std::string& facet : index::facet_names()) names.push_back(facet);
    return names;
  }();
  check_parameters(request, allowed, config.max_parameters);
  SearchParams params;
  index::SearchRequest& search = params.request;
  search.query = request.get_param_value("q");
  if (search.query.size() > config.max_query_bytes) {
    throw InvalidInput("q: the query is " + std::to_string(search.query.size()) +
                       " bytes long; at most " + std::to_string(config.max_query_bytes));
  }
  search.learner_language = learner_language(request, registry);
  for (const std::string& facet : index::facet_names()) {
    std::vector<std::string> values = values_of(request, facet);
    if (!values.empty()) search.filters[facet] = std::move(values);
  }
  params.per_page = positive_number(request, "per_page", 10, config.max_per_page);
  const std::size_t max_page = std::max<std::size_t>(1, config.max_result_depth / params.per_page);
  params.page = positive_number(request, "page", 1, max_page);
  params.max_page = max_page;
  search.offset = (params.page - 1) * params.per_page;
  search.limit = params.per_page;
  const std::string sort =
      request.has_param("sort") ? request.get_param_value("sort") : "relevance";
  if (sort == "date") {
    search.sort = index::SearchRequest::Sort::date;
  } else if (sort != "relevance") {
    throw InvalidInput("sort: '" + sort + "' is not one of relevance, date");
  }
  const std::string translate =
      request.has_param("translate") ? request.get_param_value("translate") : "on";
  if (translate == "off") {
    search.translate = false;
  } else if (translate != "on") {
    throw InvalidInput("translate: '" + translate + "' is not one of on, off");
  }
  return params;
}

}  // namespace agora::searchd
