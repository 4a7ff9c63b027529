// The layout of Agora's Xapian index: term prefixes, value slots, field weights.
// docs/index-schema.md explains each choice; searchd builds queries from these names only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace agora::index::schema {

/// Bumped when a change needs existing indexes rebuilt; stored as index metadata.
inline constexpr std::string_view kVersion = "3";
inline constexpr std::string_view kVersionKey = "agora.schema";

// Boolean filter terms: prefix + normalised value, no positions, wdf 0.
inline constexpr std::string_view kId = "Q";                ///< unique record id
inline constexpr std::string_view kLanguage = "L";          ///< "Lfr", "Lpt-br"; also primary "Lpt"
inline constexpr std::string_view kType = "XTYPE";          ///< learningResourceType
inline constexpr std::string_view kLicense = "XLIC";        ///< SPDX id, lower case
inline constexpr std::string_view kLevel = "XLEVEL";        ///< educationalLevel
inline constexpr std::string_view kSubject = "XSUBJ";       ///< `about` subjects, lower case
inline constexpr std::string_view kCollection = "XCOLL";    ///< partner or source
inline constexpr std::string_view kWork = "XWORK";          ///< the work (translation group) the
                                                            ///< document is in, once linked
inline constexpr std::string_view kDeclaredWork = "XDECL";  ///< the work its record names
inline constexpr std::string_view kVersionLink = "XVER";    ///< another version it links to:
                                                            ///< "u:" + url_key or "q:" + id
inline constexpr std::string_view kWorkLanguage = "XWL";    ///< a primary language of some
                                                            ///< version of its work
inline constexpr std::string_view kDetected = "XDETECTED";  ///< language was detected, not declared
inline constexpr std::string_view kUrl = "XURL";  ///< url_key() of the url, for duplicates

// Free-text terms. Unprefixed exact terms carry positions for phrases and snippets.
inline constexpr std::string_view kTitle = "S";     ///< exact title terms, positional
inline constexpr std::string_view kKeyword = "XK";  ///< exact subject and keyword terms
inline constexpr std::string_view kFolded = "F";    ///< accent-folded form of a term, only
                                                    ///< where it differs from the term
inline constexpr std::string_view kStem = "Z";      ///< "Z" + language + ":" + stem

/// Within-document frequency added per occurrence, by field: BM25 then ranks a title
/// match above a subject match above a description match above a body match.
inline constexpr Xapian::termcount kTitleWeight = 6;
inline constexpr Xapian::termcount kSubjectWeight = 4;
inline constexpr Xapian::termcount kDescriptionWeight = 2;
inline constexpr Xapian::termcount kBodyWeight = 1;

/// Positions between fields, so that a phrase never spans two fields.
inline constexpr Xapian::termpos kFieldGap = 100;

/// Value slots.
enum Slot : Xapian::valueno {
  kDatePublished = 0,    ///< sortable_serialise(YYYYMMDD), for sort=date
  kDateModified = 1,     ///< sortable_serialise(YYYYMMDD)
  kWorkKey = 2,          ///< the work's key ("id:" + id for a record alone): collapse key
  kLanguageValue = 3,    ///< canonical language tag, to prefer the learner's language
  kTitleSort = 4,        ///< case-folded title, for alphabetical sorting
  kTypesValue = 5,       ///< types joined by kListSeparator, for facet counts
  kLicenseValue = 6,     ///< license, for facet counts
  kLevelValue = 7,       ///< levels, kListSeparator-joined, for facet counts
  kCollectionValue = 8,  ///< collection, for facet counts
  kSubjectsValue = 9,    ///< subjects joined by kListSeparator, for facet counts
  kBodyText = 10,        ///< the record's `text`, kept out of the document data so that
                         ///< showing a hit never parses a whole book chapter. Values are not
                         ///< compressed: 33 MB of the handbook's index, and inflating the
                         ///< text of ten hits per search would cost more (docs/index-schema.md)
  kRatingBoost = 11,     ///< sortable_serialise(rating_boost()), added to the BM25 score
  kDisplay = 12,         ///< what a hit or a translation link shows (display_fields.hpp),
                         ///< so that a hit parses no stored record, its own nor its
                         ///< translations'; documents without it fall back to the record
  kChangedAt = 13,       ///< when the writer last stored the document, "YYYY-MM-DDThh:mm:ssZ"
                         ///< (UTC; sorts as it reads): the OAI-PMH datestamp
};

/// Metadata keys of deleted records: "tombstone:" + id holds a JSON object with the
/// deletion's datestamp and the record's collection and language, so that OAI-PMH
/// harvesters learn of deletions (deletedRecord=persistent). Storing the id again lays it
/// to rest.
inline constexpr std::string_view kTombstonePrefix = "tombstone:";

/// Separates the items of a multi-valued value slot.
inline constexpr char kListSeparator = '\x1f';

/// A field that learners filter and facet on. The one list of them: the searcher counts
/// facets from it, the query builder makes filter terms and `field:value` clauses from it,
/// the API accepts its names as parameters and /api/fields tells the web page.
struct FilterField {
  std::string_view name;         ///< API parameter and facet name ("type")
  std::string_view query_field;  ///< `field:` in the query syntax as a filter, or empty
  std::string_view prefix;       ///< boolean filter term prefix
  Slot value;                    ///< value slot that facets count
  bool multi_valued;             ///< the slot holds a kListSeparator-joined list
  bool on_results_page;          ///< a facet of the no-JavaScript results page
};

/// In the order facets are shown. `subject:` in a query searches subject words (see
/// query_builder.cpp) rather than filtering, so subject has no query_field.
inline constexpr FilterField kFilterFields[] = {
    {"language", "lang", kLanguage, kLanguageValue, false, true},
    {"type", "type", kType, kTypesValue, true, true},
    {"level", "level", kLevel, kLevelValue, true, true},
    {"subject", "", kSubject, kSubjectsValue, true, true},
    {"license", "license", kLicense, kLicenseValue, false, true},
    {"collection", "collection", kCollection, kCollectionValue, false, false},
};

/// The filter field named `name` (API name or query field), or nullptr.
inline const FilterField* filter_field(std::string_view name) {
  for (const FilterField& field : kFilterFields) {
    if (field.name == name || (!field.query_field.empty() && field.query_field == name)) {
      return &field;
    }
  }
  return nullptr;
}

/// `prefix` + `value`, the way every term in the index is made.
inline std::string term(std::string_view prefix, std::string_view value) {
  std::string made(prefix);
  made += value;
  return made;
}

/// A boolean filter term: `prefix` + `value` with ASCII capitals lowered ("XTYPEvideo").
inline std::string filter_term(std::string_view prefix, std::string_view value) {
  std::string made = term(prefix, value);
  for (std::size_t i = prefix.size(); i < made.size(); ++i) {
    if (made[i] >= 'A' && made[i] <= 'Z') made[i] = static_cast<char>(made[i] - 'A' + 'a');
  }
  return made;
}

/// The terms that find the words whose accent-folded form is that of `word`: the folded
/// term ("Fcafe", in documents that wrote "café") and, when `word` itself has accents, the
/// folded form as a plain term ("cafe" as written). Without accents, `word` is that term
/// already, and the caller has it.
inline std::vector<std::string> folded_terms(std::string_view word, std::string_view folded) {
  std::vector<std::string> terms{term(kFolded, folded)};
  if (folded != word) terms.emplace_back(folded);
  return terms;
}

/// The stemmed term of `stem` for a language: "Zfr:cooper".
inline std::string stem_term(std::string_view language, std::string_view stem) {
  std::string made(kStem);
  made += language;
  made += ':';
  made += stem;
  return made;
}

}  // namespace agora::index::schema
