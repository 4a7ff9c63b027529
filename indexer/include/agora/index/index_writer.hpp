// Writes records into the Xapian index: one document per record id.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "agora/analyzers/registry.hpp"
#include "agora/index/record.hpp"
#include "agora/index/work_linker.hpp"

namespace agora::index {

/// Builds the Xapian document of a record with the analyzer of its language
/// (exact, accent-folded and stemmed terms, filters, values, stored data).
Xapian::Document build_document(const Record& record, const analyzers::Analyzer& analyzer);

/// The single writer of one index directory. Changes become visible to readers on commit();
/// each commit is atomic, so a crash never leaves a half-written document.
class IndexWriter {
 public:
  /// Opens or creates the index at `directory`. Throws agora::InvalidInput when another
  /// process is writing it and agora::CorruptIndex when it is not an Agora index.
  IndexWriter(const std::filesystem::path& directory, const analyzers::Registry& registry);
  /// Like Xapian's own writer, commits what was not committed (outside a transaction).
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  enum class Outcome { added, replaced };
  /// Adds the record, or replaces the document with the same id.
  Outcome upsert(const Record& record);
  /// The same for a document already built with build_document(), so that records can be
  /// analysed on other threads than the one that writes.
  Outcome upsert(const std::string& id, Xapian::Document document);
  /// Keeps the labels of the concepts a record names (concept_labels.hpp); written with
  /// the next commit. upsert(Record) does this itself.
  void add_concept_labels(const ConceptLabels& labels);
  /// Removes the document with this id, leaving a tombstone (index_schema.hpp); false
  /// when there is none.
  bool remove(const std::string& id);
  /// Groups every change until commit() or abandon() into one transaction, so that a run
  /// either lands whole or not at all (agora-index add --strict).
  void begin_all_or_nothing();
  /// When commit() regroups the works that changed (work_linker.hpp).
  enum class Works {
    link,        ///< now, before the changes become visible
    link_later,  ///< at a later commit: a long import links once, at its end, rather than
                 ///< rewriting a work's versions each time another of its languages arrives
  };
  /// Makes all changes so far durable and visible (ends an all-or-nothing transaction).
  void commit(Works works = Works::link);
  /// Drops the changes of an all-or-nothing transaction.
  void abandon();

  Xapian::doccount document_count() const { return database_.get_doccount(); }
  /// Index metadata (what a harvest remembers of its source): written with the next
  /// commit, so that it lands together with the documents of the same batch.
  std::string metadata(const std::string& key) const { return database_.get_metadata(key); }
  void set_metadata(const std::string& key, const std::string& value) {
    database_.set_metadata(key, value);
  }
  const analyzers::Registry& registry() const { return registry_; }

 private:
  void count_spellings(const Xapian::Document& document, int change);
  void write_spellings();
  void write_pending();

  std::filesystem::path directory_;
  Xapian::WritableDatabase database_;
  const analyzers::Registry& registry_;
  WorkLinker works_{database_};
  bool in_transaction_ = false;
  /// Whether the index holds tombstones at all: a bulk import into an index without any
  /// then never looks for one per record.
  bool has_tombstones_ = false;
  /// Documents gained (or lost) per spelling word since the last commit.
  std::unordered_map<std::string, std::int64_t> spelling_changes_;
  /// Concept labels met since the last commit.
  ConceptLabels concept_labels_;
};

}  // namespace agora::index
