// Ranked search: the learner's language first, the query's language next, translations of the
// query, one version per work, facet counts, snippets and spelling suggestions.
#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "agora/error.hpp"
#include "agora/index/duplicates.hpp"
#include "agora/index/index_schema.hpp"
#include "agora/index/schema_check.hpp"
#include "agora/index/search.hpp"

#include "display_fields.hpp"
#include "facet_counter.hpp"
#include "language_boosts.hpp"
#include "query_builder.hpp"
#include "snippet.hpp"
#include "translation/chinese_scripts.hpp"
#include "translation/query_translation.hpp"
#include "work_versions.hpp"

namespace agora::index {
namespace {

namespace schema = agora::index::schema;
using nlohmann::json;

constexpr std::size_t kSnippetBytes = 240;
// Enough to make totals and facet counts exact on indexes of this size; beyond it
// they are estimates, flagged as such.
constexpr Xapian::doccount kCheckAtLeast = 2000;

// The query converted into the other Chinese script counts for less than as typed.
constexpr double kOtherScriptWeight = 0.5;

// Which of `docids` hold at least one of `terms`. Each term's posting list is walked
// forward once over the documents in docid order: a few posting chunks per term, where
// a document's term list would be read whole (thousands of terms for a long page).
std::set<Xapian::docid> documents_holding_any(const Xapian::Database& database,
                                              const std::vector<std::string>& terms,
                                              std::vector<Xapian::docid> docids) {
  std::sort(docids.begin(), docids.end());
  std::set<Xapian::docid> holding;
  for (const std::string& term : terms) {
    Xapian::PostingIterator posting = database.postlist_begin(term);
    for (const Xapian::docid docid : docids) {
      if (holding.count(docid)) continue;
      posting.skip_to(docid);
      if (posting == database.postlist_end(term)) break;
      if (*posting == docid) holding.insert(docid);
    }
  }
  return holding;
}

// The free text of the clauses a learner wants (not the excluded ones, not filters).
std::string wanted_text(const std::vector<QueryClause>& clauses) {
  std::string text;
  for (const QueryClause& clause : clauses) {
    if (clause.excluded || !(clause.field.empty() || clause.field == "title")) continue;
    if (!text.empty()) text += ' ';
    text += clause.text;
  }
  return text;
}

Xapian::Database open_database(const std::filesystem::path& directory) {
  try {
    return Xapian::Database(directory.string());
  } catch (const Xapian::DatabaseOpeningError&) {
    throw NotFound("no index at " + directory.string() + " (create one with agora-index add)");
  }
}

}  // namespace

const std::vector<std::string>& facet_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const schema::FilterField& field : schema::kFilterFields) out.emplace_back(field.name);
    return out;
  }();
  return names;
}

Searcher::Searcher(const std::filesystem::path& directory, const analyzers::Registry& registry,
                   Schema schema)
    : directory_(directory), registry_(registry), database_(open_database(directory)) {
  if (schema == Schema::readable) require_readable_schema(database_, directory);
}

Searcher::~Searcher() = default;

namespace {

bool has_han(std::string_view text) {
  for (int32_t at = 0; at < static_cast<int32_t>(text.size());) {
    UChar32 c = 0;
    U8_NEXT(text.data(), at, static_cast<int32_t>(text.size()), c);
    UErrorCode status = U_ZERO_ERROR;
    if (c > 0 && uscript_getScript(c, &status) == USCRIPT_HAN) return true;
  }
  return false;
}

}  // namespace

void Searcher::add_script_variants(BuiltQuery& built, const SearchRequest& request,
                                   const analyzers::Analyzer& analyzer, bool any_word) {
  // Chinese learners only: Japanese kanji are not Traditional Chinese to be simplified.
  if (analyzer.language() != "zh" || !has_han(request.query)) return;
  if (!chinese_scripts_) chinese_scripts_ = std::make_unique<ChineseScripts>();
  std::vector<Xapian::Query> matching{built.matching};
  for (const std::string& variant : {chinese_scripts_->to_traditional(request.query),
                                     chinese_scripts_->to_simplified(request.query)}) {
    if (variant == request.query) continue;
    const BuiltQuery other = build_query(parse_query(variant), analyzer, request.filters, any_word);
    // Below the script as typed: a zh-CN learner's Simplified title finds the zh-TW page
    // too, but after the zh-CN one.
    matching.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, other.matching, kOtherScriptWeight);
    built.terms.add(other.terms);
  }
  if (matching.size() == 1) return;
  built.matching = Xapian::Query(Xapian::Query::OP_OR, matching.begin(), matching.end());
  built.query = built.restricted(built.matching);
}

bool Searcher::refresh() {
  const bool changed = database_.reopen();
  if (changed) {  // languages come and go with documents
    query_language_guesser_.reset();
    index_languages_.reset();
    concept_labels_.clear();
  }
  return changed;
}

const QueryLanguageGuesser& Searcher::query_language_guesser() {
  if (!query_language_guesser_) query_language_guesser_.emplace(database_, registry_);
  return *query_language_guesser_;
}

const std::vector<std::string>& Searcher::index_languages() {
  if (!index_languages_) {
    index_languages_.emplace();
    for (auto& [language, documents] : primary_languages(database_)) {
      index_languages_->push_back(std::move(language));
    }
  }
  return *index_languages_;
}

Xapian::Query Searcher::translations_of(const std::string& text, const std::string& source,
                                        const std::string& learner, bool any_word,
                                        bool every_language,
                                        std::map<std::string, QueryTerms>& terms, bool& left_out,
                                        SearchResult& result) {
  result.translated.clear();
  left_out = false;
  // Dictionaries are keyed by analyzer language ("nb" and "no" share one).
  const analyzers::Analyzer& from = analyzer_for(source);
  if (!dictionaries_ || dictionaries_->empty() || text.empty() ||
      !dictionaries_->has_source(from.language())) {
    return Xapian::Query();
  }
  // The learner's language first: a French learner who types English wants French pages.
  std::vector<std::string> targets;
  if (learner != source && learner != "und") targets.push_back(learner);
  // Then English, in which most open educational resources are written, then (when
  // those found too little) every other language of the index that a dictionary links
  // directly: two steps through English for each of twenty languages would cost ten times
  // the search for translations of translations.
  const std::string english = "en";
  if (source != english && learner != english) targets.push_back(english);
  for (const std::string& language : index_languages()) {
    if (language == source || language == learner || language == english) continue;
    if (!dictionaries_->links_directly(from.language(), analyzer_for(language).language())) {
      continue;
    }
    if (every_language) {
      targets.push_back(language);
    } else {
      left_out = true;
    }
  }
  std::vector<Xapian::Query> parts;
  for (const std::string& target : targets) {
    const analyzers::Analyzer& to = analyzer_for(target);
    if (!dictionaries_->covers(from.language(), to.language())) continue;
    QueryTranslation translation = translate_query(text, from, to, *dictionaries_);
    keep_alternatives_in(translation, to, database_);
    if (!translation.any_translated()) continue;
    // Into the learner's language any word may match, as a learner would rather see their
    // own language's pages that share some of the words than none; into the others, every
    // word must, as the query itself asks.
    const bool for_learner = target == learner;
    Xapian::Query query =
        translation_query(translation, to, !for_learner && !any_word, terms[target]);
    if (query.empty()) continue;
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(schema::filter_term(schema::kLanguage, target)));
    if (!for_learner) {
      query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, weights_.other_translations);
    }
    parts.push_back(std::move(query));
    result.translated.push_back({target, translation.text()});
  }
  return combine_queries(Xapian::Query::OP_OR, parts);
}

const analyzers::Analyzer& Searcher::analyzer_for(const std::string& tag) {
  // Resolving a tag goes through ICU's locale parser: once per tag and searcher is enough.
  const auto found = analyzers_.find(tag);
  if (found != analyzers_.end()) return *found->second;
  const analyzers::Analyzer& analyzer = registry_.for_tag(tag);
  if (analyzers_.size() < 256) analyzers_.emplace(tag, &analyzer);
  return analyzer;
}

SearchResult Searcher::search(const SearchRequest& request) {
  const analyzers::Analyzer& analyzer =
      analyzer_for(request.learner_language.empty() ? "und" : request.learner_language);
  const std::string learner = primary_subtag(
      request.learner_language.empty() ? std::string("und") : request.learner_language);
  const std::vector<QueryClause> clauses = parse_query(request.query);

  SearchResult result;
  BuiltQuery built = build_query(clauses, analyzer, request.filters, false);
  add_script_variants(built, request, analyzer, false);
  Xapian::Enquire enquire(database_);
  Xapian::BM25Weight weight(weights_.bm25_k1, 0, 1, weights_.bm25_b, 0.5);
  enquire.set_weighting_scheme(weight);
  enquire.set_collapse_key(schema::kWorkKey);
  if (request.sort == SearchRequest::Sort::date) {
    enquire.set_sort_by_value_then_relevance(schema::kDatePublished, true);
  }
  Xapian::Query boosts = learner_language_boost(learner, true);
  const std::string text = wanted_text(clauses);
  if (const std::string written_in = query_language_guesser().guess(text, learner);
      written_in != learner) {
    result.query_language = written_in;
    boosts = Xapian::Query(
        Xapian::Query::OP_OR, boosts,
        language_boost(kQueryLanguageBoost,
                       Xapian::Query(schema::filter_term(schema::kLanguage, written_in))));
  }

  // The query's own words, or its translations as well.
  const std::string source = result.query_language.empty() ? learner : result.query_language;
  std::map<std::string, QueryTerms> translated_terms;  // by target language
  bool languages_left_out = false;
  auto with_translations = [&](BuiltQuery& query, bool any_word, bool every_language) {
    if (!request.translate) return query.query;
    translated_terms.clear();
    const Xapian::Query translated =
        translations_of(text, source, learner, any_word, every_language, translated_terms,
                        languages_left_out, result);
    if (translated.empty()) return query.query;
    return query.restricted(Xapian::Query(Xapian::Query::OP_OR, query.matching, translated));
  };

  // Ratings add a small boost (rating_prior.hpp); every document has one, so an unrated
  // resource gets the neutral middle value rather than nothing.
  Xapian::ValueWeightPostingSource rating_boost(schema::kRatingBoost);
  auto run = [&](const Xapian::Query& query, SearchResult& into) {
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(&rating_boost), boosts)));
    enquire.clear_matchspies();
    CollapsedFacetCounter counter;
    enquire.add_matchspy(&counter);
    Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                         static_cast<Xapian::doccount>(request.limit), kCheckAtLeast);
    // Every candidate was seen when there are fewer than kCheckAtLeast: then the number of
    // distinct works is the exact collapsed total, and facet counts are exact. Beyond that
    // Xapian estimates the total, and the facet counts of the candidates seen are scaled
    // to it (docs/api.md: both are then flagged as estimates).
    const bool all_seen = mset.get_uncollapsed_matches_upper_bound() <= kCheckAtLeast;
    into.total = all_seen ? static_cast<Xapian::doccount>(counter.distinct_works())
                          : mset.get_matches_estimated();
    into.total_is_estimate = !all_seen;
    const double scale =
        all_seen || counter.distinct_works() == 0
            ? 1.0
            : static_cast<double>(into.total) / static_cast<double>(counter.distinct_works());
    into.facets = counter.facets(std::max(1.0, scale));
    return mset;
  };
  Xapian::MSet mset = run(with_translations(built, false, false), result);
  if (languages_left_out && result.total < request.offset + request.limit) {
    // Too little in the learner's language and English: look in every language.
    mset = run(with_translations(built, false, true), result);
  }
  if (result.total == 0 && built.positive_groups > 1) {
    // No record has every word: accept any of them rather than show nothing.
    built = build_query(clauses, analyzer, request.filters, true);
    add_script_variants(built, request, analyzer, true);
    mset = run(with_translations(built, true, true), result);
    result.relaxed = result.total > 0;
  }

  // A hit found through translation only holds none of the query's own terms (a prefix*
  // expands to terms the query does not list, so those hits are not judged).
  const bool judge_translation =
      !result.translated.empty() &&
      std::none_of(clauses.begin(), clauses.end(), [](const QueryClause& c) { return c.prefix; });
  std::set<Xapian::docid> holding_own_term;
  if (judge_translation) {
    std::vector<Xapian::docid> shown;
    for (auto match = mset.begin(); match != mset.end(); ++match) shown.push_back(*match);
    holding_own_term = documents_holding_any(
        database_, {built.matching.get_unique_terms_begin(), built.matching.get_unique_terms_end()},
        shown);
  }

  for (auto match = mset.begin(); match != mset.end(); ++match) {
    std::vector<Version> versions = versions_of(database_, *match, match.get_document());
    const std::size_t chosen = version_to_show(versions, request, learner);
    DisplayFields& shown = versions[chosen].shown;
    Hit hit;
    hit.id = shown.id;
    hit.title = shown.title;
    hit.url = shown.url;
    hit.language = shown.language;
    hit.types = std::move(shown.types);
    hit.license = std::move(shown.license);
    hit.in_learner_language = primary_subtag(hit.language) == learner;
    if (chosen != 0) hit.matched = link_to(versions.front().shown);
    if (judge_translation) hit.through_translation = !holding_own_term.count(*match);
    hit.score = std::fmod(match.get_weight(), kQueryLanguageBoost);
    const Xapian::Document document =
        chosen == 0 ? match.get_document() : database_.get_document(versions[chosen].docid);
    const std::string body = document.get_value(schema::kBodyText);
    // The query's words, and those of its translation into the hit's language (which has
    // words and folded forms only, no stems).
    const auto translated = translated_terms.find(primary_subtag(hit.language));
    QueryTerms marked;
    if (translated != translated_terms.end()) {
      marked = built.terms;
      marked.add(translated->second);
    }
    hit.snippet =
        make_snippet(body.empty() ? shown.description : body, analyzer_for(hit.language),
                     translated == translated_terms.end() ? built.terms : marked, kSnippetBytes);
    for (std::size_t i = 0; i < versions.size(); ++i) {
      if (i != chosen) hit.translations.push_back(link_to(versions[i].shown));
    }
    std::sort(hit.translations.begin(), hit.translations.end(),
              [](const Translation& a, const Translation& b) { return a.language < b.language; });
    result.hits.push_back(std::move(hit));
  }

  // Did-you-mean: replace each word the index does not know by its closest spelling.
  if (result.total < 3 && !built.words.empty()) {
    std::string suggestion;
    bool changed = false;
    for (const std::string& word : built.words) {
      std::string better = database_.get_termfreq(word) == 0
                               ? database_.get_spelling_suggestion(word, 2)
                               : std::string();
      if (!suggestion.empty()) suggestion += ' ';
      suggestion += better.empty() ? word : better;
      changed |= !better.empty();
    }
    if (changed) result.suggestion = suggestion;
  }
  add_concept_labels(result, learner);
  return result;
}

// The learner's label of every concept among the facet values and the hits' types.
void Searcher::add_concept_labels(SearchResult& result, const std::string& learner) {
  const auto add = [&](const std::string& value) {
    if (result.labels.count(value)) return;
    if (const LabelsByLanguage* labels = concept_labels_.labels(database_, value)) {
      if (auto label = label_for(*labels, learner)) result.labels.emplace(value, std::move(*label));
    }
  };
  for (const auto& [facet, counts] : result.facets) {
    for (const FacetCount& count : counts) add(count.value);
  }
  for (const Hit& hit : result.hits) {
    for (const std::string& type : hit.types) add(type);
  }
}

}  // namespace agora::index
