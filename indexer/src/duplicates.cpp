// URL keys and title comparison for duplicate detection.
#include "agora/index/duplicates.hpp"

#include <algorithm>

#include "agora/base/text.hpp"
#include "agora/index/url_reference.hpp"

namespace agora::index {

std::string url_key(const std::string& url) {
  // RFC 3986 normalisation first (HTTP://Example.org/a/../b%7e is http://example.org/b~),
  // then what makes two addresses one page in practice.
  std::string rest = normalise_url(url).value_or(url);
  if (const std::size_t scheme = rest.find("://"); scheme != std::string::npos) {
    rest = rest.substr(scheme + 3);
  }
  if (const std::size_t fragment = rest.find('#'); fragment != std::string::npos) {
    rest.resize(fragment);
  }
  const std::size_t host_end = std::min(rest.find_first_of("/?"), rest.size());
  std::string host = rest.substr(0, host_end);
  std::string path = rest.substr(host_end);
  if (lower_ascii(host).rfind("www.", 0) == 0) host = host.substr(4);
  while (!path.empty() && path.back() == '/') path.pop_back();
  // Paths are compared without letter case too: the index keeps its filter terms in
  // lower case, and two addresses that differ only so are nearly always one page.
  return lower_ascii(host + path);
}

std::vector<std::string> title_words(const std::string& title,
                                     const analyzers::Analyzer& analyzer) {
  std::vector<std::string> words;
  for (const analyzers::Token& token : analyzer.analyze(title)) {
    if (token.kind != analyzers::TokenKind::part) words.push_back(token.folded);
  }
  return words;
}

std::string title_key(const std::vector<std::string>& words) { return join(words, " "); }

std::vector<std::string> words_of_title_key(std::string_view key) { return split(key, ' '); }

bool near_identical_titles(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a == b) return !a.empty();
  if (std::min(a.size(), b.size()) < 4) return false;
  const std::vector<std::string>& longer = a.size() >= b.size() ? a : b;
  const std::vector<std::string>& shorter = a.size() >= b.size() ? b : a;
  if (longer.size() - shorter.size() > 1) return false;
  // One edit at most: skip the common start and end, and at most one word may remain.
  std::size_t start = 0;
  while (start < shorter.size() && shorter[start] == longer[start]) ++start;
  std::size_t end = 0;
  while (end < shorter.size() - start &&
         shorter[shorter.size() - 1 - end] == longer[longer.size() - 1 - end]) {
    ++end;
  }
  return longer.size() - start - end <= 1 && shorter.size() - start - end <= 1;
}

}  // namespace agora::index
