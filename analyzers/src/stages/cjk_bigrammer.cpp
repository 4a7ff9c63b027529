// Overlapping bigrams for Hangul and long Han/kana words, so a two-character query matches
// inside words that segmentation left whole.
#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "../utf8.hpp"
#include "agora/analyzers/stages.hpp"

namespace agora::analyzers {
namespace {

bool is_bigrammed_script(UScriptCode script) {
  return script == USCRIPT_HANGUL || script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
         script == USCRIPT_KATAKANA;
}

// True when every character is Han, Hangul or kana (or a letter shared by them, such as
// the prolonged sound mark ー): a token joined to Latin text ("ア-abc") is not bigrammed.
bool is_all_cjk(std::string_view text) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (is_bigrammed_script(script)) continue;
    if ((script == USCRIPT_COMMON || script == USCRIPT_INHERITED) && u_isalpha(c)) continue;
    return false;
  }
  return true;
}

// Byte offsets where each code point of `text` starts, plus the end.
std::vector<std::size_t> code_point_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    starts.push_back(static_cast<std::size_t>(i));
    U8_FWD_1(text.data(), i, length);
  }
  starts.push_back(text.size());
  return starts;
}

class CjkBigrammer final : public Stage {
 public:
  std::string_view name() const override { return "cjk_bigrams"; }

  void apply(TokenList& tokens, std::string_view source) const override {
    (void)source;
    if (std::none_of(tokens.begin(), tokens.end(),
                     [](const Token& t) { return is_bigrammed_script(t.script); })) {
      return;  // the common case outside East Asian text: nothing to add, nothing to copy
    }
    TokenList out;
    out.reserve(tokens.size());
    for (Token& moved : tokens) {
      out.push_back(std::move(moved));
      const Token token = out.back();  // a copy: appending bigrams may reallocate `out`
      if (token.kind == TokenKind::part || !is_bigrammed_script(token.script) ||
          !is_all_cjk(token.term)) {
        continue;
      }
      const std::vector<std::size_t> starts = code_point_starts(token.term);
      const std::size_t characters = starts.size() - 1;
      if (characters < 3) continue;  // a one- or two-character word is its own bigram
      for (std::size_t i = 0; i + 2 <= characters; ++i) {
        Token& bigram = out.emplace_back();
        bigram.term = token.term.substr(starts[i], starts[i + 2] - starts[i]);
        bigram.begin = token.begin;  // the term may no longer match the source byte for byte
        bigram.end = token.end;
        bigram.position = token.position;
        bigram.kind = TokenKind::part;
        bigram.script = token.script;
        bigram.language = token.language;
      }
    }
    tokens = std::move(out);
  }
};

}  // namespace

std::unique_ptr<Stage> make_cjk_bigrammer() { return std::make_unique<CjkBigrammer>(); }

}  // namespace agora::analyzers
