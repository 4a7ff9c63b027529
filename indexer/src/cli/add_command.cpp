// `agora-index add`: import files and folders into the index.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <thread>

#include "agora/analyzers/registry.hpp"
#include "agora/base/command_line.hpp"
#include "agora/base/parse.hpp"
#include "agora/error.hpp"
#include "agora/index/cli_commands.hpp"
#include "agora/index/compaction.hpp"
#include "agora/index/import_run.hpp"
#include "agora/index/index_stats.hpp"
#include "cli/progress_bar.hpp"
#include "cli/stop_on_signal.hpp"

namespace agora::index::cli {
namespace {

constexpr const char* kHelp =
    "usage: agora-index add --db DIR [OPTIONS] PATH...\n"
    "\n"
    "Imports files and folders (searched recursively). The format follows the extension:\n"
    "  .jsonl .json   native records or schema.org JSON-LD (LearningResource, CreativeWork)\n"
    "  .md            Markdown with a YAML front matter header\n"
    "  .html .htm     web pages: <title>, <html lang>, meta description, main text\n"
    "  .xml           OAI-PMH ListRecords responses with oai_dc records\n"
    "\n"
    "  --db DIR               index directory (created when missing)\n"
    "  --format NAME          read every file as json, jsonl, md, html or xml\n"
    "  --lang-from-path REGEX language from the file's path, capture group 1; tried on the\n"
    "                         path below PATH ('^([a-z]{2}(-[A-Z]{2})?)/' for fr-FR/a.html)\n"
    "                         and on the path as given ('html/([a-z]{2}(-[A-Z]{2})?)/')\n"
    "  --work-from-path REGEX files whose paths give the same capture group 1 (or the\n"
    "                         same match) are one work, the same page in other languages\n"
    "                         ('[^/]+$' when each language has a folder of the same names)\n"
    "  --base-url URL         address of PATH for HTML pages: each page's path is joined\n"
    "                         to it by RFC 3986 rules (end it with / for a folder), and\n"
    "                         relative rel=canonical links are resolved against the page\n"
    "  --collection NAME      collection of records that name none\n"
    "  --batch N              records per commit (default 500)\n"
    "  --jobs N               threads that analyse records (default: one per core)\n"
    "  --strict               stop at the first bad record and import nothing\n"
    "  --quiet                no progress bar and no summary\n"
    "  --no-compact           leave the index as written (see below)\n"
    "\n"
    "A run that wrote a quarter of the index or more (and 1000 records) compacts it\n"
    "in place afterwards: incremental commits leave its blocks about half full.\n"
    "A record without an id gets its path from the folder holding PATH, without the\n"
    "extension (html/de-DE/apt.html under PATH html/de-DE: de-DE/apt). Two records with\n"
    "one id in one run are an error naming both. READMEs and JSON Schemas are skipped.\n"
    "Bad records are reported as file:line: field: problem and skipped; the exit code\n"
    "is 1 when any record failed, 130 when interrupted (what was committed stays).\n";

std::string megabytes(std::uintmax_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", bytes / 1e6);
  return text;
}

// A whole number of at least 1, or an error naming the flag.
unsigned count_flag(const std::string& flag, const std::string& value) {
  return parse_whole_number_as<unsigned>(value, flag, 1, 1000000);
}

// A regular expression flag, compiled, or an error naming it.
void read_pattern(const CommandLine& arguments, const std::string& flag,
                  std::optional<std::regex>& pattern, std::string& text) {
  const std::optional<std::string> written = arguments.value(flag);
  if (!written) return;
  try {
    pattern.emplace(*written);
    text = *written;
  } catch (const std::regex_error& error) {
    throw InvalidInput(flag + " '" + *written + "': " + error.what());
  }
}

}  // namespace

int run_add(const std::vector<std::string>& args, Streams streams) {
  const CommandLine arguments(args, {"--strict", "--quiet", "--help", "--no-compact"},
                              {"--db", "--format", "--lang-from-path", "--work-from-path",
                               "--base-url", "--collection", "--batch", "--jobs"});
  if (arguments.has("--help")) {
    streams.out << kHelp;
    return 0;
  }
  const std::string db = arguments.index_directory();
  if (arguments.positional().empty()) throw InvalidInput("no PATH to import (see --help)");
  ImportOptions options;
  options.format = arguments.value("--format").value_or("");
  options.strict = arguments.has("--strict");
  options.read.base_url = arguments.value("--base-url").value_or("");
  options.read.collection = arguments.value("--collection").value_or("");
  read_pattern(arguments, "--lang-from-path", options.lang_from_path, options.lang_from_path_text);
  read_pattern(arguments, "--work-from-path", options.work_from_path, options.work_from_path_text);
  if (auto batch = arguments.value("--batch")) options.batch_size = count_flag("--batch", *batch);
  options.jobs = std::max(1u, std::thread::hardware_concurrency());
  if (auto jobs = arguments.value("--jobs")) options.jobs = count_flag("--jobs", *jobs);

  const analyzers::Registry registry;
  const analyzers::LanguageDetector detector;
  IndexWriter writer(db, registry);
  const bool quiet = arguments.has("--quiet");
  std::unique_ptr<ProgressBar> progress;
  if (!quiet && &streams.err == &std::cerr && isatty(STDERR_FILENO)) {
    progress = std::make_unique<ProgressBar>(streams.err);
  }
  ImportSummary summary;
  {
    const StopOnSignal stop;
    summary = import_paths(arguments.positional(), writer, options, detector, streams.err,
                           progress.get(), stop.requested());
  }
  const bool compact =
      !arguments.has("--no-compact") && !summary.interrupted && !summary.stopped_strict &&
      worth_compacting(summary.records() + summary.removed, writer.document_count());
  std::uintmax_t written_bytes = 0;
  if (compact) {
    written_bytes = index_size_bytes(db);
    compact_in_place(db);
  }

  if (!quiet) {
    char line[512];
    std::snprintf(
        line, sizeof line,
        "%s: %zu added, %zu replaced, %zu removed, %zu failed, %zu skipped; %zu files, %s in "
        "%.2f s (%.0f records/s); index %s: %u documents, %s%s\n",
        summary.stopped_strict ? "stopped (--strict), nothing written"
        : summary.interrupted  ? "interrupted, committed work kept"
                               : "done",
        summary.added, summary.replaced, summary.removed, summary.failed, summary.skipped,
        summary.files, megabytes(summary.bytes).c_str(), summary.seconds,
        summary.seconds > 0 ? summary.records() / summary.seconds : 0.0, db.c_str(),
        writer.document_count(), megabytes(index_size_bytes(db)).c_str(),
        compact ? (" (compacted from " + megabytes(written_bytes) + ")").c_str() : "");
    streams.out << line;
  }
  if (summary.interrupted) return 130;
  return summary.failed > 0 ? 1 : 0;
}

}  // namespace agora::index::cli
