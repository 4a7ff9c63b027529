// Adds the parts of compound tokens so "prototype" finds "Array.prototype.map".
#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "agora/analyzers/stages.hpp"
#include "agora/analyzers/word_segmenter.hpp"

namespace agora::analyzers {
namespace {

bool is_separator(UChar32 c) {
  return c == '.' || c == '_' || c == '-' || c == ',' || c == '+' || c == '#' || c == 0x2010;
}

// One code point of the token with its byte span, for looking around a candidate break.
struct CodePoint {
  UChar32 value;
  std::size_t begin;
  std::size_t end;
};

std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> points;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    const auto begin = static_cast<std::size_t>(i);
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    points.push_back({c, begin, static_cast<std::size_t>(i)});
  }
  return points;
}

// A case or letter/digit change inside a run: "addEvent" | "XMLHttp" | "utf8".
bool starts_new_part(const std::vector<CodePoint>& points, std::size_t at) {
  const UChar32 previous = points[at - 1].value;
  const UChar32 current = points[at].value;
  if (u_isULowercase(previous) && u_isUUppercase(current)) return true;
  if (u_isUUppercase(previous) && u_isUUppercase(current)) {
    // "XMLHttp": break before "H" only when a real lower-case run follows ("PDFs" stays).
    return at + 2 < points.size() && u_isULowercase(points[at + 1].value) &&
           u_isULowercase(points[at + 2].value);
  }
  return (u_isalpha(previous) && u_isdigit(current)) || (u_isdigit(previous) && u_isalpha(current));
}

// Letters joined only by hyphens ("co-operative", "e-mail"), not "C++" or "v1.2".
bool is_hyphenated_word(const std::string& term,
                        const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  for (std::size_t i = 0; i + 1 < spans.size(); ++i) {
    const std::string_view between =
        std::string_view(term).substr(spans[i].second, spans[i + 1].first - spans[i].second);
    if (between != "-" && between != "\u2010") return false;
  }
  for (const auto& [begin, end] : spans) {
    for (std::size_t i = begin; i < end; ++i) {
      if (term[i] >= '0' && term[i] <= '9') return false;
    }
  }
  return spans.front().first == 0 && spans.back().second == term.size();
}

class CompoundSplitter final : public Stage {
 public:
  std::string_view name() const override { return "compound_parts"; }

  void apply(TokenList& tokens, std::string_view source) const override {
    (void)source;
    if (std::none_of(tokens.begin(), tokens.end(),
                     [](const Token& t) { return may_have_parts(t); })) {
      return;  // plain words only: no parts to add, no list to rebuild
    }
    TokenList out;
    out.reserve(tokens.size() + tokens.size() / 4);
    for (Token& token : tokens) {
      out.push_back(std::move(token));
      const Token& whole = out.back();
      if (may_have_parts(whole)) append_parts(out.size() - 1, out);
    }
    tokens = std::move(out);
  }

 private:
  // Cheap test that lets most plain words skip decoding: lower-case ASCII letters only,
  // perhaps capitalised.
  static bool may_have_parts(const Token& token) {
    if (token.kind == TokenKind::part || token.kind == TokenKind::ideographic) return false;
    const std::string& term = token.term;
    for (std::size_t i = 0; i < term.size(); ++i) {
      const char c = term[i];
      if (c >= 'a' && c <= 'z') continue;
      if (c >= 'A' && c <= 'Z' && i == 0) continue;
      return true;
    }
    return false;
  }

  // Requires `term` to still be the raw source slice: part offsets are computed from it.
  static void append_parts(std::size_t whole_index, TokenList& out) {
    const Token whole = out[whole_index];  // a copy: appending may reallocate `out`
    const std::vector<CodePoint> points = decode(whole.term);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::size_t start = 0;
    bool in_part = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (is_separator(points[i].value)) {
        if (in_part) spans.emplace_back(start, points[i].begin);
        in_part = false;
        continue;
      }
      if (in_part && starts_new_part(points, i)) {
        spans.emplace_back(start, points[i].begin);
        in_part = false;
      }
      if (!in_part) {
        start = points[i].begin;
        in_part = true;
      }
    }
    if (in_part) spans.emplace_back(start, whole.term.size());
    if (spans.size() < 2) return;
    // "co-operative" also as "cooperative", "e-mail" as "email": both spellings are common.
    if (is_hyphenated_word(whole.term, spans)) {
      std::string joined;
      for (const auto& [begin, end] : spans) joined += whole.term.substr(begin, end - begin);
      Token& part = out.emplace_back();
      part.term = std::move(joined);
      part.begin = whole.begin;
      part.end = whole.end;
      part.position = whole.position;
      part.kind = TokenKind::part;
      part.script = whole.script;
      part.language = whole.language;
    }
    for (const auto& [begin, end] : spans) {
      Token& part = out.emplace_back();
      part.term = whole.term.substr(begin, end - begin);
      part.begin = whole.begin + begin;
      part.end = whole.begin + end;
      part.position = whole.position;
      part.kind = TokenKind::part;
      part.script = script_of(part.term);
      part.language = whole.language;
    }
  }
};

}  // namespace

std::unique_ptr<Stage> make_compound_splitter() { return std::make_unique<CompoundSplitter>(); }

}  // namespace agora::analyzers
