// Resolving the addresses a page links to against the page's own address (RFC 3986).
#pragma once

#include <optional>
#include <string>

namespace agora::index {

/// `reference` made absolute against `base` ("../fr/apt.html" against
/// "https://example.org/en/apt.html" is "https://example.org/fr/apt.html"). An absolute
/// reference is returned as it is (normalised); nullopt when either does not parse or the
/// result is not an http(s) address.
std::optional<std::string> resolve_reference(const std::string& base, const std::string& reference);

}  // namespace agora::index
