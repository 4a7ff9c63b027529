// Small UTF-8 helpers shared by the stages (decoding through ICU's macros).
#pragma once

#include <string>
#include <string_view>

#include <unicode/utf8.h>

namespace agora::analyzers::utf8 {

/// True when every byte is ASCII, so Unicode-aware work can be skipped.
inline bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

/// Rebuilds `text` with each code point replaced by `map(c)`; a negative result drops it.
/// Ill-formed bytes become U+FFFD.
template <typename Map>
std::string map_code_points(std::string_view text, Map&& map) {
  std::string out;
  out.reserve(text.size());
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c < 0) c = 0xFFFD;
    const UChar32 mapped = map(c);
    if (mapped < 0) continue;
    char buffer[U8_MAX_LENGTH];
    int32_t written = 0;
    [[maybe_unused]] UBool error = false;  // cannot happen: the buffer fits any code point
    U8_APPEND(buffer, written, U8_MAX_LENGTH, mapped, error);
    out.append(buffer, static_cast<std::size_t>(written));
  }
  return out;
}

/// Number of code points in `text`.
inline int32_t count_code_points(std::string_view text) {
  int32_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

}  // namespace agora::analyzers::utf8
