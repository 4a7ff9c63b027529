// The Xapian writer: schema version check, upserts by id, atomic commits.
#include "agora/index/index_writer.hpp"
#include "agora/index/schema_check.hpp"
#include "commit_gate.hpp"

#include <cctype>
#include <ctime>
#include <optional>

#include <nlohmann/json.hpp>

#include "agora/base/text.hpp"
#include "agora/error.hpp"
#include "agora/index/concept_labels.hpp"
#include "agora/index/index_schema.hpp"

namespace agora::index {
namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& directory) {
  // Xapian creates the index folder but not its parents: "--db data/index" on a fresh
  // checkout must work too.
  std::error_code ignored;
  if (directory.has_parent_path())
    std::filesystem::create_directories(directory.parent_path(), ignored);
  try {
    return Xapian::WritableDatabase(directory.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw InvalidInput("index " + directory.string() +
                       " is being written by another agora-index; wait for it to finish");
  } catch (const Xapian::DatabaseError& error) {
    throw CorruptIndex("index " + directory.string() +
                       " cannot be opened: " + error.get_description());
  }
}

// Words worth offering as spelling corrections: unprefixed, alphabetic terms of 3+ bytes.
bool is_spelling_word(const std::string& term) {
  if (term.size() < 3) return false;
  const unsigned char first = static_cast<unsigned char>(term[0]);
  if (first < 0x80 && !std::islower(first)) return false;  // a prefixed term or a number
  return term.find_first_of("0123456789.+#_") == std::string::npos;
}

std::optional<Xapian::Document> stored_document(const Xapian::WritableDatabase& database,
                                                const std::string& id_term) {
  const Xapian::PostingIterator posting = database.postlist_begin(id_term);
  if (posting == database.postlist_end(id_term)) return std::nullopt;
  return database.get_document(*posting);
}

std::string tombstone_key(const std::string& id) {
  return std::string(schema::kTombstonePrefix) + id;
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& directory,
                         const analyzers::Registry& registry)
    : directory_(directory), database_(open_writable(directory)), registry_(registry) {
  const std::string key(schema::kVersionKey);
  const std::string version = database_.get_metadata(key);
  if (version.empty() && database_.get_doccount() == 0) {
    database_.set_metadata(key, std::string(schema::kVersion));
  } else if (version != schema::kVersion) {
    const std::string found = version.empty() ? "no schema version" : "schema version " + version;
    throw CorruptIndex("index " + directory.string() + " has " + found +
                       "; this agora-index writes version " + std::string(schema::kVersion) +
                       ". Rebuild it from its records:\n" + rebuild_commands(directory));
  }
  const std::string tombstones(schema::kTombstonePrefix);
  has_tombstones_ =
      database_.metadata_keys_begin(tombstones) != database_.metadata_keys_end(tombstones);
}

IndexWriter::~IndexWriter() {
  if (in_transaction_) return;  // Xapian drops an unfinished transaction, so do we
  try {
    works_.link();
    write_pending();
    const CommitGate gate(directory_, CommitGate::Mode::commit);
    database_.commit();  // what Xapian's destructor would do, but not under a backup
  } catch (const Xapian::Error&) {
    // Lost with the writer, as a failing disk loses Xapian's own uncommitted changes.
  }
}

IndexWriter::Outcome IndexWriter::upsert(const Record& record) {
  add_concept_labels(record.concept_labels);
  return upsert(record.id, build_document(record, registry_.for_tag(record.language)));
}

IndexWriter::Outcome IndexWriter::upsert(const std::string& id, Xapian::Document document) {
  const std::string id_term = schema::term(schema::kId, id);
  document.add_value(schema::kChangedAt, utc_timestamp_now());
  if (has_tombstones_) database_.set_metadata(tombstone_key(id), "");  // empty deletes
  const std::optional<Xapian::Document> previous = stored_document(database_, id_term);
  if (previous) {
    count_spellings(*previous, -1);
    works_.leaving(previous->get_docid());
  }
  count_spellings(document, +1);
  works_.arrived(database_.replace_document(id_term, document));
  return previous ? Outcome::replaced : Outcome::added;
}

bool IndexWriter::remove(const std::string& id) {
  const std::string id_term = schema::term(schema::kId, id);
  const std::optional<Xapian::Document> previous = stored_document(database_, id_term);
  if (!previous) return false;
  count_spellings(*previous, -1);
  works_.leaving(previous->get_docid());
  database_.delete_document(id_term);
  const nlohmann::json tombstone = {{"datestamp", utc_timestamp_now()},
                                    {"collection", previous->get_value(schema::kCollectionValue)},
                                    {"language", previous->get_value(schema::kLanguageValue)}};
  database_.set_metadata(tombstone_key(id), tombstone.dump());
  has_tombstones_ = true;
  return true;
}

void IndexWriter::add_concept_labels(const ConceptLabels& labels) {
  for (const auto& [uri, by_language] : labels) {
    for (const auto& [language, label] : by_language) concept_labels_[uri][language] = label;
  }
}

void IndexWriter::begin_all_or_nothing() {
  database_.begin_transaction();
  in_transaction_ = true;
}

// The spelling table counts, for each word, the documents that contain it. Xapian's own
// bookkeeping per call is a map update; one call per word and batch instead of one per
// word and document makes the spelling table a small part of the cost of indexing.
void IndexWriter::count_spellings(const Xapian::Document& document, int change) {
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    if (is_spelling_word(*term)) spelling_changes_[*term] += change;
  }
}

void IndexWriter::write_spellings() {
  for (const auto& [word, change] : spelling_changes_) {
    if (change > 0) database_.add_spelling(word, static_cast<Xapian::termcount>(change));
    if (change < 0) database_.remove_spelling(word, static_cast<Xapian::termcount>(-change));
  }
  spelling_changes_.clear();
}

void IndexWriter::write_pending() {
  write_spellings();
  store_concept_labels(database_, concept_labels_);
  concept_labels_.clear();
}

void IndexWriter::commit(Works works) {
  if (works == Works::link) works_.link();
  write_pending();
  const CommitGate gate(directory_, CommitGate::Mode::commit);
  if (in_transaction_) {
    database_.commit_transaction();
    in_transaction_ = false;
  } else {
    database_.commit();
  }
}

void IndexWriter::abandon() {
  if (!in_transaction_) return;
  spelling_changes_.clear();
  concept_labels_.clear();
  works_.clear();
  database_.cancel_transaction();
  in_transaction_ = false;
}

}  // namespace agora::index
