// The Searcher's lookups besides ranked search: completion, one record by id, look-alikes
// of a record, the other versions of its work, every id, and the index's statistics.
#include <algorithm>
#include <tuple>

#include "agora/index/duplicates.hpp"
#include "agora/index/index_schema.hpp"
#include "agora/index/search.hpp"
#include "display_fields.hpp"
#include "language_boosts.hpp"
#include "work_versions.hpp"

namespace agora::index {

using nlohmann::json;

std::vector<Completion> Searcher::complete(const std::string& typed, const std::string& language,
                                           std::size_t limit) {
  std::vector<Completion> out;
  const analyzers::Analyzer& analyzer = analyzer_for(language.empty() ? "und" : language);
  std::vector<std::string> words;
  for (const auto& token : analyzer.analyze(typed)) {
    if (token.kind != analyzers::TokenKind::part) words.push_back(token.term);
  }
  if (words.empty()) return out;
  const bool last_is_complete = !typed.empty() && (typed.back() == ' ');
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool is_prefix = i + 1 == words.size() && !last_is_complete;
    std::vector<Xapian::Query> fields;
    for (std::string_view prefix : {schema::kTitle, schema::kKeyword}) {
      const std::string term = schema::term(prefix, words[i]);
      fields.push_back(is_prefix ? Xapian::Query(Xapian::Query::OP_WILDCARD, term, 50,
                                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT)
                                 : Xapian::Query(term));
    }
    parts.emplace_back(Xapian::Query::OP_OR, fields.begin(), fields.end());
  }
  // Subjects that start with the last word typed take up to a quarter of the list (at
  // least one place), titles the rest, and the whole list never exceeds `limit`.
  std::vector<Completion> subjects;
  const std::size_t subject_places = std::max<std::size_t>(1, limit / 4);
  const std::string subject_prefix = schema::term(schema::kSubject, words.back());
  for (auto term = database_.allterms_begin(subject_prefix);
       term != database_.allterms_end(subject_prefix) && subjects.size() < subject_places; ++term) {
    subjects.push_back({(*term).substr(schema::kSubject.size()), "subject", "", ""});
  }
  Xapian::Enquire enquire(database_);
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
      learner_language_boost(primary_subtag(language.empty() ? "und" : language), false)));
  enquire.set_collapse_key(schema::kWorkKey);
  const Xapian::MSet mset =
      enquire.get_mset(0, static_cast<Xapian::doccount>(limit - std::min(limit, subjects.size())));
  for (auto match = mset.begin(); match != mset.end(); ++match) {
    DisplayFields shown = display_fields(match.get_document());
    out.push_back(
        {std::move(shown.title), "title", std::move(shown.id), std::move(shown.language)});
  }
  out.insert(out.end(), subjects.begin(), subjects.end());
  return out;
}

std::optional<nlohmann::json> Searcher::resource(const std::string& id) {
  const std::string id_term = schema::term(schema::kId, id);
  const Xapian::PostingIterator posting = database_.postlist_begin(id_term);
  if (posting == database_.postlist_end(id_term)) return std::nullopt;
  const Xapian::Document document = database_.get_document(*posting);
  json record = json::parse(document.get_data());
  const std::string text = document.get_value(schema::kBodyText);
  if (!text.empty()) record["text"] = text;
  return record;
}

std::vector<Translation> Searcher::other_versions(const std::string& id) {
  const std::string id_term = schema::term(schema::kId, id);
  const Xapian::PostingIterator posting = database_.postlist_begin(id_term);
  if (posting == database_.postlist_end(id_term)) return {};
  const std::vector<Version> versions =
      versions_of(database_, *posting, database_.get_document(*posting));
  std::vector<Translation> others;
  for (auto version = versions.begin() + 1; version != versions.end(); ++version) {
    others.push_back(link_to(version->shown));
  }
  std::sort(others.begin(), others.end(), [](const Translation& a, const Translation& b) {
    return std::tie(a.language, a.id) < std::tie(b.language, b.id);
  });
  return others;
}

std::vector<DuplicateCandidate> Searcher::duplicates_of(const std::string& url,
                                                        const std::string& title,
                                                        const std::string& language) {
  std::vector<DuplicateCandidate> found;
  auto add = [&](Xapian::docid docid, const char* reason) {
    DisplayFields shown = display_fields(database_.get_document(docid));
    for (const auto& seen : found) {
      if (seen.id == shown.id) return;
    }
    found.push_back({std::move(shown.id), std::move(shown.title), std::move(shown.url),
                     std::move(shown.language), reason});
  };
  const std::string url_term = schema::filter_term(schema::kUrl, url_key(url));
  for (auto posting = database_.postlist_begin(url_term);
       posting != database_.postlist_end(url_term); ++posting) {
    add(*posting, "url");
  }
  const std::vector<std::string> words = title_words(title, registry_.for_tag(language));
  if (words.empty()) return found;
  std::vector<Xapian::Query> any_word;
  for (const std::string& word : words) {
    // Title words are folded already: the word as a term, and as the folded term of
    // words that had accents.
    any_word.emplace_back(word);
    any_word.emplace_back(schema::term(schema::kFolded, word));
  }
  Xapian::Enquire enquire(database_);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER,
                    Xapian::Query(Xapian::Query::OP_OR, any_word.begin(), any_word.end()),
                    Xapian::Query(schema::filter_term(schema::kLanguage, language))));
  const Xapian::MSet candidates = enquire.get_mset(0, 30);
  for (auto match = candidates.begin(); match != candidates.end(); ++match) {
    const std::vector<std::string> other =
        words_of_title_key(match.get_document().get_value(schema::kTitleSort));
    if (near_identical_titles(words, other)) add(*match, "title");
  }
  return found;
}

std::vector<std::string> Searcher::ids() const {
  std::vector<std::string> out;
  const std::string prefix(schema::kId);
  for (auto term = database_.allterms_begin(prefix); term != database_.allterms_end(prefix);
       ++term) {
    out.push_back((*term).substr(prefix.size()));
  }
  return out;
}

IndexStats Searcher::stats() {
  IndexStats stats = read_stats(database_);
  stats.size_bytes = index_size_bytes(directory_);
  return stats;
}

}  // namespace agora::index
