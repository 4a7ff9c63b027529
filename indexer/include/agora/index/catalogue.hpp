// The index as a catalogue for harvesters: records and deletions in a stable order, by
// change date and set, for the OAI-PMH provider (searchd's /oai), and pages with their
// translations for sitemaps.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "agora/index/search.hpp"

namespace agora::index {

/// One record, or the tombstone of a deleted one.
struct CatalogueEntry {
  std::string id;
  std::string datestamp;  ///< "YYYY-MM-DDThh:mm:ssZ" (kEarliestDatestamp for old documents)
  bool deleted = false;
  nlohmann::json record;  ///< the stored record (its text left out); null when deleted
  std::string collection;
  std::string language;
};

/// What a harvester asks for. Dates are whole datestamps, inclusive.
struct CatalogueQuery {
  std::optional<std::string> from;
  std::optional<std::string> until;
  /// "collection:NAME", "language:TAG", or empty for everything.
  std::string set;
  std::size_t offset = 0;  ///< records first, then deletions
  std::size_t limit = 100;
};

struct CataloguePage {
  std::vector<CatalogueEntry> entries;
  std::size_t total = 0;  ///< records and deletions that match, all pages together
};

/// Whether `date` is an OAI-PMH date: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (its two
/// granularities), as harvest flags and /oai's from and until take them.
bool is_oai_date(const std::string& date);

/// The datestamp of documents written before the index kept change dates.
inline constexpr const char* kEarliestDatestamp = "1970-01-01T00:00:00Z";

/// A page of the entries that match, in index order (stable while nothing changes).
CataloguePage catalogue_page(const Xapian::Database& database, const CatalogueQuery& query);

/// The record or tombstone with this id.
std::optional<CatalogueEntry> catalogue_entry(const Xapian::Database& database,
                                              const std::string& id);

/// The earliest datestamp any entry has.
std::string earliest_datestamp(const Xapian::Database& database);

/// The sets an entry is in, as ListSets names them: "collection:NAME" and
/// "language:TAG" (its primary tag), lower case.
std::vector<std::string> sets_of(const CatalogueEntry& entry);

/// The sets there are: "collection:NAME" and "language:TAG" (primary tags), sorted.
std::vector<std::string> catalogue_sets(const Xapian::Database& database);

/// A resource as a sitemap lists its page: when it changed, and the other versions of its
/// work, whose pages are its alternates.
struct SitemapEntry {
  std::string id;
  std::string language;
  std::string datestamp;
  std::vector<Translation> other_versions;
};

/// Resources number `offset` to `offset + limit - 1` in index order (stable while nothing
/// changes); the index's document count says how many there are in all.
std::vector<SitemapEntry> sitemap_entries(const Xapian::Database& database, std::size_t offset,
                                          std::size_t limit);

}  // namespace agora::index
