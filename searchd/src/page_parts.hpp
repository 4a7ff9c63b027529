// What every server-rendered page shares: the head, the search header, links and labels.
#pragma once

#include <string>

#include "ui_strings.hpp"

namespace agora::searchd {

/// The start of a page, up to and including <body> and the skip link. `head` is more
/// markup for <head>: robots rules, alternates, JSON-LD.
std::string page_start(const UiStrings& strings, const std::string& ui, const std::string& title,
                       const std::string& head = "");

/// The brand, the UI language menu and the search form, with `query` in its field.
std::string search_header(const UiStrings& strings, const std::string& ui,
                          const std::string& query);

/// The end of a page opened by page_start.
inline constexpr const char* kPageEnd = "</body>\n</html>\n";

/// Keeps search engines from indexing a page (results pages: endless and thin).
inline constexpr const char* kNoIndex = "<meta name=\"robots\" content=\"noindex\">\n";

/// Percent-encoding of a query-string value (RFC 3986 unreserved characters kept).
std::string encode_query_value(const std::string& value);

/// The path of a resource's own page: /resource/ID, the id percent-encoded ('/' kept).
std::string resource_page_path(const std::string& id);

/// Whether a link may go into a page: http and https only, never javascript: and the like.
bool is_safe_url(const std::string& url);

/// A language's name in the UI language ("fr" is "francés" to a Spanish reader).
std::string language_name(const std::string& tag, const std::string& ui);

}  // namespace agora::searchd
