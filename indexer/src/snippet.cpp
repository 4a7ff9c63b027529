// Snippet selection and highlighting.
#include "snippet.hpp"
#include "agora/base/utf8.hpp"

#include <string.h>

#include <algorithm>
#include <set>
#include <vector>

namespace agora::index {
namespace {

using analyzers::Token;
using analyzers::TokenKind;

// Only the passage that will be shown is analysed, plus a margin: the passage is chosen
// by plain substring search over the raw text, which is two orders of magnitude cheaper
// than analysis, so a snippet costs about the same for a tweet as for a book chapter.
// Passages are sought in the first kNearBytes; only when none is there, on to kFarBytes.
// Most matches of a hit's query come early (titles and first paragraphs), and the far
// search costs four times as much.
constexpr std::size_t kNearBytes = 16384;
constexpr std::size_t kFarBytes = 65536;
constexpr std::size_t kMaxOccurrences = 512;  // of query terms, in that stretch
constexpr std::size_t kLeadBytes = 60;        // shown before the first match
constexpr std::size_t kMarginBytes = 40;      // analysed beyond the passage
// Words shown before the first match of the chosen passage.
constexpr std::size_t kLeadingWords = 4;

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

struct Occurrence {
  std::size_t offset;
  std::size_t term;  ///< its number in the sorted set of terms sought
};

// Appends where each of `sought` occurs in text[from, to) at the start of a word, as it
// is (lower case, as in running text) and capitalised, with glibc's memmem over the text
// itself: no lowered copy.
void find_occurrences(const std::string& text, const std::set<std::string>& sought,
                      std::size_t from, std::size_t to, std::vector<Occurrence>& found) {
  std::size_t term_number = 0;
  for (const std::string& term : sought) {
    std::string capitalised = term;
    if (capitalised[0] >= 'a' && capitalised[0] <= 'z') {
      capitalised[0] = static_cast<char>(capitalised[0] - 'a' + 'A');
    }
    const std::string* forms[] = {&term, &capitalised};
    for (const std::string* form : forms) {
      if (form == &capitalised && capitalised == term) break;
      const char* cursor = text.data() + from;
      const char* const end = text.data() + to;
      while (found.size() < kMaxOccurrences && cursor < end) {
        const void* hit =
            memmem(cursor, static_cast<std::size_t>(end - cursor), form->data(), form->size());
        if (!hit) break;
        const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
        if (at == 0 || !ascii_alnum(text[at - 1])) found.push_back({at, term_number});
        cursor = static_cast<const char*>(hit) + form->size();
      }
    }
    ++term_number;
  }
}

// Where the passage with the most distinct query terms (then the most matches) starts in
// `text`, or npos when no term occurs. Stems are sought too: in running text a stem is
// mostly a prefix of the inflected word.
std::size_t best_passage_start(const std::string& text, const QueryTerms& terms,
                               std::size_t max_bytes) {
  std::set<std::string> sought;
  for (const auto* set : {&terms.exact, &terms.folded, &terms.stems}) {
    for (const std::string& term : *set) {
      if (term.size() >= 3) sought.insert(term);
    }
  }
  std::vector<Occurrence> found;
  find_occurrences(text, sought, 0, std::min(text.size(), kNearBytes), found);
  if (found.empty()) {
    find_occurrences(text, sought, std::min(text.size(), kNearBytes),
                     std::min(text.size(), kFarBytes), found);
  }
  if (found.empty()) return std::string::npos;
  std::sort(found.begin(), found.end(),
            [](const Occurrence& a, const Occurrence& b) { return a.offset < b.offset; });
  // A sliding window over the occurrences, as wide as the passage after its lead.
  const std::size_t reach = max_bytes > kLeadBytes ? max_bytes - kLeadBytes : max_bytes;
  std::vector<std::size_t> in_window(sought.size(), 0);
  std::size_t distinct = 0, end = 0, best = 0, best_score = 0;
  for (std::size_t first = 0; first < found.size(); ++first) {
    while (end < found.size() && found[end].offset < found[first].offset + reach) {
      distinct += in_window[found[end].term]++ == 0;
      ++end;
    }
    const std::size_t score = distinct * kMaxOccurrences + (end - first);
    if (score > best_score) {
      best_score = score;
      best = found[first].offset;
    }
    distinct -= --in_window[found[first].term] == 0;
  }
  return best;
}

bool matches(const Token& token, const QueryTerms& terms, bool same_language) {
  return terms.exact.count(token.term) || terms.folded.count(token.folded) ||
         (same_language && terms.stems.count(token.stem));
}

std::string snippet_of_window(const std::string& text, bool cut_before, bool cut_after,
                              const analyzers::Analyzer& analyzer, const QueryTerms& terms,
                              std::size_t max_bytes) {
  const analyzers::TokenList all = analyzer.analyze(text);
  // Whole words, each marked when it or one of its parts matches.
  std::vector<Token> words;
  std::vector<bool> hit;
  const bool same_language = analyzer.language() == terms.stem_language;
  for (const Token& token : all) {
    const bool match = matches(token, terms, same_language);
    if (token.kind == TokenKind::part) {
      if (match && !hit.empty()) hit.back() = true;
      continue;
    }
    words.push_back(token);
    hit.push_back(match);
  }
  if (words.empty()) return escape_html(text.substr(0, utf8_cut(text, max_bytes)));

  // The window start (a few words before a match) that covers the most matches.
  std::size_t best_start = 0, best_count = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!hit[i]) continue;
    const std::size_t start = i >= kLeadingWords ? i - kLeadingWords : 0;
    std::size_t count = 0;
    for (std::size_t j = start; j < words.size() && words[j].end - words[start].begin <= max_bytes;
         ++j) {
      count += hit[j];
    }
    if (count > best_count) {
      best_count = count;
      best_start = start;
    }
  }
  std::size_t last = best_start;
  while (last + 1 < words.size() && words[last + 1].end - words[best_start].begin <= max_bytes) {
    ++last;
  }
  std::string html;
  const std::size_t begin = best_start == 0 ? 0 : words[best_start].begin;
  if (begin > 0 || cut_before) html += "… ";
  std::size_t cursor = begin;
  for (std::size_t i = best_start; i <= last; ++i) {
    html += escape_html(std::string_view(text).substr(cursor, words[i].begin - cursor));
    const std::string_view word =
        std::string_view(text).substr(words[i].begin, words[i].end - words[i].begin);
    if (hit[i]) {
      html += "<mark>" + escape_html(word) + "</mark>";
    } else {
      html += escape_html(word);
    }
    cursor = words[i].end;
  }
  if (cursor < text.size() || cut_after) html += " …";
  return html;
}

}  // namespace

std::string make_snippet(const std::string& full_text, const analyzers::Analyzer& analyzer,
                         const QueryTerms& terms, std::size_t max_bytes) {
  const std::size_t passage = best_passage_start(full_text, terms, max_bytes);
  std::size_t window_begin = 0;
  if (passage != std::string::npos && passage > kLeadBytes) {
    window_begin = utf8_cut(full_text, passage - kLeadBytes);
    // Start after a space when one is near, so the window does not open inside a word.
    const std::size_t space = full_text.find(' ', window_begin);
    if (space != std::string::npos && space < passage) window_begin = space + 1;
  }
  const std::size_t window_end = utf8_cut(full_text, window_begin + max_bytes + kMarginBytes);
  const std::string text = full_text.substr(window_begin, window_end - window_begin);
  return snippet_of_window(text, window_begin > 0, window_end < full_text.size(), analyzer, terms,
                           max_bytes);
}

}  // namespace agora::index
