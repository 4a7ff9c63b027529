// Snowball stemming through libstemmer, one stemmer instance per thread and algorithm.
#include <map>
#include <memory>

#include <libstemmer.h>

#include "agora/analyzers/stages.hpp"
#include "agora/error.hpp"

namespace agora::analyzers {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using StemmerHandle = std::unique_ptr<sb_stemmer, StemmerDeleter>;

StemmerHandle open_stemmer(const std::string& algorithm) {
  StemmerHandle stemmer(sb_stemmer_new(algorithm.c_str(), "UTF_8"));
  if (!stemmer) throw InvalidInput("libstemmer has no '" + algorithm + "' stemmer");
  return stemmer;
}

// libstemmer keeps its working buffer inside the stemmer object, so threads cannot share one.
sb_stemmer& stemmer_for(const std::string& algorithm) {
  thread_local std::map<std::string, StemmerHandle> cache;
  auto found = cache.find(algorithm);
  if (found == cache.end()) found = cache.emplace(algorithm, open_stemmer(algorithm)).first;
  return *found->second;
}

class SnowballStemmer final : public TokenStage {
 public:
  explicit SnowballStemmer(std::string algorithm)
      : algorithm_(std::move(algorithm)), name_("snowball:" + algorithm_) {
    stemmer_for(algorithm_);  // an unknown algorithm fails when the registry is built
  }

  std::string_view name() const override { return name_; }

  // Called once per distinct word: the analyzer memoises the per-word stages.
  void transform(Token& token) const override {
    if (token.kind == TokenKind::number) {
      token.stem = token.term;
      return;
    }
    sb_stemmer& stemmer = stemmer_for(algorithm_);
    const sb_symbol* stemmed =
        sb_stemmer_stem(&stemmer, reinterpret_cast<const sb_symbol*>(token.term.data()),
                        static_cast<int>(token.term.size()));
    // NULL is also what a stemmer's own failure gives: Debian 12's Greek stemmer fails
    // on some repeated words ("ίσαίσα", from "ίσα-ίσα"). A word without a stem is still
    // found by its exact and folded forms, so one odd word must not fail a whole page.
    if (stemmed == nullptr) {
      token.stem = token.term;
      return;
    }
    token.stem.assign(reinterpret_cast<const char*>(stemmed),
                      static_cast<std::size_t>(sb_stemmer_length(&stemmer)));
  }

 private:
  std::string algorithm_;
  std::string name_;
};

}  // namespace

std::unique_ptr<Stage> make_snowball_stemmer(const std::string& algorithm) {
  return std::make_unique<SnowballStemmer>(algorithm);
}

}  // namespace agora::analyzers
