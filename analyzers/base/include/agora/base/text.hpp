// Small text helpers: line numbers, file reading, ASCII case folding, trimming, joining
// and splitting.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace agora {

/// 1-based line number of byte `offset` in `text`.
int line_at(std::string_view text, std::size_t offset);

/// Line numbers for many offsets of one text, each in O(log lines).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  /// 1-based line number of byte `offset`.
  int line_at(std::size_t offset) const;

 private:
  std::vector<std::size_t> line_starts_;
};

/// The whole file as bytes; throws agora::InvalidInput naming the file when unreadable.
std::string read_file_bytes(const std::string& path);

/// `text` with ASCII capitals lowered; other bytes unchanged (for ids, tags and keys).
std::string lower_ascii(std::string text);

/// `text` without leading and trailing spaces, tabs and line breaks.
std::string trim_whitespace(std::string_view text);

/// `items` with `separator` between them.
std::string join(const std::vector<std::string>& items, std::string_view separator);

/// The pieces of `text` between `separator`s; a trailing separator adds no empty piece.
std::vector<std::string> split(std::string_view text, char separator);

/// The pieces of a list written "a, b,c": split at `separator`, trimmed, empty ones left out.
std::vector<std::string> split_list(std::string_view text, char separator = ',');

/// Now, in UTC, to the second: "2026-12-03T17:46:20Z" (OAI-PMH datestamps; sorts as it reads).
std::string utc_timestamp_now();

}  // namespace agora
