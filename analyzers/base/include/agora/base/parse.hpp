// Strict number parsing: the whole text is the number, in range, or the error says which
// setting or field was wrong and what it accepts. "12abc", " 12", "+12", "" and "1e3" for a
// whole number are all refused.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace agora {

/// `text` as a whole number from `least` to `most`; InvalidInput naming `where` otherwise
/// ("--port: '70000' must be a whole number from 0 to 65535").
std::int64_t parse_whole_number(std::string_view text, std::string_view where, std::int64_t least,
                                std::int64_t most);

/// The same, as the type the caller keeps it in.
template <typename Integer>
Integer parse_whole_number_as(std::string_view text, std::string_view where, Integer least,
                              Integer most) {
  return static_cast<Integer>(parse_whole_number(text, where, static_cast<std::int64_t>(least),
                                                 static_cast<std::int64_t>(most)));
}

/// `text` as a decimal number ("0.5", "12") from `least` to `most`.
double parse_decimal(std::string_view text, std::string_view where, double least, double most);

}  // namespace agora
