// Works as connected documents: found by a breadth-first walk over shared terms.
#include "agora/index/work_linker.hpp"

#include <deque>
#include <map>

#include "agora/index/duplicates.hpp"
#include "agora/index/index_schema.hpp"

namespace agora::index {
namespace {

namespace schema = agora::index::schema;

// A work bigger than this is not walked further: its other documents keep the key they
// have. Real works are a few dozen versions; the bound keeps one odd record (a page
// linking to thousands) from making every commit slow.
constexpr std::size_t kMaxWorkDocuments = 2000;

constexpr std::string_view kUrlName = "u:";
constexpr std::string_view kIdName = "q:";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The values of a document's terms with `prefix`, the prefix taken off. A termlist is in
// byte order, so they follow each other from skip_to(prefix).
std::vector<std::string> values_with(const Xapian::Document& document, std::string_view prefix) {
  std::vector<std::string> out;
  Xapian::TermIterator term = document.termlist_begin();
  term.skip_to(std::string(prefix));
  for (; term != document.termlist_end(); ++term) {
    const std::string& text = *term;
    if (!starts_with(text, prefix)) break;
    out.push_back(text.substr(prefix.size()));
  }
  return out;
}

std::string primary_language(const std::string& tag) { return tag.substr(0, tag.find('-')); }

// What every document of one work carries.
struct WorkMarks {
  std::string key;              ///< schema::kWorkKey
  std::set<std::string> terms;  ///< schema::kWork and schema::kWorkLanguage terms
};

WorkMarks marks_of(const std::map<Xapian::docid, Xapian::Document>& members) {
  std::string declared, address, id;
  std::set<std::string> languages;
  auto smallest = [](std::string& kept, const std::string& value) {
    if (kept.empty() || value < kept) kept = value;
  };
  for (const auto& [docid, document] : members) {
    for (const std::string& work : values_with(document, schema::kDeclaredWork))
      smallest(declared, work);
    for (const std::string& url : values_with(document, schema::kUrl)) smallest(address, url);
    for (const std::string& own_id : values_with(document, schema::kId)) smallest(id, own_id);
    const std::string language = primary_language(document.get_value(schema::kLanguageValue));
    if (!language.empty() && language != "und") languages.insert(language);
  }
  // The key must not depend on the order in which versions arrived: a declared work
  // wins, then the smallest address, so that re-importing gives the same keys.
  WorkMarks marks;
  const bool grouped = members.size() > 1 || !declared.empty();
  marks.key = !declared.empty()                        ? declared
              : members.size() > 1 && !address.empty() ? "link:" + address
                                                       : "id:" + id;
  if (grouped) marks.terms.insert(schema::filter_term(schema::kWork, marks.key));
  if (members.size() > 1) {
    for (const std::string& language : languages) {
      marks.terms.insert(schema::filter_term(schema::kWorkLanguage, language));
    }
  }
  return marks;
}

// Rewrites the document only when its marks differ: most commits change no work.
void apply(Xapian::WritableDatabase& database, Xapian::docid docid, Xapian::Document document,
           const WorkMarks& marks) {
  std::set<std::string> have;
  for (std::string_view prefix : {schema::kWork, schema::kWorkLanguage}) {
    for (const std::string& value : values_with(document, prefix)) {
      have.insert(schema::term(prefix, value));
    }
  }
  if (have == marks.terms && document.get_value(schema::kWorkKey) == marks.key) return;
  for (const std::string& term : have) {
    if (!marks.terms.count(term)) document.remove_term(term);
  }
  for (const std::string& term : marks.terms) {
    if (!have.count(term)) document.add_boolean_term(term);
  }
  document.add_value(schema::kWorkKey, marks.key);
  database.replace_document(docid, document);
}

}  // namespace

std::string version_link_term(const std::string& link) {
  const bool address = starts_with(link, "http://") || starts_with(link, "https://") ||
                       starts_with(link, "HTTP://") || starts_with(link, "HTTPS://");
  std::string name(address ? kUrlName : kIdName);
  name += address ? url_key(link) : link;
  return schema::term(schema::kVersionLink, name);
}

std::set<Xapian::docid> WorkLinker::neighbours(const Xapian::Document& document) const {
  std::set<Xapian::docid> found;
  auto add_postings = [&](const std::string& term) {
    for (auto posting = database_.postlist_begin(term); posting != database_.postlist_end(term);
         ++posting) {
      found.insert(*posting);
    }
  };
  for (const std::string& link : values_with(document, schema::kVersionLink)) {
    add_postings(schema::term(schema::kVersionLink, link));  // what links to the same resource
    if (starts_with(link, kUrlName)) add_postings(schema::term(schema::kUrl, link.substr(2)));
    if (starts_with(link, kIdName)) add_postings(schema::term(schema::kId, link.substr(2)));
  }
  for (const std::string& work : values_with(document, schema::kDeclaredWork)) {
    add_postings(schema::term(schema::kDeclaredWork, work));
  }
  for (const std::string& url : values_with(document, schema::kUrl)) {
    add_postings(schema::term(schema::kVersionLink, std::string(kUrlName) + url));
  }
  for (const std::string& id : values_with(document, schema::kId)) {
    add_postings(schema::term(schema::kVersionLink, std::string(kIdName) + id));
  }
  return found;
}

void WorkLinker::leaving(Xapian::docid docid) {
  try {
    const std::set<Xapian::docid> around = neighbours(database_.get_document(docid));
    pending_.insert(around.begin(), around.end());
  } catch (const Xapian::DocNotFoundError&) {
  }
}

void WorkLinker::link() {
  std::set<Xapian::docid> done;
  for (const Xapian::docid start : pending_) {
    if (done.count(start)) continue;
    std::map<Xapian::docid, Xapian::Document> members;
    try {
      members.emplace(start, database_.get_document(start));
    } catch (const Xapian::DocNotFoundError&) {
      continue;  // deleted since
    }
    std::deque<Xapian::docid> queue{start};
    while (!queue.empty() && members.size() < kMaxWorkDocuments) {
      const Xapian::docid next = queue.front();
      queue.pop_front();
      for (const Xapian::docid other : neighbours(members.at(next))) {
        if (members.size() >= kMaxWorkDocuments) break;
        if (members.emplace(other, Xapian::Document()).second) {
          members[other] = database_.get_document(other);
          queue.push_back(other);
        }
      }
    }
    const WorkMarks marks = marks_of(members);
    for (auto& [docid, document] : members) {
      apply(database_, docid, std::move(document), marks);
      done.insert(docid);
    }
  }
  pending_.clear();
}

}  // namespace agora::index
