// uriparser does the parsing and resolution: an address is not something to split by hand.
#include "agora/index/url_reference.hpp"

#include <memory>

#include <uriparser/Uri.h>

#include "agora/base/text.hpp"

namespace agora::index {
namespace {

// A parsed URI that frees itself.
class ParsedUri {
 public:
  ParsedUri() = default;
  ~ParsedUri() {
    if (parsed_) uriFreeUriMembersA(&uri_);
  }
  ParsedUri(const ParsedUri&) = delete;
  ParsedUri& operator=(const ParsedUri&) = delete;

  /// The parsed URI points into its text, which the object therefore keeps.
  bool parse(std::string text) {
    text_ = std::move(text);
    const char* error = nullptr;
    parsed_ = uriParseSingleUriA(&uri_, text_.c_str(), &error) == URI_SUCCESS;
    return parsed_;
  }
  /// Takes over a URI that a uriparser call fills; it may point into the texts of the
  /// URIs it was made from, which must outlive it.
  UriUriA* fill() {
    parsed_ = true;
    return &uri_;
  }
  UriUriA* get() { return &uri_; }
  bool absolute() const { return uri_.scheme.first != nullptr; }
  std::string scheme() const {
    return lower_ascii(std::string(uri_.scheme.first, uri_.scheme.afterLast));
  }

  std::optional<std::string> text() {
    int chars = 0;
    if (uriToStringCharsRequiredA(&uri_, &chars) != URI_SUCCESS) return std::nullopt;
    std::string out(static_cast<std::size_t>(chars) + 1, '\0');
    if (uriToStringA(out.data(), &uri_, chars + 1, nullptr) != URI_SUCCESS) return std::nullopt;
    out.resize(static_cast<std::size_t>(chars));
    return out;
  }

 private:
  std::string text_;
  UriUriA uri_{};
  bool parsed_ = false;
};

}  // namespace

std::optional<std::string> resolve_reference(const std::string& base,
                                             const std::string& reference) {
  ParsedUri relative;
  if (!relative.parse(trim_whitespace(reference))) return std::nullopt;
  ParsedUri absolute_base;  // the result points into the base and the reference
  ParsedUri resolved;
  if (relative.absolute()) {
    if (!resolved.parse(trim_whitespace(reference))) return std::nullopt;
  } else {
    if (!absolute_base.parse(base) || !absolute_base.absolute()) return std::nullopt;
    if (uriAddBaseUriA(resolved.fill(), relative.get(), absolute_base.get()) != URI_SUCCESS) {
      return std::nullopt;
    }
  }
  uriNormalizeSyntaxA(resolved.get());
  const std::string scheme = resolved.scheme();
  if (scheme != "http" && scheme != "https") return std::nullopt;
  return resolved.text();
}

std::optional<std::string> normalise_url(const std::string& url) {
  ParsedUri parsed;
  if (!parsed.parse(trim_whitespace(url)) || !parsed.absolute()) return std::nullopt;
  uriNormalizeSyntaxA(parsed.get());
  return parsed.text();
}

std::string path_reference(std::string_view relative) {
  std::string out;
  std::size_t start = 0;
  while (start <= relative.size()) {
    const std::size_t end = std::min(relative.find('/', start), relative.size());
    const std::string_view segment = relative.substr(start, end - start);
    // uriparser writes at most six bytes per input byte (and a terminating NUL).
    std::string escaped(segment.size() * 6 + 1, '\0');
    const char* written = uriEscapeExA(segment.data(), segment.data() + segment.size(),
                                       escaped.data(), URI_FALSE, URI_FALSE);
    escaped.resize(static_cast<std::size_t>(written - escaped.data()));
    out += escaped;
    if (end == relative.size()) break;
    out += '/';
    start = end + 1;
  }
  return out;
}

}  // namespace agora::index
