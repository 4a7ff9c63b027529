// Display labels of concepts (SKOS prefLabel), kept in the index beside the documents.
//
// A record may name its subject, level or resource type by a concept URI, as AMB and OERSI
// do; the URI is the filter value, so that "Mathematik" and "Mathematics" are one facet
// entry, and each learner sees the label of their own language. The labels are stored
// once per concept in the index's metadata, not in every document, so that facet counts
// stay a read of value slots.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "agora/index/record.hpp"

namespace agora::index {

using LabelsByLanguage = std::map<std::string, std::string>;

/// The label for a learner of `language`: that tag, its primary language, English, a
/// label of no stated language, then any; nullopt when there is none.
std::optional<std::string> label_for(const LabelsByLanguage& labels, std::string_view language);

/// Adds `labels` to those the index keeps (a language's label is replaced by a newer one).
void store_concept_labels(Xapian::WritableDatabase& database, const ConceptLabels& labels);

/// The labels an index keeps, read once per concept and remembered.
class ConceptLabelReader {
 public:
  /// The labels of `value` when it is a concept with labels, else nullptr.
  const LabelsByLanguage* labels(const Xapian::Database& database, const std::string& value);
  /// Forgets what was read (after the index changed).
  void clear() { cache_.clear(); }

 private:
  std::unordered_map<std::string, LabelsByLanguage> cache_;
};

}  // namespace agora::index
