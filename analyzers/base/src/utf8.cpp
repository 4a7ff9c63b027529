// UTF-8 validity through ICU's decoder, cutting and counting characters.
#include "agora/base/utf8.hpp"

#include <unicode/utf8.h>

#include "agora/base/text.hpp"

namespace agora {

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

std::size_t utf8_cut(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
    --at;
  }
  return at;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (const unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

std::optional<std::string> utf8_problem(std::string_view text) {
  const auto bad = first_invalid_utf8(text);
  if (!bad) return std::nullopt;
  return "not valid UTF-8 at line " + std::to_string(line_at(text, *bad)) + " (byte " +
         std::to_string(*bad) + "); convert the file to UTF-8";
}

}  // namespace agora
