// ICU BreakIterator over UTF-8 text, one cached iterator per thread and locale.
#include "agora/analyzers/word_segmenter.hpp"

#include <map>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "agora/error.hpp"

namespace agora::analyzers {
namespace {

// BreakIterator instances are not thread-safe and slow to create, so each thread keeps
// one per locale for the life of the thread.
icu::BreakIterator& iterator_for(const std::string& locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> cache;
  auto found = cache.find(locale);
  if (found != cache.end()) return *found->second;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> created(
      icu::BreakIterator::createWordInstance(icu::Locale(locale.c_str()), status));
  if (U_FAILURE(status) || !created) {
    throw InternalError("ICU word break iterator for locale '" + locale +
                        "' could not be created: " + u_errorName(status));
  }
  return *cache.emplace(locale, std::move(created)).first->second;
}

// Runs `visit(begin, end, rule_status)` for every segment of `utf8`.
template <typename Visit>
void for_each_segment(const std::string& locale, std::string_view utf8, Visit&& visit) {
  if (utf8.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw InternalError(std::string("ICU UText: ") + u_errorName(status));
  icu::BreakIterator& breaks = iterator_for(locale);
  breaks.setText(text, status);
  if (U_FAILURE(status)) {
    utext_close(text);
    throw InternalError(std::string("ICU BreakIterator::setText: ") + u_errorName(status));
  }
  int32_t begin = breaks.first();
  for (int32_t end = breaks.next(); end != icu::BreakIterator::DONE; end = breaks.next()) {
    visit(static_cast<std::size_t>(begin), static_cast<std::size_t>(end), breaks.getRuleStatus());
    begin = end;
  }
  // The iterator keeps a pointer to the UText; detach it before the text goes away.
  breaks.setText(icu::UnicodeString());
  utext_close(text);
}

TokenKind kind_for(int32_t rule_status) {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) {
    return TokenKind::number;
  }
  if (rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_IDEO_LIMIT) {
    return TokenKind::ideographic;
  }
  return TokenKind::word;
}

}  // namespace

WordSegmenter::WordSegmenter(std::string icu_locale) : locale_(std::move(icu_locale)) {
  iterator_for(locale_);  // fail at start-up, not at the first query, if ICU lacks data
}

std::vector<Segment> WordSegmenter::segments(std::string_view utf8) const {
  std::vector<Segment> result;
  for_each_segment(locale_, utf8, [&](std::size_t begin, std::size_t end, int32_t status) {
    result.push_back({begin, end, status});
  });
  return result;
}

TokenList WordSegmenter::tokens(std::string_view utf8, std::string_view language) const {
  TokenList result;
  result.reserve(utf8.size() / 6);
  std::uint32_t position = 0;
  for_each_segment(locale_, utf8, [&](std::size_t begin, std::size_t end, int32_t status) {
    if (status < UBRK_WORD_NONE_LIMIT) return;  // spaces and punctuation
    Token& token = result.emplace_back();
    token.term.assign(utf8.substr(begin, end - begin));
    token.begin = begin;
    token.end = end;
    token.position = position++;
    token.kind = kind_for(status);
    token.script = script_of(token.term);
    token.language = language;
  });
  return result;
}

UScriptCode script_of(std::string_view utf8) {
  if (!utf8.empty()) {  // most tokens in most texts start with an ASCII letter
    const char first = utf8.front();
    if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) return USCRIPT_LATIN;
  }
  int32_t i = 0;
  const auto length = static_cast<int32_t>(utf8.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, length, c);
    if (c < 0 || !u_isalnum(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) return script;
  }
  return USCRIPT_COMMON;
}

}  // namespace agora::analyzers
