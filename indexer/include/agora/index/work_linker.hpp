// Grouping the language versions of a resource into one work, from what records say:
// a declared `work`, or links to other versions (workTranslation, hreflang alternates,
// translationOfWork, OAI-PMH relations). docs/index-schema.md, "Works", states the rule.
#pragma once

#include <set>
#include <string>

#include <xapian.h>

namespace agora::index {

/// The schema::kVersionLink term of a link to another version: an http(s) address is
/// named by its url_key, anything else is a record id.
std::string version_link_term(const std::string& link);

/// Keeps the works of an index consistent as documents come and go. Two documents are
/// versions of one work when they declare the same work, when one links to the other's
/// address or id, or when both link to the same resource; a work is every document
/// connected so, whichever arrived first. Each document of a work carries the work's
/// key (schema::kWork, schema::kWorkKey) and the languages of all its versions
/// (schema::kWorkLanguage), which let search put a work with a version in the learner's
/// language first.
class WorkLinker {
 public:
  explicit WorkLinker(Xapian::WritableDatabase& database) : database_(database) {}

  /// Before `docid` is replaced or deleted: the works it was in must be redone.
  void leaving(Xapian::docid docid);
  /// After `docid` was added or replaced.
  void arrived(Xapian::docid docid) { pending_.insert(docid); }
  /// Regroups the works of every document touched since the last call; a few reads per
  /// document touched, and a rewrite only of documents whose work changed.
  void link();
  /// Forgets what was touched (the changes were abandoned).
  void clear() { pending_.clear(); }

 private:
  std::set<Xapian::docid> neighbours(const Xapian::Document& document) const;

  Xapian::WritableDatabase& database_;
  std::set<Xapian::docid> pending_;
};

}  // namespace agora::index
