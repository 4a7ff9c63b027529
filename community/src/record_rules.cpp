// Applying the record rules and working out duplicate keys.
#include "agora/community/record_rules.hpp"

#include "agora/index/duplicates.hpp"
#include "agora/index/record_builder.hpp"

namespace agora::community {

CheckedRecord RecordRules::check_submitted(nlohmann::json fields) const {
  fields.erase("aggregateRating");
  index::BuiltRecord built = index::build_record(fields, collection_, detector_);
  if (!built.record) {
    std::vector<FieldProblem> problems;
    for (const index::FieldError& error : built.errors) {
      problems.push_back({error.field, error.message});
    }
    throw InvalidFields(std::move(problems));
  }
  CheckedRecord checked{std::move(*built.record), {}};
  checked.keys = keys_of(checked.record.stored);
  return checked;
}

index::BuiltRecord RecordRules::check_published(const nlohmann::json& fields) const {
  return index::build_record(fields, "", detector_);
}

DuplicateKeys RecordRules::keys_of(const nlohmann::json& record) const {
  DuplicateKeys keys;
  keys.language = record.value("inLanguage", "und");
  keys.url_key = index::url_key(record.value("url", ""));
  keys.title_words =
      index::title_words(record.value("title", ""), registry_.for_tag(keys.language));
  return keys;
}

}  // namespace agora::community
