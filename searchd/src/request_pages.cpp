// The request form and its confirmation page.
#include "request_pages.hpp"

#include "agora/base/html.hpp"
#include "page_parts.hpp"

namespace agora::searchd {
namespace {

using nlohmann::json;

std::string string_field(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

}  // namespace

std::string request_form_html(const UiStrings& s, const std::string& ui, const std::string& topic,
                              const std::string& language, const std::string& csrf_token) {
  std::string html =
      "<form id=\"agora-request-form\" class=\"agora-request\" method=\"post\" "
      "action=\"/requests\">"
      "<h2 id=\"agora-request-heading\">" +
      escape_html(s.text(ui, "request.offer")) +
      "</h2>"
      "<input type=\"hidden\" name=\"ui\" value=\"" +
      escape_html(ui) +
      "\">"
      "<input type=\"hidden\" name=\"language\" value=\"" +
      escape_html(language) + "\">";
  if (!csrf_token.empty()) {
    html += "<input type=\"hidden\" name=\"csrf_token\" value=\"" + escape_html(csrf_token) + "\">";
  }
  html += "<p><label for=\"request-topic\">" + escape_html(s.text(ui, "request.topic")) +
          "</label> <input id=\"request-topic\" name=\"topic\" required minlength=\"3\" "
          "maxlength=\"200\" value=\"" +
          escape_html(topic) +
          "\"></p>"
          "<p><label for=\"request-details\">" +
          escape_html(s.text(ui, "request.details")) +
          "</label> <textarea id=\"request-details\" name=\"details\" maxlength=\"4000\" "
          "rows=\"3\"></textarea></p>"
          "<p><label for=\"request-level\">" +
          escape_html(s.text(ui, "facet.level")) +
          "</label> <select id=\"request-level\" name=\"level\"><option value=\"\">–</option>";
  for (const char* level : {"beginner", "intermediate", "advanced"}) {
    html += std::string("<option value=\"") + level + "\">" +
            escape_html(s.text(ui, std::string("level.") + level)) + "</option>";
  }
  html += "</select></p><button type=\"submit\" class=\"agora-submit\">" +
          escape_html(s.text(ui, "request.submit")) + "</button></form>";
  return html;
}

std::string render_request_page(const UiStrings& s, const std::string& ui, const json& request,
                                const json& errors, const std::string& csrf_token) {
  const std::string topic = string_field(request, "topic");
  std::string html = page_start(s, ui, s.text(ui, "request.offer") + " – Agora", kNoIndex);
  html +=
      "<header class=\"agora-header\"><div class=\"agora-bar\"><a class=\"agora-brand\" "
      "href=\"/\">Agora</a></div></header>\n<main id=\"main\" tabindex=\"-1\">\n";
  if (errors.empty()) {
    html += "<h1>" + escape_html(s.text(ui, "request.thanks")) +
            "</h1>\n<p id=\"agora-request-topic\">" + escape_html(topic) +
            "</p>\n<p><a href=\"/requests.html?id=" + std::to_string(request.value("id", 0)) +
            "\">" + escape_html(s.text(ui, "request.follow")) + "</a></p>\n";
  } else {
    html += "<h1>" + escape_html(s.text(ui, "request.problems")) +
            "</h1>\n<ul id=\"agora-request-errors\">";
    for (const json& error : errors) {
      html += "<li>" + escape_html(string_field(error, "field")) + ": " +
              escape_html(string_field(error, "message")) + "</li>";
    }
    html +=
        "</ul>\n" + request_form_html(s, ui, topic, string_field(request, "language"), csrf_token);
  }
  html += "<p><a href=\"/search?lang=" + escape_html(ui) + "\">" +
          escape_html(s.text(ui, "request.back")) + "</a></p>\n</main>\n</body>\n</html>\n";
  return html;
}

}  // namespace agora::searchd
