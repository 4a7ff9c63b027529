// Format readers turn input files into import items; one reader per format.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "agora/index/record.hpp"

namespace agora::index {

/// What a reader found at one place of an input file.
struct ImportItem {
  /// `skipped`: the file is not a record at all (a JSON Schema); `failure.message` says why.
  enum class Kind { record, deletion, failure, skipped };
  Kind kind = Kind::record;
  SourceLocation where;                              ///< the record's first line
  nlohmann::json fields = nlohmann::json::object();  ///< native field names (inLanguage, ...)
  std::map<std::string, int> field_lines;            ///< line of each field, when the format tells
  std::string deleted_id;                            ///< for deletions (OAI-PMH status="deleted")
  FieldError failure;                                ///< for failures: why nothing could be read
};

using ItemSink = std::function<void(ImportItem&&)>;

/// An item saying that nothing could be read at `file`:`line` because of `field`.
ImportItem failure_item(const std::string& file, int line, std::string field, std::string message);

/// Options that change how files are read.
struct ReadOptions {
  /// Prefix for the url of HTML pages that have no <link rel="canonical">.
  std::string base_url;
  /// Collection for records that name none (OAI-PMH records default to the repository host).
  std::string collection;
  /// The --format the user forced ("jsonl" reads any file as JSON Lines), or empty.
  std::string format;
};

/// One file to read: where it is, and how it is named in messages and ids.
struct InputFile {
  std::filesystem::path path;  ///< to open
  std::string display;         ///< as the user named it, for messages
  std::string relative;        ///< below the PATH argument, '/'-separated: for urls
  /// The id of a record that names none: the path from the folder that holds the PATH
  /// argument, without the extension ("de-DE/apt" for PATH html/de-DE). See
  /// docs/index-schema.md, "Ids made from paths".
  std::string id_from_path;
  /// The language --lang-from-path found in the path, if it did.
  std::optional<std::string> path_language;
  /// The work --work-from-path found in the path, if it did.
  std::optional<std::string> path_work;
};

/// Reads one input format.
class FormatReader {
 public:
  virtual ~FormatReader() = default;
  /// Short name used by --format ("jsonl", "md", "html", "xml").
  virtual std::string_view name() const = 0;
  /// Sends every record, deletion or failure in `file` to `sink`, in file order.
  virtual void read(const InputFile& file, const ReadOptions& options,
                    const ItemSink& sink) const = 0;
};

std::unique_ptr<FormatReader> make_json_reader();      ///< .json, .jsonl (native and JSON-LD)
std::unique_ptr<FormatReader> make_markdown_reader();  ///< .md with YAML front matter
std::unique_ptr<FormatReader> make_html_reader();      ///< .html, .htm
std::unique_ptr<FormatReader> make_oai_pmh_reader();   ///< .xml OAI-PMH ListRecords, oai_dc

/// The reader for a --format name or a file extension (with or without the dot);
/// nullptr when there is none.
const FormatReader* reader_for(std::string_view format_or_extension);

}  // namespace agora::index
