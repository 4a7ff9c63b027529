// /sitemap.xml and /robots.txt: what web search engines may crawl, and the resource pages
// with the alternates between the languages of each work.
#pragma once

#include <string>
#include <vector>

#include "agora/index/catalogue.hpp"

namespace agora::searchd {

/// A sitemap of the resource pages `entries`, each with an xhtml:link alternate for every
/// version of its work (itself included, as hreflang asks), links absolute under `origin`.
std::string sitemap_xml(const std::vector<index::SitemapEntry>& entries, const std::string& origin);

/// A sitemap index naming /sitemap-1.xml to /sitemap-`count`.xml.
std::string sitemap_index_xml(std::size_t count, const std::string& origin);

/// Crawl resource pages, not result pages or the API; where the sitemap is.
std::string robots_txt(const std::string& origin);

}  // namespace agora::searchd
