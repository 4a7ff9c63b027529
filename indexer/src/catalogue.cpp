// Records by change date and set, and tombstones from the index metadata.
#include "agora/index/catalogue.hpp"

#include <algorithm>
#include <regex>

#include "agora/base/text.hpp"
#include "agora/index/index_schema.hpp"
#include "work_versions.hpp"

namespace agora::index {
namespace {

using nlohmann::json;

std::string primary(const std::string& tag) { return tag.substr(0, tag.find('-')); }

// The filter a set names, or nullopt for a set that is not one of ours.
std::optional<Xapian::Query> set_filter(const std::string& set) {
  const std::size_t colon = set.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string kind = set.substr(0, colon);
  const std::string value = set.substr(colon + 1);
  if (value.empty()) return std::nullopt;
  if (kind == "collection") return Xapian::Query(schema::filter_term(schema::kCollection, value));
  if (kind == "language") return Xapian::Query(schema::filter_term(schema::kLanguage, value));
  return std::nullopt;
}

// A set named by a whole tag ("language:pt-br") holds the entries of that tag too, as
// the filter term it names does.
bool in_set(const std::string& set, const CatalogueEntry& entry) {
  if (set.empty() || set == "language:" + lower_ascii(entry.language)) return true;
  const std::vector<std::string> sets = sets_of(entry);
  return std::find(sets.begin(), sets.end(), set) != sets.end();
}

bool in_dates(const CatalogueQuery& query, const std::string& datestamp) {
  return (!query.from || datestamp >= *query.from) && (!query.until || datestamp <= *query.until);
}

Xapian::Query records_query(const CatalogueQuery& query) {
  Xapian::Query matching = Xapian::Query::MatchAll;
  if (!query.set.empty()) {
    const std::optional<Xapian::Query> filter = set_filter(query.set);
    matching = filter ? *filter : Xapian::Query::MatchNothing;
  }
  // Documents from before change dates were kept have none, and count as the earliest.
  if (query.from && *query.from > kEarliestDatestamp) {
    matching =
        Xapian::Query(Xapian::Query::OP_FILTER, matching,
                      Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kChangedAt, *query.from));
  }
  if (query.until) {
    Xapian::Query until(Xapian::Query::OP_VALUE_LE, schema::kChangedAt, *query.until);
    if (*query.until >= kEarliestDatestamp) {
      // A document without a change date is as old as the earliest: within any until.
      until = Xapian::Query(Xapian::Query::OP_OR, until,
                            Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                                          Xapian::Query(Xapian::Query::OP_VALUE_GE,
                                                        schema::kChangedAt, std::string("0"))));
    }
    matching = Xapian::Query(Xapian::Query::OP_FILTER, matching, until);
  }
  return matching;
}

CatalogueEntry entry_of(const Xapian::Document& document) {
  CatalogueEntry entry;
  entry.record = json::parse(document.get_data(), nullptr, false);
  entry.id = entry.record.value("id", "");
  entry.datestamp = document.get_value(schema::kChangedAt);
  if (entry.datestamp.empty()) entry.datestamp = kEarliestDatestamp;
  entry.collection = document.get_value(schema::kCollectionValue);
  entry.language = document.get_value(schema::kLanguageValue);
  return entry;
}

CatalogueEntry tombstone_of(const std::string& id, const std::string& stored) {
  const json tombstone = json::parse(stored, nullptr, false);
  CatalogueEntry entry;
  entry.id = id;
  entry.deleted = true;
  if (tombstone.is_object()) {
    entry.datestamp = tombstone.value("datestamp", kEarliestDatestamp);
    entry.collection = tombstone.value("collection", "");
    entry.language = tombstone.value("language", "");
  }
  return entry;
}

// Every tombstone that matches, in id order.
std::vector<CatalogueEntry> tombstones(const Xapian::Database& database,
                                       const CatalogueQuery& query) {
  std::vector<CatalogueEntry> out;
  const std::string prefix(schema::kTombstonePrefix);
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
       ++key) {
    CatalogueEntry entry = tombstone_of((*key).substr(prefix.size()), database.get_metadata(*key));
    if (in_dates(query, entry.datestamp) && in_set(query.set, entry)) {
      out.push_back(std::move(entry));
    }
  }
  return out;
}

}  // namespace

bool is_oai_date(const std::string& date) {
  static const std::regex pattern(R"(^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$)");
  return std::regex_match(date, pattern);
}

CataloguePage catalogue_page(const Xapian::Database& database, const CatalogueQuery& query) {
  CataloguePage page;
  Xapian::Enquire enquire(database);
  enquire.set_query(records_query(query));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet matches =
      enquire.get_mset(static_cast<Xapian::doccount>(query.offset),
                       static_cast<Xapian::doccount>(query.limit), database.get_doccount());
  const std::size_t records = matches.get_matches_estimated();  // exact: every one checked
  for (auto match = matches.begin(); match != matches.end(); ++match) {
    page.entries.push_back(entry_of(match.get_document()));
  }
  const std::vector<CatalogueEntry> deleted = tombstones(database, query);
  page.total = records + deleted.size();
  // Deletions follow the records: offsets past the records page through them.
  const std::size_t start = query.offset > records ? query.offset - records : 0;
  for (std::size_t i = start; i < deleted.size() && page.entries.size() < query.limit; ++i) {
    page.entries.push_back(deleted[i]);
  }
  return page;
}

std::optional<CatalogueEntry> catalogue_entry(const Xapian::Database& database,
                                              const std::string& id) {
  const std::string id_term = schema::term(schema::kId, id);
  const Xapian::PostingIterator posting = database.postlist_begin(id_term);
  if (posting != database.postlist_end(id_term)) return entry_of(database.get_document(*posting));
  const std::string stored = database.get_metadata(std::string(schema::kTombstonePrefix) + id);
  if (stored.empty()) return std::nullopt;
  return tombstone_of(id, stored);
}

std::string earliest_datestamp(const Xapian::Database& database) {
  if (database.get_doccount() == 0) return kEarliestDatestamp;
  // Every document has a change date unless some were written before there were any.
  if (database.get_value_freq(schema::kChangedAt) < database.get_doccount()) {
    return kEarliestDatestamp;
  }
  std::string earliest = database.get_value_lower_bound(schema::kChangedAt);
  const std::string prefix(schema::kTombstonePrefix);
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
       ++key) {
    earliest = std::min(earliest, tombstone_of("", database.get_metadata(*key)).datestamp);
  }
  return earliest;
}

std::vector<std::string> sets_of(const CatalogueEntry& entry) {
  std::vector<std::string> sets;
  if (!entry.collection.empty()) sets.push_back("collection:" + lower_ascii(entry.collection));
  if (!entry.language.empty()) sets.push_back("language:" + lower_ascii(primary(entry.language)));
  return sets;
}

std::vector<std::string> catalogue_sets(const Xapian::Database& database) {
  std::vector<std::string> sets;
  const auto add_terms = [&](std::string_view prefix, const char* kind, bool primary_only) {
    const std::string start(prefix);
    for (auto term = database.allterms_begin(start); term != database.allterms_end(start); ++term) {
      const std::string value = (*term).substr(prefix.size());
      if (primary_only && value.find('-') != std::string::npos) continue;
      sets.push_back(std::string(kind) + ":" + value);
    }
  };
  add_terms(schema::kCollection, "collection", false);
  add_terms(schema::kLanguage, "language", true);
  return sets;
}

std::vector<SitemapEntry> sitemap_entries(const Xapian::Database& database, std::size_t offset,
                                          std::size_t limit) {
  std::vector<SitemapEntry> entries;
  auto posting = database.postlist_begin("");
  for (std::size_t skipped = 0; skipped < offset && posting != database.postlist_end("");
       ++skipped) {
    ++posting;
  }
  for (; posting != database.postlist_end("") && entries.size() < limit; ++posting) {
    const Xapian::Document document = database.get_document(*posting);
    std::vector<Version> versions = versions_of(database, *posting, document);
    SitemapEntry entry{versions.front().shown.id,
                       versions.front().shown.language,
                       document.get_value(schema::kChangedAt),
                       {}};
    if (entry.datestamp.empty()) entry.datestamp = kEarliestDatestamp;
    for (auto other = versions.begin() + 1; other != versions.end(); ++other) {
      entry.other_versions.push_back(link_to(other->shown));
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace agora::index
