// Query-time stopword removal that never leaves a query without words.
#include <algorithm>
#include <unordered_set>

#include "agora/analyzers/stages.hpp"

namespace agora::analyzers {
namespace {

class StopwordFilter final : public Stage {
 public:
  explicit StopwordFilter(std::vector<std::string> words) : words_(words.begin(), words.end()) {}

  std::string_view name() const override { return "stopwords"; }

  void apply(TokenList& tokens, std::string_view source) const override {
    (void)source;
    const bool only_stopwords = std::all_of(tokens.begin(), tokens.end(), [&](const Token& t) {
      return t.kind == TokenKind::part || is_stopword(t);
    });
    // "to be or not to be", "the who": a query of nothing but stopwords keeps them all.
    if (only_stopwords) return;
    TokenList kept;
    kept.reserve(tokens.size());
    bool whole_dropped = false;
    for (Token& token : tokens) {
      if (token.kind != TokenKind::part) whole_dropped = is_stopword(token);
      if (!whole_dropped) kept.push_back(std::move(token));
    }
    tokens = std::move(kept);
  }

 private:
  bool is_stopword(const Token& token) const { return words_.count(token.term) != 0; }

  std::unordered_set<std::string> words_;
};

}  // namespace

std::unique_ptr<Stage> make_stopword_filter(std::vector<std::string> words) {
  return std::make_unique<StopwordFilter>(std::move(words));
}

}  // namespace agora::analyzers
