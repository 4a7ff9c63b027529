// The shared parts of server-rendered pages.
#include "page_parts.hpp"

#include <cctype>
#include <cstdio>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "agora/base/html.hpp"
#include "agora/base/text.hpp"

namespace agora::searchd {
namespace {

std::string percent_encode(const std::string& value, bool keep_slash) {
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' ||
        (keep_slash && c == '/')) {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

}  // namespace

std::string page_start(const UiStrings& s, const std::string& ui, const std::string& title,
                       const std::string& head) {
  return "<!doctype html>\n<html lang=\"" + escape_html(ui) + "\" dir=\"" +
         (s.is_rtl(ui) ? "rtl" : "ltr") +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escape_html(title) + "</title>\n" + head +
         "<link rel=\"search\" type=\"application/opensearchdescription+xml\" "
         "href=\"/opensearch.xml\" title=\"Agora\">\n<link rel=\"stylesheet\" "
         "href=\"/agora.css\">\n"
         "<link rel=\"icon\" href=\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' "
         "viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%230a5c4a'/%3E%3C/svg%3E\">\n"
         "<script type=\"module\" src=\"/agora.js\"></script>\n</head>\n<body>\n"
         "<a class=\"agora-skip\" href=\"#main\">" +
         escape_html(s.text(ui, "skip")) + "</a>\n";
}

std::string search_header(const UiStrings& s, const std::string& ui, const std::string& query) {
  std::string html =
      "<header class=\"agora-header\">\n<div class=\"agora-bar\"><a class=\"agora-brand\" "
      "href=\"/\">Agora</a>\n<div class=\"agora-lang\"><label for=\"lang\">" +
      escape_html(s.text(ui, "lang.label")) +
      "</label> <select id=\"lang\" name=\"lang\" form=\"agora-search-form\">";
  for (const auto& language : s.languages()) {
    const std::string code = language.value("code", "");
    html += "<option value=\"" + escape_html(code) + "\" lang=\"" + escape_html(code) + "\"" +
            (s.is_rtl(code) ? " dir=\"rtl\"" : "") + (code == ui ? " selected" : "") + ">" +
            escape_html(language.value("name", code)) + "</option>";
  }
  html +=
      "</select></div></div>\n<form id=\"agora-search-form\" class=\"agora-form\" "
      "role=\"search\" action=\"/search\" method=\"get\"><label for=\"q\">" +
      escape_html(s.text(ui, "search.label")) +
      "</label><div class=\"agora-field\"><div class=\"agora-combo\"><input type=\"search\" "
      "id=\"q\" name=\"q\" maxlength=\"500\" value=\"" +
      escape_html(query) +
      "\"></div>"
      "<button type=\"submit\" class=\"agora-submit\">" +
      escape_html(s.text(ui, "search.button")) + "</button></div></form>\n</header>\n";
  return html;
}

std::string encode_query_value(const std::string& value) { return percent_encode(value, false); }

std::string resource_page_path(const std::string& id) {
  return "/resource/" + percent_encode(id, true);
}

bool is_safe_url(const std::string& url) {
  const std::string scheme = lower_ascii(url.substr(0, 8));
  return scheme.rfind("https://", 0) == 0 || scheme.rfind("http://", 0) == 0;
}

std::string language_name(const std::string& tag, const std::string& ui) {
  icu::UnicodeString name;
  icu::Locale(tag.c_str()).getDisplayName(icu::Locale(ui.c_str()), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? tag : out;
}

}  // namespace agora::searchd
