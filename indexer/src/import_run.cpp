// Walks the inputs, reads each file with its format's reader, and writes the records.
#include "agora/index/import_run.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <ostream>

#include "agora/error.hpp"
#include "agora/index/record_builder.hpp"

namespace agora::index {
namespace {

namespace fs = std::filesystem;

struct PlannedFile {
  InputFile file;
  const FormatReader* reader;
};

// Signals a --strict run to unwind at the first failure.
struct StrictStop {};

std::string generic(const fs::path& path) { return path.generic_string(); }

// Files to read, in a stable order; unusable PATH arguments become failures.
std::vector<PlannedFile> plan(const std::vector<std::string>& paths, const std::string& format,
                              std::vector<std::string>& problems) {
  const FormatReader* forced = format.empty() ? nullptr : reader_for(format);
  if (!format.empty() && !forced) {
    throw InvalidInput("--format " + format + ": unknown format (json, jsonl, md, html, xml)");
  }
  std::vector<PlannedFile> planned;
  for (const std::string& argument : paths) {
    const fs::path root(argument);
    std::error_code error;
    if (fs::is_directory(root, error)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::recursive_directory_iterator(root, error)) {
        if (entry.is_regular_file() && (forced || reader_for(entry.path().extension().string()))) {
          found.push_back(entry.path());
        }
      }
      std::sort(found.begin(), found.end());
      for (const fs::path& path : found) {
        const FormatReader* reader = forced ? forced : reader_for(path.extension().string());
        planned.push_back({{path, generic(path), generic(fs::relative(path, root))}, reader});
      }
    } else if (fs::is_regular_file(root, error)) {
      const FormatReader* reader = forced ? forced : reader_for(root.extension().string());
      if (!reader) {
        problems.push_back(argument + ": unknown format '" + root.extension().string() +
                           "' (use --format json|jsonl|md|html|xml)");
        continue;
      }
      planned.push_back({{root, argument, generic(root.filename())}, reader});
    } else {
      problems.push_back(argument + ": no such file or directory");
    }
  }
  return planned;
}

}  // namespace

ImportSummary import_paths(const std::vector<std::string>& paths, IndexWriter& writer,
                           const ImportOptions& options,
                           const analyzers::LanguageDetector& detector, std::ostream& errors,
                           ImportProgress* progress, const std::atomic<bool>* stop) {
  const auto started = std::chrono::steady_clock::now();
  ImportSummary summary;
  std::vector<std::string> problems;
  const std::vector<PlannedFile> files = plan(paths, options.format, problems);
  ReadOptions read_options = options.read;
  read_options.format = options.format;
  for (const std::string& problem : problems) errors << problem << '\n';
  summary.failed += problems.size();
  if (options.strict) {
    if (!problems.empty()) {
      summary.stopped_strict = true;
      return summary;
    }
    writer.begin_all_or_nothing();
  }
  std::size_t since_commit = 0;
  auto stopping = [&] { return stop && stop->load(); };
  try {
    for (const PlannedFile& planned : files) {
      if (stopping()) break;
      ++summary.files;
      std::error_code size_error;
      summary.bytes += fs::file_size(planned.file.path, size_error);
      const auto report = [&](const SourceLocation& where, const FieldError& error) {
        errors << format_error(where, error) << '\n';
        ++summary.failed;
        if (options.strict) throw StrictStop{};
      };
      // Imports one item; a bad record is reported and skipped.
      const auto import_item = [&](ImportItem& item) {
        switch (item.kind) {
          case ImportItem::Kind::failure:
            report(item.where, item.failure);
            return;
          case ImportItem::Kind::deletion:
            summary.removed += writer.remove(item.deleted_id) ? 1 : 0;
            break;
          case ImportItem::Kind::record: {
            BuiltRecord built = build_record(item, options.read.collection, detector);
            for (const FieldError& error : built.errors)
              errors << format_error(item.where, error) << '\n';
            if (!built.record) {
              ++summary.failed;
              if (options.strict) throw StrictStop{};
              return;
            }
            const auto outcome = writer.upsert(*built.record);
            ++(outcome == IndexWriter::Outcome::added ? summary.added : summary.replaced);
            break;
          }
        }
        if (!options.strict && ++since_commit >= options.batch_size) {
          writer.commit();
          since_commit = 0;
        }
        if (progress) progress->update(summary, planned.file.display);
      };
      try {
        planned.reader->read(planned.file, read_options, [&](ImportItem&& item) {
          if (stopping()) return;
          try {
            import_item(item);
          } catch (const StrictStop&) {
            throw;
          } catch (const std::exception& error) {
            // Whatever a library throws on odd input costs one record, not the run.
            report(item.where, {"record", error.what(), 0});
          }
        });
      } catch (const InvalidInput& error) {  // unreadable file
        report({planned.file.display, 0}, {"file", error.what(), 0});
      }
    }
  } catch (const StrictStop&) {
    writer.abandon();
    summary.stopped_strict = true;
  }
  if (!summary.stopped_strict) writer.commit();
  summary.interrupted = stopping();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (progress) progress->finish();
  return summary;
}

}  // namespace agora::index
