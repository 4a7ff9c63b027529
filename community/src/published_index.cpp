// Reading and writing the search index for the collaboration layer.
#include "agora/community/published_index.hpp"

#include <xapian.h>

#include "agora/index/index_writer.hpp"

namespace agora::community {

std::optional<nlohmann::json> SearcherIndex::record(const std::string& id) {
  return searcher_().resource(id);
}

std::vector<index::DuplicateCandidate> SearcherIndex::duplicates_of(const std::string& url,
                                                                    const std::string& title,
                                                                    const std::string& language) {
  return searcher_().duplicates_of(url, title, language);
}

std::string SearcherIndex::identity() {
  // A fresh handle: the caller's searcher may still see an index that was swapped out.
  try {
    return Xapian::Database(directory_.string()).get_uuid();
  } catch (const Xapian::DatabaseOpeningError&) {
    return "";  // no index yet: the first publication creates it
  }
}

void SearcherIndex::publish(const std::vector<index::Record>& records,
                            const std::vector<std::string>& removals) {
  index::IndexWriter writer(directory_, registry_);
  for (const std::string& id : removals) writer.remove(id);
  for (const index::Record& record : records) writer.upsert(record);
  writer.commit();
}

}  // namespace agora::community
