// Joining punctuation belongs between letters: a term never starts or ends with it.
#include "agora/analyzers/stages.hpp"

namespace agora::analyzers {
namespace {

constexpr std::string_view kJoiners = ".,-_'";

class EdgePunctuationTrimmer final : public TokenStage {
 public:
  std::string_view name() const override { return "trim_joiners"; }

  // Earlier stages can leave a joiner at the edge: elision of a bare "l'", or Arabic
  // cleanup deleting a tatweel after "x-". "C++" and "C#" keep their symbols.
  void transform(Token& token) const override {
    const std::size_t first = token.term.find_first_not_of(kJoiners);
    if (first == std::string::npos) {
      token.term.clear();  // nothing but punctuation: the analyzer drops empty tokens
      return;
    }
    const std::size_t last = token.term.find_last_not_of(kJoiners);
    if (first == 0 && last + 1 == token.term.size()) return;
    token.term = token.term.substr(first, last + 1 - first);
  }
};

}  // namespace

std::unique_ptr<Stage> make_edge_punctuation_trimmer() {
  return std::make_unique<EdgePunctuationTrimmer>();
}

}  // namespace agora::analyzers
