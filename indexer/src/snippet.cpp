// Snippet selection and highlighting.
#include "snippet.hpp"
#include "agora/index/text_helpers.hpp"

#include <algorithm>

namespace agora::index {
namespace {

using analyzers::Token;
using analyzers::TokenKind;

// Only a window of the text is analysed: a snippet must cost well under a millisecond even
// for a 50 KB handbook chapter. The window starts a little before the first place where a
// query term appears in the raw text.
constexpr std::size_t kWindowBytes = 2000;
constexpr std::size_t kWindowLead = 300;
// Words shown before the first match of the chosen passage.
constexpr std::size_t kLeadingWords = 4;

bool matches(const Token& token, const QueryTerms& terms, bool same_language) {
  return terms.exact.count(token.term) || terms.folded.count(token.folded) ||
         (same_language && terms.stems.count(token.stem));
}

// Where a query term first appears in `text`: looked up as written (most words in running
// text are lower case) and, failing that, with ASCII capitals folded in the first few KB.
// npos when none does (then the snippet comes from the start).
std::size_t first_term_offset(const std::string& text, const QueryTerms& terms) {
  constexpr std::size_t kFoldedSearchBytes = 8192;
  // Bounded so that a long query over a long book costs the same as over a chapter.
  constexpr std::size_t kAnchorSearchBytes = 65536;
  auto earliest = [&terms](const std::string& haystack) {
    std::size_t first = std::string::npos;
    for (const auto* set : {&terms.exact, &terms.folded}) {
      for (const std::string& term : *set) {
        if (term.size() >= 2) first = std::min(first, haystack.find(term));
      }
    }
    return first;
  };
  const std::size_t as_written =
      earliest(text.size() <= kAnchorSearchBytes ? text : text.substr(0, kAnchorSearchBytes));
  if (as_written != std::string::npos) return as_written;
  std::string lowered = text.substr(0, kFoldedSearchBytes);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return earliest(lowered);
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
    const std::string_view word = std::string_view(text).substr(words[i].begin,
                                                                words[i].end - words[i].begin);
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

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string make_snippet(const std::string& full_text, const analyzers::Analyzer& analyzer,
                         const QueryTerms& terms, std::size_t max_bytes) {
  const std::size_t anchor = first_term_offset(full_text, terms);
  std::size_t window_begin = 0;
  if (anchor != std::string::npos && anchor > kWindowLead) {
    window_begin = utf8_cut(full_text, anchor - kWindowLead);
    // Start after a space when one is near, so the window does not open inside a word.
    const std::size_t space = full_text.find(' ', window_begin);
    if (space != std::string::npos && space < anchor) window_begin = space + 1;
  }
  const std::size_t window_end = utf8_cut(full_text, window_begin + kWindowBytes);
  const std::string text = full_text.substr(window_begin, window_end - window_begin);
  return snippet_of_window(text, window_begin > 0, window_end < full_text.size(), analyzer,
                           terms, max_bytes);
}

}  // namespace agora::index
