// Reading a work's versions and choosing the one to show.
#include "work_versions.hpp"

#include <algorithm>

#include "agora/base/text.hpp"
#include "agora/index/index_schema.hpp"
#include "language_boosts.hpp"

namespace agora::index {

bool may_show_in(const std::string& language, const SearchRequest& request) {
  if (request.sort == SearchRequest::Sort::date) return false;
  const auto filter = request.filters.find("language");
  if (filter == request.filters.end() || filter->second.empty()) return true;
  return std::any_of(filter->second.begin(), filter->second.end(), [&](const std::string& value) {
    const std::string wanted = lower_ascii(value);
    return wanted == lower_ascii(language) || wanted == lower_ascii(primary_subtag(language));
  });
}

std::vector<Version> versions_of(const Xapian::Database& database, Xapian::docid docid,
                                 const Xapian::Document& document) {
  std::vector<Version> versions{{docid, display_fields(document)}};
  const std::string key = document.get_value(schema::kWorkKey);
  if (key.empty() || key.rfind("id:", 0) == 0) return versions;
  const std::string work_term = schema::filter_term(schema::kWork, key);
  // The versions' display values are read along one value stream, in docid order as the
  // posting list gives them: a work in 26 languages costs one pass, not 25 lookups.
  Xapian::ValueIterator display = database.valuestream_begin(schema::kDisplay);
  for (auto other = database.postlist_begin(work_term); other != database.postlist_end(work_term);
       ++other) {
    if (*other == docid) continue;
    if (display != database.valuestream_end(schema::kDisplay) && display.check(*other)) {
      versions.push_back({*other, decode_display(*display)});
    } else {
      versions.push_back({*other, display_fields(database.get_document(*other))});
    }
  }
  return versions;
}

std::size_t version_to_show(const std::vector<Version>& versions, const SearchRequest& request,
                            const std::string& learner) {
  const std::string& learner_tag = request.learner_language;
  if (primary_subtag(versions.front().shown.language) == learner) return 0;
  if (versions.size() == 1 || !may_show_in(learner, request)) return 0;
  std::size_t chosen = 0;
  for (std::size_t i = 1; i < versions.size(); ++i) {
    const std::string& language = versions[i].shown.language;
    if (primary_subtag(language) != learner) continue;
    if (lower_ascii(language) == lower_ascii(learner_tag)) return i;
    if (chosen == 0) chosen = i;
  }
  return chosen;
}

Translation link_to(const DisplayFields& shown) {
  return {shown.id, shown.title, shown.url, shown.language};
}

}  // namespace agora::index
