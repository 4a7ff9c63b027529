// HTML escaping for text placed in pages and snippets.
#pragma once

#include <string>
#include <string_view>

namespace agora {

/// HTML-escapes `text` (& < > " ') for element content and quoted attribute values.
std::string escape_html(std::string_view text);

}  // namespace agora
