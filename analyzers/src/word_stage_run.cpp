// The memo behind WordStageRun.
#include "word_stage_run.hpp"

#include <atomic>
#include <unordered_map>

namespace agora::analyzers {
namespace {

struct WordForms {
  std::string term;
  std::string folded;
  std::string stem;
};

using Memo = std::unordered_map<std::string, WordForms>;

// Enough for the working vocabulary of a book in one language (about 6 MB per analyzer
// and thread at most); cleared when full rather than evicting one by one, which keeps the
// common path a single lookup.
constexpr std::size_t kMemoCapacity = 1 << 16;

// Memos of runs that no longer exist stay until a thread has seen this many runs; then
// all are dropped together (a long-lived process builds its registry once).
constexpr std::size_t kMaxMemosPerThread = 256;

Memo& memo_for(std::uint64_t run_id) {
  thread_local std::unordered_map<std::uint64_t, Memo> memos;
  if (memos.size() >= kMaxMemosPerThread && memos.count(run_id) == 0) memos.clear();
  return memos[run_id];
}

std::atomic<std::uint64_t> next_run_id{1};

}  // namespace

WordStageRun::WordStageRun() : id_(next_run_id++) {}

void WordStageRun::append_names(std::vector<std::string>& names) const {
  for (const auto& stage : stages_) stage->append_names(names);
}

void WordStageRun::apply(TokenList& tokens, std::string_view source) const {
  (void)source;
  Memo& memo = memo_for(id_);
  std::string key;
  for (Token& token : tokens) {
    key.assign(1, static_cast<char>(token.kind));
    key += token.term;
    if (auto found = memo.find(key); found != memo.end()) {
      token.term = found->second.term;
      token.folded = found->second.folded;
      token.stem = found->second.stem;
      continue;
    }
    for (const auto& stage : stages_) stage->transform(token);
    if (memo.size() >= kMemoCapacity) memo.clear();
    memo.emplace(key, WordForms{token.term, token.folded, token.stem});
  }
}

}  // namespace agora::analyzers
