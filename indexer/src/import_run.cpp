// Walks the inputs, reads each file with its format's reader, and writes the records.
//
// Three stages: this thread reads items in file order; worker threads validate and analyse
// them into Xapian documents; this thread writes the documents in the order read, so a run
// gives the same index whatever --jobs says.
#include "agora/index/import_run.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <thread>
#include <unordered_map>

#include "agora/base/text.hpp"
#include "agora/error.hpp"
#include "agora/index/index_schema.hpp"
#include "agora/index/record_builder.hpp"
#include "ordered_workers.hpp"

namespace agora::index {
namespace {

namespace fs = std::filesystem;

struct PlannedFile {
  InputFile file;
  const FormatReader* reader;
  std::uintmax_t bytes = 0;
};

// Signals a --strict run to unwind at the first failure.
struct StrictStop {};

std::string generic(const fs::path& path) { return path.generic_string(); }

// "html/de-DE/apt.html" → "html/de-DE/apt"; a dot in a folder name is not an extension.
std::string without_extension(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return path;
  return path.substr(0, dot);
}

// A folder's README describes the records beside it; it is not one of them.
bool is_readme(const fs::path& path) { return lower_ascii(path.stem().string()) == "readme"; }

// The name of a PATH folder as ids begin with it: "de-DE" for "html/de-DE", "html" for
// "." inside html/.
std::string folder_name(const fs::path& root) {
  std::error_code error;
  const fs::path resolved = fs::weakly_canonical(fs::absolute(root, error), error);
  return generic(resolved.filename());
}

// The one form of the note for a file that is not a record.
void note_skipped(std::ostream& errors, ImportSummary& summary, const std::string& file,
                  const std::string& why) {
  errors << file << ": skipped: " << why << '\n';
  ++summary.skipped;
}

class Planner {
 public:
  Planner(const ImportOptions& options, ImportSummary& summary, std::ostream& errors)
      : options_(options), summary_(summary), errors_(errors) {}

  /// Files to read, in a stable order; unusable PATH arguments become failures.
  std::vector<PlannedFile> plan(const std::vector<std::string>& paths) {
    const FormatReader* forced = options_.format.empty() ? nullptr : reader_for(options_.format);
    if (!options_.format.empty() && !forced) {
      throw InvalidInput("--format " + options_.format +
                         ": unknown format (json, jsonl, md, html, xml)");
    }
    for (const std::string& argument : paths) {
      const fs::path root(argument);
      std::error_code error;
      if (fs::is_directory(root, error)) {
        std::vector<fs::path> found;
        for (const auto& entry : fs::recursive_directory_iterator(root, error)) {
          if (entry.is_regular_file() &&
              (forced || reader_for(entry.path().extension().string()))) {
            found.push_back(entry.path());
          }
        }
        std::sort(found.begin(), found.end());
        const std::string name = folder_name(root);
        for (const fs::path& path : found) {
          if (!forced && is_readme(path)) {
            note(generic(path), "a folder's README, not a record");
            continue;
          }
          const std::string relative = generic(fs::relative(path, root));
          add(path, generic(path), relative, name.empty() ? relative : name + "/" + relative,
              forced ? forced : reader_for(path.extension().string()));
        }
      } else if (fs::is_regular_file(root, error)) {
        const FormatReader* reader = forced ? forced : reader_for(root.extension().string());
        if (!reader) {
          fail(argument + ": unknown format '" + root.extension().string() +
               "' (use --format json|jsonl|md|html|xml)");
          continue;
        }
        const std::string name = generic(root.filename());
        add(root, argument, name, name, reader);
      } else {
        fail(argument + ": no such file or directory");
      }
    }
    return std::move(planned_);
  }

  /// Whether a PATH argument was unusable (the run has read nothing yet).
  bool failed() const { return summary_.failed > 0; }

 private:
  void add(const fs::path& path, std::string display, std::string relative,
           const std::string& id_path, const FormatReader* reader) {
    std::error_code error;
    // The same file named twice (a folder and a file in it) is read once.
    if (!seen_.insert(generic(fs::weakly_canonical(path, error))).second) return;
    InputFile file{path, std::move(display), std::move(relative), without_extension(id_path), {},
                   {}};
    if (options_.work_from_path) {
      std::smatch match;
      for (const std::string* candidate : {&file.relative, &file.display}) {
        if (std::regex_search(*candidate, match, *options_.work_from_path)) {
          file.path_work = match.size() > 1 && match[1].matched ? match[1].str() : match[0].str();
          ++summary_.work_from_path;
          break;
        }
      }
    }
    if (options_.lang_from_path) {
      std::smatch match;
      for (const std::string* candidate : {&file.relative, &file.display}) {
        if (std::regex_search(*candidate, match, *options_.lang_from_path) && match.size() > 1 &&
            match[1].length() > 0) {
          file.path_language = match[1].str();
          ++summary_.language_from_path;
          break;
        }
      }
    }
    const std::uintmax_t bytes = fs::file_size(path, error);
    summary_.total_bytes += error ? 0 : bytes;
    planned_.push_back({std::move(file), reader, error ? 0 : bytes});
  }

  void note(const std::string& file, const std::string& why) {
    note_skipped(errors_, summary_, file, why);
  }

  void fail(const std::string& problem) {
    errors_ << problem << '\n';
    ++summary_.failed;
  }

  const ImportOptions& options_;
  ImportSummary& summary_;
  std::ostream& errors_;
  std::vector<PlannedFile> planned_;
  std::set<std::string> seen_;
};

// An item on its way to the writer.
struct Job {
  ImportItem item;
  std::size_t file = 0;  ///< index into the planned files
};

// --work-from-path: the work a record of this file belongs to, unless it names one.
void apply_path_work(const InputFile& file, ImportItem& item) {
  if (!file.path_work || item.kind != ImportItem::Kind::record) return;
  if (!item.fields.contains("work") || item.fields["work"].is_null()) {
    item.fields["work"] = *file.path_work;
  }
}

// What the writer needs of an item once it is validated and analysed.
struct Analysed {
  ImportItem::Kind kind = ImportItem::Kind::record;
  SourceLocation where;
  std::size_t file = 0;
  std::string id;                            ///< of a record, or of a deletion
  FieldError failure;                        ///< of a failure or a skipped file
  std::vector<FieldError> errors;            ///< why a record was refused
  std::optional<Xapian::Document> document;  ///< of a valid record
  ConceptLabels concept_labels;              ///< of the concepts it names
};

Analysed analyse(Job& job, const std::string& default_collection,
                 const analyzers::LanguageDetector& detector, const analyzers::Registry& registry) {
  ImportItem& item = job.item;
  Analysed analysed{item.kind,
                    std::move(item.where),
                    job.file,
                    std::move(item.deleted_id),
                    std::move(item.failure),
                    {},
                    {},
                    {}};
  if (item.kind != ImportItem::Kind::record) return analysed;
  try {
    BuiltRecord built = build_record(item, default_collection, detector);
    analysed.errors = std::move(built.errors);
    if (built.record) {
      analysed.id = built.record->id;
      analysed.document = build_document(*built.record, registry.for_tag(built.record->language));
      analysed.concept_labels = std::move(built.record->concept_labels);
    }
  } catch (const std::exception& error) {
    // Whatever a library throws on odd input costs one record, not the run.
    analysed.errors.push_back({"record", error.what(), analysed.where.line});
    analysed.document.reset();
  }
  return analysed;
}

// Where a run first met each id: a second record with it is refused, never a replacement.
class IdRegister {
 public:
  /// Empty when `id` is new in this run, else where it was first imported.
  std::optional<std::pair<std::size_t, int>> claim(const std::string& id, std::size_t file,
                                                   int line) {
    const auto [found, inserted] = first_.try_emplace(id, Place{file, line});
    if (inserted) return std::nullopt;
    return std::pair{found->second.file, found->second.line};
  }

  void forget(const std::string& id) { first_.erase(id); }

 private:
  struct Place {
    std::size_t file;
    int line;
  };
  std::unordered_map<std::string, Place> first_;
};

// Writes analysed items in order: counts, id collisions, batches, progress.
class Writer {
 public:
  Writer(IndexWriter& writer, const ImportOptions& options, const std::vector<PlannedFile>& files,
         ImportSummary& summary, std::ostream& errors, ImportProgress* progress)
      : writer_(writer),
        options_(options),
        files_(files),
        summary_(summary),
        errors_(errors),
        progress_(progress),
        path_work_languages_(languages_of_path_works(files)) {}

  void operator()(Analysed& item) {
    reached(item.file);
    try {
      write(item);
    } catch (const StrictStop&) {
      throw;
    } catch (const std::exception& error) {
      report(item.where, {"record", error.what(), 0});
    }
    if (progress_) progress_->update(summary_, files_[item.file].file.display);
  }

 private:
  void write(Analysed& item) {
    switch (item.kind) {
      case ImportItem::Kind::failure: return report(item.where, item.failure);
      case ImportItem::Kind::skipped:
        return note_skipped(errors_, summary_, item.where.file, item.failure.message);
      case ImportItem::Kind::deletion:
        summary_.removed += writer_.remove(item.id) ? 1 : 0;
        ids_.forget(item.id);  // a record after its deletion is a new one
        break;
      case ImportItem::Kind::record: {
        for (const FieldError& error : item.errors)
          errors_ << format_error(item.where, error) << '\n';
        if (!item.document) {
          ++summary_.failed;
          if (options_.strict) throw StrictStop{};
          return;
        }
        if (const auto first = ids_.claim(item.id, item.file, item.where.line)) {
          const SourceLocation there{files_[first->first].file.display, first->second};
          return report(item.where,
                        {"id",
                         "'" + item.id + "' is also the id of " + there.file +
                             (there.line > 0 ? ":" + std::to_string(there.line) : "") +
                             ", imported earlier in this run; ids must be unique in one "
                             "import, so this record was not imported",
                         item.where.line});
        }
        add_predicted_work_languages(files_[item.file].file, *item.document);
        writer_.add_concept_labels(item.concept_labels);
        const auto outcome = writer_.upsert(item.id, *item.document);
        ++(outcome == IndexWriter::Outcome::added ? summary_.added : summary_.replaced);
        break;
      }
    }
    if (!options_.strict && ++since_commit_ >= options_.batch_size) {
      writer_.commit(IndexWriter::Works::link_later);
      since_commit_ = 0;
    }
  }

 public:
  /// Counts the files up to `file` as read: their records come no earlier than this.
  void reached(std::size_t file) {
    for (; next_file_ <= file && next_file_ < files_.size(); ++next_file_) {
      ++summary_.files;
      summary_.bytes += files_[next_file_].bytes;
    }
  }

 private:
  void report(const SourceLocation& where, const FieldError& error) {
    errors_ << format_error(where, error) << '\n';
    ++summary_.failed;
    if (options_.strict) throw StrictStop{};
  }

  IndexWriter& writer_;
  const ImportOptions& options_;
  const std::vector<PlannedFile>& files_;
  ImportSummary& summary_;
  std::ostream& errors_;
  ImportProgress* progress_;
  // With --work-from-path and --lang-from-path the plan tells which languages each work
  // will have. Written into each document from the start, they spare the linker a
  // rewrite of every version at the end of the run (it still checks, and corrects a
  // record that declared another language or work).
  static std::map<std::string, std::set<std::string>> languages_of_path_works(
      const std::vector<PlannedFile>& files) {
    std::map<std::string, std::set<std::string>> languages;
    for (const PlannedFile& planned : files) {
      const InputFile& file = planned.file;
      if (!file.path_work || !file.path_language) continue;
      const std::string language = lower_ascii(*file.path_language);
      languages[lower_ascii(*file.path_work)].insert(language.substr(0, language.find('-')));
    }
    return languages;
  }

  void add_predicted_work_languages(const InputFile& file, Xapian::Document& document) const {
    if (!file.path_work) return;
    const std::string work = lower_ascii(*file.path_work);
    const auto found = path_work_languages_.find(work);
    if (found == path_work_languages_.end() || found->second.size() < 2) return;
    const std::string declared = schema::filter_term(schema::kDeclaredWork, work);
    Xapian::TermIterator term = document.termlist_begin();
    term.skip_to(declared);
    if (term == document.termlist_end() || *term != declared) return;  // the record named its own
    for (const std::string& language : found->second) {
      document.add_boolean_term(schema::filter_term(schema::kWorkLanguage, language));
    }
  }

  IdRegister ids_;
  std::map<std::string, std::set<std::string>> path_work_languages_;
  std::size_t since_commit_ = 0;
  std::size_t next_file_ = 0;
};

void warn_unmatched_patterns(const ImportOptions& options, const std::vector<PlannedFile>& files,
                             const ImportSummary& planned, std::ostream& errors) {
  if (files.empty()) return;
  auto warn = [&](const char* flag, const std::string& pattern, const char* consequence) {
    errors << "warning: " << flag << " '" << pattern << "' matched none of " << files.size()
           << " file" << (files.size() == 1 ? "" : "s")
           << " (tried on each path below its PATH argument and on the path as given): "
           << consequence << '\n';
  };
  if (options.lang_from_path && planned.language_from_path == 0) {
    warn("--lang-from-path", options.lang_from_path_text,
         "their languages come from the files or are detected");
  }
  if (options.work_from_path && planned.work_from_path == 0) {
    warn("--work-from-path", options.work_from_path_text,
         "no record was grouped with its translations by its path");
  }
}

// The writer is the one stage that cannot run in parallel, so it sets the pace: readers
// and analysers run at a lower priority and take the cores it leaves idle. (On Linux a
// thread's nice value is its own.)
void yield_to_writer() {
  errno = 0;
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), getpriority(PRIO_PROCESS, 0) + 19);
}

}  // namespace

ImportSummary import_paths(const std::vector<std::string>& paths, IndexWriter& writer,
                           const ImportOptions& options,
                           const analyzers::LanguageDetector& detector, std::ostream& errors,
                           ImportProgress* progress, const std::atomic<bool>* stop) {
  const auto started = std::chrono::steady_clock::now();
  ImportSummary summary;
  Planner planner(options, summary, errors);
  const std::vector<PlannedFile> files = planner.plan(paths);
  warn_unmatched_patterns(options, files, summary, errors);
  ReadOptions read_options = options.read;
  read_options.format = options.format;
  if (options.strict) {
    if (planner.failed()) {
      summary.stopped_strict = true;
      return summary;
    }
    writer.begin_all_or_nothing();
  }
  auto stopping = [&] { return stop && stop->load(); };
  Writer write(writer, options, files, summary, errors, progress);
  // Reads every file in order, handing each item to `feed`; false from it ends the run.
  // The files it got through are counted by `write`, on the writing thread.
  std::size_t files_read = 0;
  auto read_all = [&](auto&& feed) {
    for (std::size_t index = 0; index < files.size() && !stopping(); ++index) {
      const PlannedFile& planned = files[index];
      files_read = index + 1;
      bool more = true;
      try {
        planned.reader->read(planned.file, read_options, [&](ImportItem&& item) {
          apply_path_work(planned.file, item);
          if (more && !stopping()) more = feed(Job{std::move(item), index});
        });
      } catch (const InvalidInput& error) {  // unreadable file
        more =
            more && feed(Job{failure_item(planned.file.display, 0, "file", error.what()), index});
      }
      if (!more) return;
    }
  };
  const auto analyse_job = [&](Job& job) {
    return analyse(job, options.read.collection, detector, writer.registry());
  };
  try {
    if (options.jobs <= 1) {
      read_all([&](Job&& job) {
        Analysed analysed = analyse_job(job);
        write(analysed);
        return true;
      });
    } else {
      // Enough records in flight to keep every thread busy, few enough to bound memory.
      OrderedWorkers<Job, Analysed> workers(options.jobs, analyse_job, 32 * options.jobs,
                                            yield_to_writer);
      std::exception_ptr reader_failure;
      std::thread reader([&] {
        yield_to_writer();
        try {
          read_all([&](Job&& job) { return workers.submit(std::move(job)); });
        } catch (...) {
          reader_failure = std::current_exception();
        }
        workers.close();
      });
      try {
        workers.drain(write);
      } catch (...) {
        workers.cancel();
        reader.join();
        throw;
      }
      reader.join();
      if (reader_failure) std::rethrow_exception(reader_failure);
    }
  } catch (const StrictStop&) {
    writer.abandon();
    summary.stopped_strict = true;
  }
  if (files_read > 0) write.reached(files_read - 1);
  if (!summary.stopped_strict) writer.commit();
  summary.interrupted = stopping();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (progress) progress->finish();
  return summary;
}

}  // namespace agora::index
