// Maps typographic apostrophes to U+0027 so "l’école" and "l'école" analyse alike.
#include "../utf8.hpp"
#include "agora/analyzers/stages.hpp"

namespace agora::analyzers {
namespace {

bool is_apostrophe_variant(UChar32 c) {
  switch (c) {
    case 0x2019:  // right single quotation mark, the usual typographic apostrophe
    case 0x2018:  // left single quotation mark, often typed by mistake
    case 0x02BC:  // modifier letter apostrophe
    case 0x2032:  // prime
    case 0xFF07:  // fullwidth apostrophe
    case 0x0060:  // grave accent used as an apostrophe
      return true;
    default: return false;
  }
}

class ApostropheUnifier final : public TokenStage {
 public:
  std::string_view name() const override { return "apostrophes"; }

  void transform(Token& token) const override {
    if (utf8::is_ascii(token.term) && token.term.find('`') == std::string::npos) return;
    token.term = utf8::map_code_points(
        token.term, [](UChar32 c) { return is_apostrophe_variant(c) ? UChar32{'\''} : c; });
  }
};

}  // namespace

std::unique_ptr<Stage> make_apostrophe_unifier() { return std::make_unique<ApostropheUnifier>(); }

}  // namespace agora::analyzers
