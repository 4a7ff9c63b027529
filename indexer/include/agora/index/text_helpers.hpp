// Small text helpers shared by the readers, the index and searchd: UTF-8 checks, line
// numbers, file reading, ASCII case folding, trimming, joining and splitting.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agora::index {

/// Byte offset of the first ill-formed UTF-8 sequence, or nullopt when `text` is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

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

/// "not valid UTF-8 at line L (byte B); convert the file to UTF-8" when `text` is
/// ill-formed, else nullopt.
std::optional<std::string> utf8_problem(std::string_view text);

/// The largest offset <= `at` (and <= text.size()) that does not fall inside a UTF-8
/// multi-byte sequence: where `text` can be cut without splitting a character.
std::size_t utf8_cut(std::string_view text, std::size_t at);

/// `text` with ASCII capitals lowered; other bytes unchanged (for ids, tags and keys).
std::string lower_ascii(std::string text);

/// Number of characters (code points) of UTF-8 `text`: the bytes that start one.
std::size_t utf8_length(std::string_view text);

/// `text` without leading and trailing spaces, tabs and line breaks.
std::string trim_whitespace(std::string_view text);

/// `items` with `separator` between them.
std::string join(const std::vector<std::string>& items, std::string_view separator);

/// The pieces of `text` between `separator`s; a trailing separator adds no empty piece.
std::vector<std::string> split(std::string_view text, char separator);

}  // namespace agora::index
