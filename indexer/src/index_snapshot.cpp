#include "agora/index/index_snapshot.hpp"

#include <xapian.h>

#include "agora/error.hpp"
#include "agora/index/index_schema.hpp"
#include "commit_gate.hpp"

namespace agora::index {

namespace fs = std::filesystem;

IndexSnapshot snapshot_index(const fs::path& from, const fs::path& to) {
  if (fs::exists(to)) throw InvalidInput(to.string() + " exists already: give a new folder");
  // Writers wait at their next commit while the copy runs (commit_gate.hpp). Where there is
  // no gate, or Xapian flushed on its own, a glass reader's revision stays readable only
  // until two newer commits reuse its blocks: the copy starts again on a newer revision.
  constexpr int kAttempts = 5;
  std::string last_problem;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    try {
      const CommitGate gate(from, CommitGate::Mode::backup);
      Xapian::Database source(from.string());
      IndexSnapshot snapshot;
      snapshot.documents = source.get_doccount();
      snapshot.revision = source.get_revision();
      snapshot.schema_version = source.get_metadata(std::string(schema::kVersionKey));
      source.compact(to.string(), Xapian::DBCOMPACT_NO_RENUMBER);
      return snapshot;
    } catch (const Xapian::DatabaseOpeningError& error) {
      throw NotFound("no index at " + from.string() + ": " + error.get_description());
    } catch (const Xapian::DatabaseModifiedError& error) {
      last_problem = error.get_description();
    } catch (const Xapian::Error& error) {
      fs::remove_all(to);
      throw CorruptIndex("index " + from.string() +
                         " cannot be copied: " + error.get_description());
    }
    fs::remove_all(to);
  }
  throw CorruptIndex("index " + from.string() + " changed faster than it could be copied (" +
                     last_problem + "); try again when fewer writes are under way");
}

}  // namespace agora::index
