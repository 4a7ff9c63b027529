// One `agora-index add` run: files in, records validated, documents written, a summary out.
#pragma once

#include <atomic>
#include <iosfwd>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "agora/analyzers/language_detector.hpp"
#include "agora/index/importer.hpp"
#include "agora/index/index_writer.hpp"

namespace agora::index {

struct ImportOptions {
  ReadOptions read;
  std::string format;            ///< a --format name; empty to choose by extension
  bool strict = false;           ///< stop at the first failure and write nothing
  std::size_t batch_size = 500;  ///< records per commit
  /// Threads that validate and analyse records while this one reads and writes; 0 or 1
  /// does everything on this thread.
  unsigned jobs = 1;
  /// --lang-from-path: capture group 1 is the language. Tried on the path below the PATH
  /// argument ("fr-FR/page.html"), then on the path as the user gave it.
  std::optional<std::regex> lang_from_path;
  std::string lang_from_path_text;  ///< the pattern as written, for the warning
  /// --work-from-path: records of files whose paths give the same capture group 1 (or
  /// the same whole match) are one work, unless they name their own. Tried like
  /// lang_from_path.
  std::optional<std::regex> work_from_path;
  std::string work_from_path_text;
};

/// What a run did, for the summary line and the exit code.
struct ImportSummary {
  std::size_t files = 0;
  std::size_t bytes = 0;        ///< of the files read so far
  std::size_t total_bytes = 0;  ///< of every file the run will read, for an ETA
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t removed = 0;
  std::size_t failed = 0;              ///< records (or whole files) that could not be imported
  std::size_t skipped = 0;             ///< files that are not records (a README, a JSON Schema)
  std::size_t language_from_path = 0;  ///< files whose language --lang-from-path gave
  std::size_t work_from_path = 0;      ///< files whose work --work-from-path gave
  double seconds = 0;
  bool interrupted = false;     ///< stopped by a signal; committed work is kept
  bool stopped_strict = false;  ///< --strict met a failure; nothing was written

  std::size_t records() const { return added + replaced; }
};

/// Told about progress after every record; the CLI draws a progress bar with it.
class ImportProgress {
 public:
  virtual ~ImportProgress() = default;
  virtual void update(const ImportSummary& so_far, const std::string& current_file) = 0;
  virtual void finish() = 0;
};

/// Imports `paths` (files, or directories walked recursively for known extensions).
/// Each failure is written to `errors` as `file:line: field: message`. `stop` is polled
/// between records: when it becomes true the run commits what it has and returns.
ImportSummary import_paths(const std::vector<std::string>& paths, IndexWriter& writer,
                           const ImportOptions& options,
                           const analyzers::LanguageDetector& detector, std::ostream& errors,
                           ImportProgress* progress, const std::atomic<bool>* stop);

}  // namespace agora::index
