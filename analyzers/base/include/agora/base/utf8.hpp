// UTF-8 helpers: validity, where a text may be cut, and its length in characters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace agora {

/// Byte offset of the first ill-formed UTF-8 sequence, or nullopt when `text` is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// "not valid UTF-8 at line L (byte B); convert the file to UTF-8" when `text` is
/// ill-formed, else nullopt.
std::optional<std::string> utf8_problem(std::string_view text);

/// The largest offset <= `at` (and <= text.size()) that does not fall inside a UTF-8
/// multi-byte sequence: where `text` can be cut without splitting a character.
std::size_t utf8_cut(std::string_view text, std::size_t at);

/// Number of characters (code points) of UTF-8 `text`: the bytes that start one.
std::size_t utf8_length(std::string_view text);

}  // namespace agora
