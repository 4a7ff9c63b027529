// Server-side rendering of /search, with the element ids web/agora.js expects.
#include "results_page.hpp"

#include <algorithm>

#include "agora/base/html.hpp"
#include "agora/index/index_schema.hpp"
#include "page_parts.hpp"
#include "request_pages.hpp"

namespace agora::searchd {
namespace {

// The /search URL for `params` with `changes` applied: facet toggles, page, query.
struct Link {
  const SearchParams& params;
  std::string ui;

  std::string to(const std::map<std::string, std::vector<std::string>>& filters, std::size_t page,
                 const std::string& query) const {
    std::string url = "/search?q=" + encode_query_value(query) + "&lang=" + encode_query_value(ui);
    for (const auto& [facet, values] : filters) {
      for (const std::string& value : values) url += "&" + facet + "=" + encode_query_value(value);
    }
    if (params.request.sort == index::SearchRequest::Sort::date) url += "&sort=date";
    if (page > 1) url += "&page=" + std::to_string(page);
    return escape_html(url);
  }
  std::string toggled(const std::string& facet, const std::string& value) const {
    auto filters = params.request.filters;
    auto& values = filters[facet];
    auto found = std::find(values.begin(), values.end(), value);
    if (found == values.end()) {
      values.push_back(value);
    } else {
      values.erase(found);
    }
    if (values.empty()) filters.erase(facet);
    return to(filters, 1, params.request.query);
  }
  std::string page(std::size_t number) const {
    return to(params.request.filters, number, params.request.query);
  }
};

// A concept's label in the learner's language (the searcher chose it), else the UI's
// name for one of Agora's own values, else the value as it is.
std::string facet_label(const UiStrings& s, const std::string& ui, const std::string& facet,
                        const std::string& value,
                        const std::map<std::string, std::string>& labels) {
  if (facet == "language") return language_name(value, ui);
  if (const auto concept_label = labels.find(value); concept_label != labels.end()) {
    return concept_label->second;
  }
  const std::string key = facet + "." + value;
  const std::string label = s.text(ui, key);
  return label == key ? value : label;
}

// How many of the query's translations the page names; the others are counted.
constexpr std::size_t kTranslationsNamed = 3;

// "Also searched in French: réseau configuration; in English: …", the learner's first.
std::string also_searched_in(const UiStrings& s, const std::string& ui,
                             const std::vector<index::SearchedTranslation>& translated) {
  std::string html = "<p class=\"agora-translated\">";
  for (std::size_t i = 0; i < translated.size() && i < kTranslationsNamed; ++i) {
    if (i) html += " · ";
    html += escape_html(s.format(ui, "results.also_searched", "language",
                                 language_name(translated[i].language, ui)));
    html += " <span dir=\"auto\" lang=\"" + escape_html(translated[i].language) + "\">" +
            escape_html(translated[i].query) + "</span>";
  }
  if (translated.size() > kTranslationsNamed) {
    html +=
        " " + escape_html(s.format(ui, "results.also_searched_more", "count",
                                   static_cast<long long>(translated.size() - kTranslationsNamed)));
  }
  return html + "</p>\n";
}

}  // namespace

std::string render_results_page(const UiStrings& s, const std::string& ui,
                                const SearchParams& params, const index::SearchResult& result,
                                const std::string& csrf_token) {
  const Link link{params, ui};
  const std::string& query = params.request.query;
  std::string html;
  html.reserve(16384);
  html +=
      page_start(s, ui, query.empty() ? s.text(ui, "page.title") : query + " – Agora", kNoIndex);
  html += search_header(s, ui, query);
  html +=
      "<main id=\"main\" tabindex=\"-1\">\n<p id=\"agora-status\" class=\"agora-status\" "
      "role=\"status\" aria-live=\"polite\">";
  html += escape_html(s.format(ui, result.total_is_estimate ? "results.about" : "results.count",
                               "count", result.total));
  html += "</p>\n";
  if (result.relaxed) {
    html += "<p class=\"agora-relaxed\">" + escape_html(s.text(ui, "results.relaxed")) + "</p>\n";
  }
  if (!result.translated.empty()) html += also_searched_in(s, ui, result.translated);
  html += "<div class=\"agora-layout\">\n<aside id=\"agora-facets\" class=\"agora-facets\"><h2>" +
          escape_html(s.text(ui, "filters.heading")) + "</h2>\n";
  for (const index::schema::FilterField& field : index::schema::kFilterFields) {
    if (!field.on_results_page) continue;
    const std::string facet(field.name);
    const auto found = result.facets.find(facet);
    if (found == result.facets.end() || found->second.empty()) continue;
    html += "<section data-facet=\"" + facet + "\"><h3>" +
            escape_html(s.text(ui, std::string("facet.") + facet)) + "</h3><ul>";
    const auto selected = params.request.filters.find(facet);
    for (const index::FacetCount& count : found->second) {
      const bool on = selected != params.request.filters.end() &&
                      std::find(selected->second.begin(), selected->second.end(), count.value) !=
                          selected->second.end();
      html += "<li><a data-value=\"" + escape_html(count.value) + "\" href=\"" +
              link.toggled(facet, count.value) + "\"" + (on ? " aria-current=\"true\"" : "") + ">" +
              escape_html(facet_label(s, ui, facet, count.value, result.labels)) +
              " <span class=\"count\">(" + std::to_string(count.count) + ")</span></a></li>";
    }
    html += "</ul></section>\n";
  }
  html += "</aside>\n<div class=\"agora-results-col\">\n";
  if (result.hits.empty()) {
    html += "<div id=\"agora-empty\" class=\"agora-empty\"><p>" +
            escape_html(s.text(ui, "results.none")) + "</p>";
    if (!result.suggestion.empty()) {
      html += "<p id=\"agora-did-you-mean\">" + escape_html(s.text(ui, "results.didyoumean")) +
              " <a href=\"" + link.to(params.request.filters, 1, result.suggestion) + "\">" +
              escape_html(result.suggestion) + "</a></p>";
    }
    if (!params.request.filters.empty()) {
      html += "<p id=\"agora-broader\"><a href=\"" + link.to({}, 1, query) + "\">" +
              escape_html(s.text(ui, "results.broader")) + "</a></p>";
    }
    if (!query.empty()) {
      const std::string& learner = params.request.learner_language;
      html += request_form_html(s, ui, query, learner.empty() || learner == "und" ? ui : learner,
                                csrf_token);
    }
    html += "</div>\n";
  }
  html += "<ol id=\"agora-results\" class=\"agora-results\">\n";
  for (const index::Hit& hit : result.hits) {
    html += "<li class=\"agora-hit\" data-id=\"" + escape_html(hit.id) + "\" lang=\"" +
            escape_html(hit.language) + "\"><h3><a class=\"agora-title\" href=\"" +
            (is_safe_url(hit.url) ? escape_html(hit.url) : "#") + "\">" + escape_html(hit.title) +
            "</a></h3><ul class=\"agora-badges\" role=\"list\"><li class=\"agora-badge "
            "agora-badge-language\">" +
            escape_html(language_name(hit.language, ui)) + "</li>";
    if (!hit.in_learner_language) {
      html += "<li class=\"agora-badge agora-other-language\">" +
              escape_html(s.text(ui, "hit.other_language")) + "</li>";
    }
    for (const std::string& type : hit.types) {
      html += "<li class=\"agora-badge agora-badge-type\">" +
              escape_html(facet_label(s, ui, "type", type, result.labels)) + "</li>";
    }
    if (!hit.license.empty()) {
      html += "<li class=\"agora-badge agora-badge-license\">" + escape_html(hit.license) + "</li>";
    }
    html += "</ul><p class=\"agora-snippet\">" + hit.snippet + "</p>";  // escaped by the searcher
    if (hit.through_translation) {
      html += "<p class=\"agora-through-translation\">" +
              escape_html(s.text(ui, "hit.through_translation")) + "</p>";
    }
    if (hit.matched) {
      html += "<p class=\"agora-matched\">" +
              escape_html(s.format(ui, "hit.matched_in", "language",
                                   language_name(hit.matched->language, ui))) +
              "</p>";
    }
    if (!hit.translations.empty()) {
      html += "<p class=\"agora-also\">" + escape_html(s.text(ui, "hit.also"));
      bool first = true;
      for (const index::Translation& translation : hit.translations) {
        html += std::string(first ? " " : " · ") + "<a hreflang=\"" +
                escape_html(translation.language) + "\" lang=\"" +
                escape_html(translation.language) + "\" href=\"" +
                (is_safe_url(translation.url) ? escape_html(translation.url) : "#") + "\">" +
                escape_html(translation.title) + "</a>";
        first = false;
      }
      html += "</p>";
    }
    html += "<p class=\"agora-details\" lang=\"" + escape_html(ui) + "\"><a href=\"" +
            escape_html(resource_page_path(hit.id) + "?lang=" + encode_query_value(ui)) + "\">" +
            escape_html(s.text(ui, "resource.details")) + "</a></p>";
    html += "</li>\n";
  }
  html += "</ol>\n";
  const std::size_t pages =
      std::min(params.max_page, (result.total + params.per_page - 1) / params.per_page);
  if (pages > 1) {
    html += "<nav id=\"agora-pages\" class=\"agora-pages\" aria-label=\"" +
            escape_html(s.text(ui, "pages.label")) + "\">";
    if (params.page > 1) {
      html += "<a rel=\"prev\" href=\"" + link.page(params.page - 1) + "\">" +
              escape_html(s.text(ui, "pages.previous")) + "</a> ";
    }
    if (params.page < pages) {
      html += "<a rel=\"next\" href=\"" + link.page(params.page + 1) + "\">" +
              escape_html(s.text(ui, "pages.next")) + "</a>";
    }
    html += "</nav>\n";
  }
  html += "</div>\n</div>\n</main>\n";
  html += kPageEnd;
  return html;
}

}  // namespace agora::searchd
