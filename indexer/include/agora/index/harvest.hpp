// agora-index harvest: records from an OAI-PMH 2.0 repository over HTTP, page by page.
#pragma once

#include <atomic>
#include <chrono>
#include <iosfwd>
#include <optional>
#include <string>

#include "agora/analyzers/language_detector.hpp"
#include "agora/index/index_writer.hpp"

namespace agora::index {

struct HarvestOptions {
  std::string url;  ///< the repository's base URL (without ?verb=...)
  std::string set;  ///< an OAI set, or empty for all records
  /// Harvest records changed since this date; by default since the last complete harvest
  /// of the same source, prefix and set (all records the first time).
  std::optional<std::string> from;
  std::optional<std::string> until;
  std::string metadata_prefix = "oai_dc";  ///< oai_dc or a LOM prefix (lom)
  std::string collection;                  ///< of records; default: the repository's host
  bool restart = false;                   ///< ignore an interrupted harvest's place and start again
  int attempts = 5;                       ///< per request, before the harvest stops
  std::chrono::seconds first_backoff{1};  ///< doubled at each further attempt
  std::chrono::seconds longest_wait{600};  ///< a longer Retry-After is cut to this
  std::chrono::seconds request_timeout{120};
};

struct HarvestSummary {
  std::size_t pages = 0;
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t removed = 0;
  std::size_t failed = 0;    ///< records refused (reported one by one)
  std::size_t retries = 0;   ///< requests made again after a 503, a timeout or a bad page
  bool resumed = false;      ///< went on from where an interrupted harvest stopped
  std::string from;          ///< the from date asked for, when one was
  bool complete = false;     ///< reached the end of the list
  bool interrupted = false;  ///< stopped by a signal after a committed page
  std::string stopped_by;    ///< why an incomplete harvest stopped, for people
};

/// Harvests `options.url` into `writer`, committing after each page together with where
/// the harvest stands, so that an interrupted harvest (or one a repository broke off)
/// goes on from its last page next time. Records that fail the record rules are reported
/// to `errors` as `source: identifier: field: message` and skipped; deletions remove
/// records. `stop` is polled between pages.
HarvestSummary harvest(const HarvestOptions& options, IndexWriter& writer,
                       const analyzers::LanguageDetector& detector, std::ostream& errors,
                       const std::atomic<bool>* stop);

}  // namespace agora::index
