// The read side of the index: ranked, filtered, collapsed search with facets and snippets.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "agora/analyzers/registry.hpp"
#include "agora/index/concept_labels.hpp"
#include "agora/index/dictionaries.hpp"
#include "agora/index/index_stats.hpp"
#include "agora/index/query_language.hpp"
#include "agora/index/ranking_weights.hpp"

namespace agora::index {

struct QueryTerms;     // query_builder.hpp
struct BuiltQuery;     // query_builder.hpp
class ChineseScripts;  // translation/chinese_scripts.hpp

/// What a learner asks for.
struct SearchRequest {
  std::string query;             ///< query syntax, see query_syntax.hpp
  std::string learner_language;  ///< BCP-47; the query is analysed in this language
  std::map<std::string, std::vector<std::string>> filters;  ///< facet name → accepted values
  std::size_t offset = 0;
  std::size_t limit = 10;
  enum class Sort { relevance, date } sort = Sort::relevance;
  /// Whether the query is also searched in its translations (when dictionaries are loaded).
  bool translate = true;
};

/// Another language version of the same work.
struct Translation {
  std::string id;
  std::string title;
  std::string url;
  std::string language;
};

struct Hit {
  std::string id;
  std::string title;
  std::string url;
  std::string language;
  std::vector<std::string> types;
  std::string license;
  std::string snippet;  ///< HTML: escaped text with matches in <mark>
  double score = 0;
  bool in_learner_language = false;
  /// Set when the hit is shown in the learner's language but another version of its
  /// work is the one that matched the query (that version is among the translations).
  std::optional<Translation> matched;
  /// Whether the hit matched only through a translation of the query (SearchResult::translated).
  bool through_translation = false;
  std::vector<Translation> translations;  ///< the other versions, by language
};

/// A translation the query was also searched in.
struct SearchedTranslation {
  std::string language;  ///< primary tag
  std::string query;     ///< what the query became, for people
};

struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
};

struct SearchResult {
  Xapian::doccount total = 0;
  bool total_is_estimate = false;
  bool relaxed = false;  ///< no record had every word; any word was accepted
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetCount>> facets;
  std::string suggestion;  ///< did-you-mean query, empty when none
  /// The language the query is written in when it is not the learner's (judged by the
  /// index's vocabulary), else empty.
  std::string query_language;
  /// The translations the query was also searched in: the learner's language first.
  std::vector<SearchedTranslation> translated;
  /// The learner's label of each concept (a URI) among the facet values and hit types.
  std::map<std::string, std::string> labels;
};

/// One autocomplete proposal.
struct Completion {
  std::string text;
  std::string kind;      ///< "title" or "subject"
  std::string id;        ///< for titles
  std::string language;  ///< for titles
};

/// An indexed resource that looks like one being submitted.
struct DuplicateCandidate {
  std::string id;
  std::string title;
  std::string url;
  std::string language;
  std::string reason;  ///< "url" or "title"
};

/// Facet names accepted in SearchRequest::filters (and by the search API).
const std::vector<std::string>& facet_names();

/// A read-only view of the index for one thread. Not thread-safe: give each thread its own.
class Searcher {
 public:
  /// What opening checks of the index's schema version (schema_check.hpp).
  enum class Schema {
    readable,      ///< refuse an index this build cannot search
    records_only,  ///< only ids() and resource() will be used: export reads old indexes
  };
  /// Throws agora::NotFound when there is no index at `directory`, agora::CorruptIndex
  /// when its schema version is not one this build searches.
  Searcher(const std::filesystem::path& directory, const analyzers::Registry& registry,
           Schema schema = Schema::readable);
  ~Searcher();

  /// Picks up changes committed by a writer since the last call; true when there were any.
  bool refresh();

  SearchResult search(const SearchRequest& request);

  /// Titles and subjects that complete what the learner has typed so far.
  std::vector<Completion> complete(const std::string& typed, const std::string& language,
                                   std::size_t limit);

  /// The stored record, or nullopt.
  std::optional<nlohmann::json> resource(const std::string& id);

  /// The other versions of the work the resource `id` belongs to (its translations), by
  /// language; empty when it has none or there is no such resource.
  std::vector<Translation> other_versions(const std::string& id);

  /// Resources with the same address (url_key) or a near-identical title in `language`
  /// (duplicates.hpp), the same address first.
  std::vector<DuplicateCandidate> duplicates_of(const std::string& url, const std::string& title,
                                                const std::string& language);

  /// Every id in the index, in byte order.
  std::vector<std::string> ids() const;

  IndexStats stats();

  /// Lets searches also look for the query's translations; `dictionaries` must outlive
  /// the searcher (one set is shared by every thread: it is only read).
  void use_dictionaries(const Dictionaries* dictionaries) { dictionaries_ = dictionaries; }

  void use_weights(const RankingWeights& weights) { weights_ = weights; }

  const Xapian::Database& database() const { return database_; }

 private:
  /// Made on first use after each reopening.
  const QueryLanguageGuesser& query_language_guesser();
  /// The registry's analyzer for `tag`, remembered per tag.
  const analyzers::Analyzer& analyzer_for(const std::string& tag);

  std::filesystem::path directory_;
  const analyzers::Registry& registry_;
  Xapian::Database database_;
  std::unordered_map<std::string, const analyzers::Analyzer*> analyzers_;
  ConceptLabelReader concept_labels_;
  void add_concept_labels(SearchResult& result, const std::string& learner);
  /// The primary tags of the languages the index holds documents in, made on first use
  /// after each reopening.
  const std::vector<std::string>& index_languages();
  /// The translation part of the query (each target's OP_SYNONYM groups, filtered to its
  /// language), or an empty query; records what was searched in `result.translated`.
  /// `terms` gets, per target language, the translations' words for snippets. Without
  /// `every_language`, only into the learner's language and English; `left_out` tells
  /// whether other languages could have been searched.
  Xapian::Query translations_of(const std::string& text, const std::string& source,
                                const std::string& learner, bool any_word, bool every_language,
                                std::map<std::string, QueryTerms>& terms, bool& left_out,
                                SearchResult& result);

  /// Adds to `built` the same query in the other Chinese script, when a Chinese learner's
  /// query has Han characters that OpenCC converts ("软件包" also looks for "軟件包").
  void add_script_variants(BuiltQuery& built, const SearchRequest& request,
                           const analyzers::Analyzer& analyzer, bool any_word);

  std::optional<QueryLanguageGuesser> query_language_guesser_;
  std::optional<std::vector<std::string>> index_languages_;
  std::unique_ptr<ChineseScripts> chinese_scripts_;  ///< opened on the first Han query
  const Dictionaries* dictionaries_ = nullptr;
  RankingWeights weights_;
};

}  // namespace agora::index
