// Strips elided articles ("l'", "dell'", "d'") so "l'école" is indexed as "école".
#include <unordered_set>

#include "agora/analyzers/stages.hpp"

namespace agora::analyzers {
namespace {

class ElisionStripper final : public TokenStage {
 public:
  explicit ElisionStripper(std::vector<std::string> articles)
      : articles_(articles.begin(), articles.end()) {}

  std::string_view name() const override { return "elision"; }

  // Runs after apostrophe unification and case folding, so only "'" and lower case remain.
  void transform(Token& token) const override {
    const std::size_t apostrophe = token.term.find('\'');
    if (apostrophe == std::string::npos || apostrophe == 0 || apostrophe + 1 == token.term.size()) {
      return;
    }
    if (articles_.count(token.term.substr(0, apostrophe)) == 0) return;
    token.term.erase(0, apostrophe + 1);
  }

 private:
  std::unordered_set<std::string> articles_;
};

}  // namespace

std::unique_ptr<Stage> make_elision_stripper(std::vector<std::string> articles) {
  return std::make_unique<ElisionStripper>(std::move(articles));
}

}  // namespace agora::analyzers
