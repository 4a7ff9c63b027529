// Snowball stemming through libstemmer, one stemmer instance per thread and algorithm.
#include <map>
#include <memory>
#include <unordered_map>

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

// A stemmer with a memo of recent words: word frequencies follow Zipf's law, so most
// tokens of a page were stemmed moments ago and a hash lookup is far cheaper than Snowball.
class MemoizedStemmer {
 public:
  explicit MemoizedStemmer(const std::string& algorithm) : stemmer_(open_stemmer(algorithm)) {}

  const std::string& stem(const std::string& word) {
    if (auto found = memo_.find(word); found != memo_.end()) return found->second;
    if (memo_.size() >= kMemoCapacity) memo_.clear();  // crude, but bounded and rarely hit
    const sb_symbol* stemmed =
        sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                        static_cast<int>(word.size()));
    if (stemmed == nullptr) throw InternalError("libstemmer ran out of memory");
    std::string result(reinterpret_cast<const char*>(stemmed),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer_.get())));
    return memo_.emplace(word, std::move(result)).first->second;
  }

 private:
  static constexpr std::size_t kMemoCapacity = 1 << 16;
  StemmerHandle stemmer_;
  std::unordered_map<std::string, std::string> memo_;
};

// libstemmer keeps its working buffer inside the stemmer object, so threads cannot share one.
MemoizedStemmer& stemmer_for(const std::string& algorithm) {
  thread_local std::map<std::string, MemoizedStemmer> cache;
  auto found = cache.find(algorithm);
  if (found == cache.end()) found = cache.try_emplace(algorithm, algorithm).first;
  return found->second;
}

class SnowballStemmer final : public Stage {
 public:
  explicit SnowballStemmer(std::string algorithm)
      : algorithm_(std::move(algorithm)), name_("snowball:" + algorithm_) {
    stemmer_for(algorithm_);  // an unknown algorithm fails when the registry is built
  }

  std::string_view name() const override { return name_; }

  void apply(TokenList& tokens, std::string_view source) const override {
    (void)source;
    MemoizedStemmer& stemmer = stemmer_for(algorithm_);  // one lookup per text, not per token
    for (Token& token : tokens) {
      token.stem = token.kind == TokenKind::number ? token.term : stemmer.stem(token.term);
    }
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
