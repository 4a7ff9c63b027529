// Resolving the addresses a page links to against the page's own address (RFC 3986).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace agora::index {

/// `reference` made absolute against `base` ("../fr/apt.html" against
/// "https://example.org/en/apt.html" is "https://example.org/fr/apt.html"). An absolute
/// reference is returned as it is (normalised); nullopt when either does not parse or the
/// result is not an http(s) address.
std::optional<std::string> resolve_reference(const std::string& base, const std::string& reference);

/// `url` in RFC 3986 normal form (scheme and host in lower case, percent-encodings in
/// upper case and decoded where they need not be, dot segments removed); nullopt when it is
/// not an absolute URI.
std::optional<std::string> normalise_url(const std::string& url);

/// A '/'-separated file path as a relative URI reference: each segment percent-encoded
/// ("Guide coopératif/ä.html" → "Guide%20coop%C3%A9ratif/%C3%A4.html").
std::string path_reference(std::string_view relative);

}  // namespace agora::index
