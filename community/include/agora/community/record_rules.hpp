// The indexer's record rules as the collaboration layer applies them: to a submitted
// record, to an imported one it adopts, and to each record it publishes.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/analyzers/language_detector.hpp"
#include "agora/analyzers/registry.hpp"
#include "agora/community/errors.hpp"
#include "agora/index/record.hpp"
#include "agora/index/record_builder.hpp"

namespace agora::community {

/// What duplicates are judged by: the address key, and the folded title words in the
/// record's language.
struct DuplicateKeys {
  std::string language;
  std::string url_key;
  std::vector<std::string> title_words;
};

/// A record that passed the rules, with its duplicate keys.
struct CheckedRecord {
  index::Record record;
  DuplicateKeys keys;
};

class RecordRules {
 public:
  /// `collection` applies to records that name none.
  RecordRules(const analyzers::Registry& registry, std::string collection)
      : registry_(registry), collection_(std::move(collection)) {}

  /// The record, normalised; InvalidFields listing every problem otherwise. Ratings come
  /// from learners, so a submitted `aggregateRating` is dropped first.
  CheckedRecord check_submitted(nlohmann::json fields) const;

  /// The record as published (ratings kept), or the problems that keep it out.
  index::BuiltRecord check_published(const nlohmann::json& fields) const;

  /// The duplicate keys of a stored record.
  DuplicateKeys keys_of(const nlohmann::json& record) const;

 private:
  const analyzers::Registry& registry_;
  std::string collection_;
  analyzers::LanguageDetector detector_;
};

}  // namespace agora::community
