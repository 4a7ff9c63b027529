// Strict number parsing with std::from_chars: no locale, no leading space or sign games.
#include "agora/base/parse.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

#include "agora/error.hpp"

namespace agora {
namespace {

std::string shown(double number) {
  std::ostringstream out;
  out << number;
  return out.str();
}

}  // namespace

std::int64_t parse_whole_number(std::string_view text, std::string_view where, std::int64_t least,
                                std::int64_t most) {
  std::int64_t number = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, number);
  if (text.empty() || error != std::errc() || stop != end || number < least || number > most) {
    throw InvalidInput(std::string(where) + ": '" + std::string(text) +
                       "' must be a whole number from " + std::to_string(least) + " to " +
                       std::to_string(most));
  }
  return number;
}

double parse_decimal(std::string_view text, std::string_view where, double least, double most) {
  double number = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, number, std::chars_format::fixed);
  if (text.empty() || error != std::errc() || stop != end || !std::isfinite(number) ||
      number < least || number > most) {
    throw InvalidInput(std::string(where) + ": '" + std::string(text) + "' must be a number from " +
                       shown(least) + " to " + shown(most));
  }
  return number;
}

}  // namespace agora
