// Record → Xapian document, following docs/index-schema.md.
#include <algorithm>

#include "agora/base/parse.hpp"
#include "agora/base/text.hpp"
#include "agora/index/duplicates.hpp"
#include "agora/index/index_schema.hpp"
#include "agora/index/index_writer.hpp"
#include "agora/index/rating_prior.hpp"
#include "agora/index/work_linker.hpp"
#include "display_fields.hpp"

namespace agora::index {
namespace {

namespace schema = agora::index::schema;
using analyzers::Analyzer;

// Xapian refuses terms over 245 bytes; nobody searches for such a term anyway.
constexpr std::size_t kMaxTermBytes = 240;

// Adds the terms of one field and returns the next free position.
class FieldIndexer {
 public:
  FieldIndexer(Xapian::Document& document, const Analyzer& analyzer)
      : document_(document), analyzer_(analyzer) {}

  /// `prefix` (may be empty) gets a positional copy of the exact terms for field queries.
  void index(const std::string& text, Xapian::termcount wdf, std::string_view prefix) {
    if (text.empty()) return;
    Xapian::termpos last = next_position_;
    for (const analyzers::Token& token : analyzer_.analyze(text)) {
      if (token.term.size() > kMaxTermBytes) continue;
      const Xapian::termpos position = next_position_ + token.position;
      last = std::max(last, position);
      if (token.kind == analyzers::TokenKind::part) {
        // Parts of a word (compound parts, CJK bigrams) are found as terms; phrases are
        // made of whole words only (query_builder.cpp), so parts need no positions.
        document_.add_term(token.term, wdf);
        if (!prefix.empty()) document_.add_term(schema::term(prefix, token.term), wdf);
      } else {
        document_.add_posting(token.term, position, wdf);
        if (!prefix.empty()) document_.add_posting(schema::term(prefix, token.term), position, wdf);
      }
      // Most words have no accents: their folded form is the word itself, which the
      // query side finds as the exact term (schema::folded_query).
      if (token.folded != token.term) {
        document_.add_term(schema::term(schema::kFolded, token.folded), wdf);
      }
      if (!analyzer_.stemmer().empty()) {
        document_.add_term(schema::stem_term(analyzer_.language(), token.stem), wdf);
      }
    }
    next_position_ = last + schema::kFieldGap;
  }

 private:
  Xapian::Document& document_;
  const Analyzer& analyzer_;
  Xapian::termpos next_position_ = 1;
};

// "2024-03-12" → 20240312, "2024" → 20240101; 0 when absent.
double date_number(const std::string& date) {
  if (date.size() < 4) return 0;
  // Dates were validated by the record rules: these parse.
  const auto year = parse_whole_number(std::string_view(date).substr(0, 4), "date", 0, 9999);
  const auto month =
      date.size() >= 7 ? parse_whole_number(std::string_view(date).substr(5, 2), "date", 1, 12) : 1;
  const auto day = date.size() >= 10
                       ? parse_whole_number(std::string_view(date).substr(8, 2), "date", 1, 31)
                       : 1;
  return year * 10000.0 + month * 100.0 + day;
}

void add_filter(Xapian::Document& document, std::string_view prefix, const std::string& value) {
  if (value.empty()) return;
  const std::string term = schema::filter_term(prefix, value);
  if (term.size() <= kMaxTermBytes) document.add_boolean_term(term);
}

// The subjects as words to search: a named subject as it is written, a concept by its
// labels in every language (its URI is a filter value, not something anyone types).
std::vector<std::string> subject_words(const Record& record) {
  std::vector<std::string> words;
  for (const std::string& subject : record.subjects) {
    const auto labels = record.concept_labels.find(subject);
    if (labels == record.concept_labels.end()) {
      words.push_back(subject);
      continue;
    }
    for (const auto& [language, label] : labels->second) words.push_back(label);
  }
  return words;
}

}  // namespace

Xapian::Document build_document(const Record& record, const Analyzer& analyzer) {
  Xapian::Document document;
  FieldIndexer fields(document, analyzer);
  fields.index(record.title, schema::kTitleWeight, schema::kTitle);
  fields.index(join(subject_words(record), "\n") + "\n" + join(record.keywords, "\n"),
               schema::kSubjectWeight, schema::kKeyword);
  fields.index(record.description, schema::kDescriptionWeight, "");
  fields.index(record.text, schema::kBodyWeight, "");

  document.add_boolean_term(schema::term(schema::kId, record.id));
  add_filter(document, schema::kLanguage, record.language);
  const std::string primary = record.language.substr(0, record.language.find('-'));
  add_filter(document, schema::kLanguage, primary);
  for (const std::string& type : record.types) add_filter(document, schema::kType, type);
  add_filter(document, schema::kLicense, record.license);
  for (const std::string& level : record.levels) add_filter(document, schema::kLevel, level);
  for (const std::string& subject : record.subjects) {
    add_filter(document, schema::kSubject, subject);
  }
  add_filter(document, schema::kCollection, record.collection);
  // The declared work, and the work as far as this record knows it: the writer's linker
  // (work_linker.hpp) regroups documents that link to one another.
  add_filter(document, schema::kDeclaredWork, record.work);
  add_filter(document, schema::kWork, record.work);
  for (const std::string& link : record.version_links) {
    const std::string term = version_link_term(link);
    if (term.size() <= kMaxTermBytes) document.add_boolean_term(term);
  }
  if (record.language_detected) document.add_boolean_term(std::string(schema::kDetected));
  add_filter(document, schema::kUrl, url_key(record.url));

  document.add_value(schema::kDatePublished,
                     Xapian::sortable_serialise(date_number(record.date_published)));
  document.add_value(schema::kDateModified,
                     Xapian::sortable_serialise(date_number(record.date_modified)));
  document.add_value(schema::kWorkKey, record.work.empty() ? "id:" + record.id : record.work);
  document.add_value(schema::kLanguageValue, record.language);
  document.add_value(schema::kTitleSort, title_key(title_words(record.title, analyzer)));
  document.add_value(schema::kTypesValue,
                     join(record.types, std::string(1, schema::kListSeparator)));
  document.add_value(schema::kLicenseValue, record.license);
  document.add_value(schema::kLevelValue,
                     join(record.levels, std::string(1, schema::kListSeparator)));
  document.add_value(schema::kCollectionValue, record.collection);
  document.add_value(schema::kSubjectsValue,
                     join(record.subjects, std::string(1, schema::kListSeparator)));
  document.add_value(schema::kBodyText, record.text);
  document.add_value(schema::kRatingBoost, Xapian::sortable_serialise(rating_boost(
                                               record.rating_value, record.rating_count)));
  nlohmann::json data = record.stored;
  data.erase("text");
  document.add_value(schema::kDisplay, encode_display(data));
  document.set_data(data.dump());
  return document;
}

}  // namespace agora::index
