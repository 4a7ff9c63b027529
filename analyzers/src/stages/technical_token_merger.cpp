// Rejoins technical tokens that UAX #29 splits: "C++", "C#", "e-mail", "state-of-the-art".
#include <cstring>

#include "../utf8.hpp"
#include "agora/analyzers/stages.hpp"

namespace agora::analyzers {
namespace {

constexpr std::string_view kAsciiHyphen = "-";
constexpr std::string_view kUnicodeHyphen = "\u2010";

bool is_alnum_byte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Length of the hyphen starting at `at`, or 0 when there is none.
std::size_t hyphen_length(std::string_view source, std::size_t at) {
  for (std::string_view hyphen : {kAsciiHyphen, kUnicodeHyphen}) {
    if (source.substr(at, hyphen.size()) == hyphen) return hyphen.size();
  }
  return 0;
}

// Bytes of a language-name suffix ("++", "#") right after `end`, or 0.
std::size_t symbol_suffix_length(std::string_view source, const Token& token) {
  const std::size_t end = token.end;
  auto followed_by_word = [&](std::size_t at) {
    return at < source.size() && is_alnum_byte(source[at]);
  };
  if (source.substr(end, 2) == "++" && !followed_by_word(end + 2)) return 2;
  // Only very short names take "#" (C#, F#, J#): "issue#12" is not a language.
  const std::string_view name = source.substr(token.begin, token.end - token.begin);
  if (source.substr(end, 1) == "#" && utf8::count_code_points(name) <= 2 &&
      !followed_by_word(end + 1)) {
    return 1;
  }
  return 0;
}

class TechnicalTokenMerger final : public Stage {
 public:
  std::string_view name() const override { return "technical_merge"; }

  void apply(TokenList& tokens, std::string_view source) const override {
    // Compacts in place: `kept` tokens survive, the ones absorbed into a whole vanish.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      Token& token = tokens[kept];
      if (kept != i) token = std::move(tokens[i]);
      const std::size_t segmented_end = token.end;
      // Absorb "-word" while the next token starts right after a hyphen.
      while (i + 1 < tokens.size()) {
        const std::size_t hyphen = hyphen_length(source, token.end);
        if (hyphen == 0 || tokens[i + 1].begin != token.end + hyphen) break;
        token.end = tokens[++i].end;
      }
      token.end += symbol_suffix_length(source, token);
      if (token.end != segmented_end) {
        token.term.assign(source.substr(token.begin, token.end - token.begin));
      }
      token.position = static_cast<std::uint32_t>(kept++);
    }
    tokens.resize(kept);
  }
};

}  // namespace

std::unique_ptr<Stage> make_technical_token_merger() {
  return std::make_unique<TechnicalTokenMerger>();
}

}  // namespace agora::analyzers
