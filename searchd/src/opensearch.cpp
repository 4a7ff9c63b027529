// OpenSearch 1.1 description, written with pugixml.
#include "opensearch.hpp"

#include <sstream>

#include <pugixml.hpp>

namespace agora::searchd {

std::string opensearch_description(const std::string& origin) {
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = document.append_child("OpenSearchDescription");
  root.append_attribute("xmlns") = "http://a9.com/-/spec/opensearch/1.1/";
  root.append_child("ShortName").text() = "Agora";
  root.append_child("Description").text() =
      "Open educational resources about the social economy, in your language";
  root.append_child("InputEncoding").text() = "UTF-8";
  auto add_url = [&](const char* type, const std::string& path) {
    pugi::xml_node url = root.append_child("Url");
    url.append_attribute("type") = type;
    url.append_attribute("template") = (origin + path).c_str();
  };
  add_url("text/html", "/search?q={searchTerms}");
  add_url("application/json", "/api/search?q={searchTerms}");
  add_url("application/x-suggestions+json", "/api/suggest?format=opensearch&q={searchTerms}");
  std::ostringstream out;
  document.save(out, "  ");
  return out.str();
}

}  // namespace agora::searchd
