// A resource's page: what it is, in which languages, under which licence, what learners
// made of it; and the same facts as JSON-LD for machines.
#include "resource_page.hpp"

#include <cmath>
#include <cstdio>
#include <memory>

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>

#include "agora/base/html.hpp"
#include "agora/base/text.hpp"
#include "agora/index/concept_labels.hpp"
#include "agora/index/learning_resource.hpp"
#include "page_parts.hpp"

namespace agora::searchd {
namespace {

using nlohmann::json;

json as_list(const json& value) {
  if (value.is_null()) return json::array();
  return value.is_array() ? value : json::array({value});
}

std::string text_field(const json& record, const char* key) {
  const json& value = record.value(key, json());
  return value.is_string() ? value.get<std::string>() : "";
}

// A date in the UI language's long form ("2 mai 2024"); ICU knows each locale's order
// and month names. Year-only and year-month dates stay as written.
std::string local_date(UDate when, const std::string& ui) {
  const std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale(ui.c_str())));
  if (!format) return "";
  icu::UnicodeString text;
  format->format(when, text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string record_date(const std::string& date, const std::string& ui) {
  int year = 0, month = 0, day = 0;
  if (date.size() < 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3) {
    return date;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(icu::TimeZone::getGMT()->clone(), status);
  calendar.clear();
  calendar.set(year, month - 1, day, 12, 0);
  const UDate when = calendar.getTime(status);
  return U_SUCCESS(status) ? local_date(when, ui) : date;
}

// A subject, level or type for the learner: a concept's label in their language, the UI's
// name for one of Agora's own values, else the value as written.
std::string value_label(const UiStrings& s, const std::string& ui, const std::string& facet,
                        const json& value) {
  if (value.is_object()) {
    index::LabelsByLanguage labels;
    const json& label = value.value("prefLabel", json());
    if (label.is_string()) labels.emplace("und", label.get<std::string>());
    if (label.is_object()) {
      for (const auto& [language, text] : label.items()) {
        if (text.is_string()) labels.emplace(language, text.get<std::string>());
      }
    }
    if (const auto chosen = index::label_for(labels, ui)) return *chosen;
    return value.value("id", "");
  }
  if (!value.is_string()) return "";
  const std::string key = facet + "." + value.get<std::string>();
  const std::string label = s.text(ui, key);
  return label == key ? value.get<std::string>() : label;
}

std::string names(const json& value) {
  std::string out;
  for (const json& name : as_list(value)) {
    const std::string text = name.is_string()   ? name.get<std::string>()
                             : name.is_object() ? name.value("name", "")
                                                : "";
    if (text.empty()) continue;
    if (!out.empty()) out += ", ";
    out += text;
  }
  return out;
}

// One row of the facts list; nothing when there is nothing to say.
void add_fact(std::string& html, const std::string& term, const std::string& definition_html,
              const std::string& language = "") {
  if (definition_html.empty()) return;
  html += "<dt>" + escape_html(term) + "</dt><dd" +
          (language.empty() ? "" : " lang=\"" + escape_html(language) + "\" dir=\"auto\"") + ">" +
          definition_html + "</dd>\n";
}

std::string labels_html(const UiStrings& s, const std::string& ui, const std::string& facet,
                        const json& values) {
  std::string html;
  for (const json& value : as_list(values)) {
    const std::string label = value_label(s, ui, facet, value);
    if (label.empty()) continue;
    if (!html.empty()) html += ", ";
    html += escape_html(label);
  }
  return html;
}

std::string licence_html(const std::string& license) {
  if (license.empty()) return "";
  return "<a rel=\"license\" href=\"" + escape_html(index::license_url(license)) + "\">" +
         escape_html(license) + "</a>";
}

std::string date_html(const std::string& date, const std::string& ui) {
  if (date.empty()) return "";
  return "<time datetime=\"" + escape_html(date) + "\">" + escape_html(record_date(date, ui)) +
         "</time>";
}

std::string rating_html(const UiStrings& s, const std::string& ui, const json& rating) {
  if (!rating.is_object() || !rating.value("ratingCount", json(0)).is_number() ||
      rating.value("ratingCount", 0) <= 0) {
    return "<p id=\"agora-rating\">" + escape_html(s.text(ui, "resource.not_rated")) + "</p>\n";
  }
  const double value = rating.value("ratingValue", 0.0);
  char average[16];
  std::snprintf(average, sizeof average, "%.1f", std::round(value * 10) / 10);
  return "<p id=\"agora-rating\" data-value=\"" + std::string(average) + "\">" +
         escape_html(s.format(ui, "resource.average", "value", std::string(average))) + " · " +
         escape_html(s.format(ui, "resource.ratings", "count",
                              static_cast<long long>(rating.value("ratingCount", 0)))) +
         "</p>\n";
}

std::string comments_html(const UiStrings& s, const std::string& ui,
                          const std::vector<community::CommentView>& comments) {
  std::string html =
      "<section aria-labelledby=\"agora-comments-heading\"><h2 "
      "id=\"agora-comments-heading\">" +
      escape_html(s.text(ui, "resource.comments")) + "</h2>\n";
  if (comments.empty()) {
    return html + "<p>" + escape_html(s.text(ui, "resource.no_comments")) + "</p>\n</section>\n";
  }
  html += "<ol id=\"agora-comments\" class=\"agora-comments\">\n";
  for (const community::CommentView& comment : comments) {
    const std::string who =
        comment.author ? comment.author->display_name : s.text(ui, "resource.former_member");
    html += "<li><p class=\"agora-comment-by\">" + escape_html(who) + " · <time>" +
            escape_html(local_date(static_cast<UDate>(comment.created_at) * 1000.0, ui)) +
            "</time></p><p dir=\"auto\">" + escape_html(comment.body) + "</p></li>\n";
  }
  return html + "</ol>\n</section>\n";
}

// The JSON-LD, safe inside <script>: a "</script>" in a title must not end the element.
std::string json_ld_script(const json& node) {
  std::string text = node.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string safe;
  safe.reserve(text.size());
  for (char c : text) {
    if (c == '<') {
      safe += "\\u003c";
    } else {
      safe += c;
    }
  }
  return "<script type=\"application/ld+json\">" + safe + "</script>\n";
}

std::string head_html(const ResourcePageContent& content, const std::string& ui) {
  const json& record = content.record;
  const std::string language = text_field(record, "inLanguage");
  const std::string page = content.origin + resource_page_path(text_field(record, "id"));
  std::string head = "<link rel=\"canonical\" href=\"" + escape_html(page) + "\">\n";
  // Every version names all of them, itself included, as hreflang asks.
  if (!content.other_versions.empty()) {
    head += "<link rel=\"alternate\" hreflang=\"" + escape_html(language) + "\" href=\"" +
            escape_html(page) + "\">\n";
    for (const index::Translation& other : content.other_versions) {
      head += "<link rel=\"alternate\" hreflang=\"" + escape_html(other.language) + "\" href=\"" +
              escape_html(content.origin + resource_page_path(other.id)) + "\">\n";
    }
  }
  const std::string description = text_field(record, "description");
  if (!description.empty()) {
    head += "<meta name=\"description\" content=\"" + escape_html(description) + "\">\n";
  }
  head += json_ld_script(index::learning_resource(
      record, {index::JsonLdProfile::schema_org, ui, page, content.other_versions}));
  return head;
}

}  // namespace

std::string render_resource_page(const UiStrings& s, const std::string& ui,
                                 const ResourcePageContent& content) {
  const json& record = content.record;
  const std::string title = text_field(record, "title");
  const std::string language = text_field(record, "inLanguage");
  const std::string url = text_field(record, "url");
  std::string html = page_start(s, ui, title + " – Agora", head_html(content, ui));
  html += search_header(s, ui, "");
  html += "<main id=\"main\" tabindex=\"-1\" class=\"agora-resource\">\n<article lang=\"" +
          escape_html(language) + "\" dir=\"auto\">\n<h1 id=\"agora-resource-title\">" +
          escape_html(title) + "</h1>\n";
  const std::string description = text_field(record, "description");
  if (!description.empty()) {
    html += "<p class=\"agora-description\">" + escape_html(description) + "</p>\n";
  }
  if (is_safe_url(url)) {
    html += "<p><a id=\"agora-open\" class=\"agora-submit\" href=\"" + escape_html(url) + "\">" +
            escape_html(s.text(ui, "resource.open")) + "</a></p>\n";
  }
  html += "</article>\n<dl id=\"agora-facts\" class=\"agora-facts\">\n";
  add_fact(html, s.text(ui, "facet.language"), escape_html(language_name(language, ui)));
  add_fact(html, s.text(ui, "facet.type"),
           labels_html(s, ui, "type", record.value("learningResourceType", json())));
  add_fact(html, s.text(ui, "facet.level"),
           labels_html(s, ui, "level", record.value("educationalLevel", json())));
  add_fact(html, s.text(ui, "facet.subject"),
           labels_html(s, ui, "subject", record.value("about", json())));
  add_fact(html, s.text(ui, "facet.license"), licence_html(text_field(record, "license")));
  add_fact(html, s.text(ui, "resource.author"), escape_html(names(record.value("author", json()))));
  add_fact(html, s.text(ui, "resource.publisher"),
           escape_html(names(record.value("publisher", json()))));
  add_fact(html, s.text(ui, "resource.published"),
           date_html(text_field(record, "datePublished"), ui));
  add_fact(html, s.text(ui, "resource.updated"), date_html(text_field(record, "dateModified"), ui));
  std::string keywords;
  for (const json& keyword : as_list(record.value("keywords", json()))) {
    if (!keyword.is_string()) continue;
    keywords += (keywords.empty() ? "" : ", ") + escape_html(keyword.get<std::string>());
  }
  add_fact(html, s.text(ui, "resource.keywords"), keywords, language);
  html += "</dl>\n";
  if (!content.other_versions.empty()) {
    html +=
        "<section aria-labelledby=\"agora-versions-heading\"><h2 "
        "id=\"agora-versions-heading\">" +
        escape_html(s.text(ui, "resource.other_versions")) + "</h2>\n<ul id=\"agora-versions\">\n";
    for (const index::Translation& other : content.other_versions) {
      html += "<li><a hreflang=\"" + escape_html(other.language) + "\" href=\"" +
              escape_html(resource_page_path(other.id) + "?lang=" + encode_query_value(ui)) +
              "\"><span lang=\"" + escape_html(other.language) + "\" dir=\"auto\">" +
              escape_html(other.title) + "</span></a> (" +
              escape_html(language_name(other.language, ui)) + ")</li>\n";
    }
    html += "</ul>\n</section>\n";
  }
  html += "<section aria-labelledby=\"agora-rating-heading\"><h2 id=\"agora-rating-heading\">" +
          escape_html(s.text(ui, "resource.rating")) + "</h2>\n" +
          rating_html(s, ui, record.value("aggregateRating", json())) + "</section>\n";
  html += comments_html(s, ui, content.comments);
  html += "<p><a href=\"/search?lang=" + escape_html(encode_query_value(ui)) + "\">" +
          escape_html(s.text(ui, "request.back")) + "</a></p>\n</main>\n";
  return html + kPageEnd;
}

std::string render_missing_resource_page(const UiStrings& s, const std::string& ui, int status,
                                         const std::string& detail) {
  std::string html = page_start(s, ui, s.text(ui, "resource.missing") + " – Agora", kNoIndex);
  html += search_header(s, ui, "");
  html += "<main id=\"main\" tabindex=\"-1\">\n<h1>" + escape_html(s.text(ui, "resource.missing")) +
          "</h1>\n<p>" +
          escape_html(status == 404 ? s.text(ui, "resource.missing_detail") : detail) +
          "</p>\n</main>\n";
  return html + kPageEnd;
}

}  // namespace agora::searchd
