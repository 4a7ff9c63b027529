// Sitemaps (sitemaps.org 0.9) with hreflang alternates, written with pugixml.
#include "sitemap.hpp"

#include <sstream>

#include <pugixml.hpp>

#include "agora/index/catalogue.hpp"
#include "page_parts.hpp"

namespace agora::searchd {
namespace {

constexpr const char* kSitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
constexpr const char* kXhtmlNamespace = "http://www.w3.org/1999/xhtml";

pugi::xml_node start(pugi::xml_document& document, const char* root_name) {
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = document.append_child(root_name);
  root.append_attribute("xmlns") = kSitemapNamespace;
  return root;
}

void text_child(pugi::xml_node parent, const char* name, const std::string& text) {
  parent.append_child(name).text().set(text.c_str());
}

void alternate(pugi::xml_node url, const std::string& language, const std::string& href) {
  pugi::xml_node link = url.append_child("xhtml:link");
  link.append_attribute("rel") = "alternate";
  link.append_attribute("hreflang") = language.c_str();
  link.append_attribute("href") = href.c_str();
}

std::string written(const pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace

std::string sitemap_xml(const std::vector<index::SitemapEntry>& entries,
                        const std::string& origin) {
  pugi::xml_document document;
  pugi::xml_node root = start(document, "urlset");
  root.append_attribute("xmlns:xhtml") = kXhtmlNamespace;
  for (const index::SitemapEntry& entry : entries) {
    pugi::xml_node url = root.append_child("url");
    const std::string page = origin + resource_page_path(entry.id);
    text_child(url, "loc", page);
    // Documents from before the index kept change dates have none worth telling.
    if (entry.datestamp != index::kEarliestDatestamp) text_child(url, "lastmod", entry.datestamp);
    if (entry.other_versions.empty()) continue;
    alternate(url, entry.language, page);
    for (const index::Translation& other : entry.other_versions) {
      alternate(url, other.language, origin + resource_page_path(other.id));
    }
  }
  return written(document);
}

std::string sitemap_index_xml(std::size_t count, const std::string& origin) {
  pugi::xml_document document;
  pugi::xml_node root = start(document, "sitemapindex");
  for (std::size_t number = 1; number <= count; ++number) {
    text_child(root.append_child("sitemap"), "loc",
               origin + "/sitemap-" + std::to_string(number) + ".xml");
  }
  return written(document);
}

std::string robots_txt(const std::string& origin) {
  // Result pages are endless combinations of queries and filters, and say noindex too;
  // the API is for programs.
  return "User-agent: *\nAllow: /resource/\nDisallow: /search\nDisallow: /api/\n"
         "Disallow: /oai\n\nSitemap: " +
         origin + "/sitemap.xml\n";
}

}  // namespace agora::searchd
