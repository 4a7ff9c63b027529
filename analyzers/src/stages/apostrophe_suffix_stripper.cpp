// Turkish and Azerbaijani write case endings after an apostrophe on proper names
// ("İstanbul'da", "Ankara'nın"): the name alone is what a learner searches for.
#include "agora/analyzers/stages.hpp"

namespace agora::analyzers {
namespace {

class ApostropheSuffixStripper final : public TokenStage {
 public:
  std::string_view name() const override { return "apostrophe_suffix"; }

  // Runs after apostrophe unification, so only U+0027 needs looking for.
  void transform(Token& token) const override {
    const std::size_t apostrophe = token.term.find('\'');
    if (apostrophe != std::string::npos && apostrophe > 0) token.term.resize(apostrophe);
  }
};

}  // namespace

std::unique_ptr<Stage> make_apostrophe_suffix_stripper() {
  return std::make_unique<ApostropheSuffixStripper>();
}

}  // namespace agora::analyzers
