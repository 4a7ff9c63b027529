// Loading UI strings and formatting plural messages with ICU.
#include "ui_strings.hpp"

#include <filesystem>
#include <fstream>

#include <unicode/msgfmt.h>

#include "agora/error.hpp"

namespace agora::searchd {
namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream file(path);
  if (!file) throw InvalidInput(path.string() + ": cannot be read");
  try {
    return nlohmann::json::parse(file);
  } catch (const nlohmann::json::parse_error& error) {
    throw InvalidInput(path.string() + ": not valid JSON: " + error.what());
  }
}

}  // namespace

UiStrings::UiStrings(const std::string& web) {
  if (web.empty()) return;
  const std::filesystem::path folder = std::filesystem::path(web) / "i18n";
  if (!std::filesystem::exists(folder / "languages.json")) return;
  for (const nlohmann::json& language : read_json(folder / "languages.json")) {
    const std::string code = language.value("code", "");
    const auto file = folder / (code + ".json");
    if (code.empty() || !std::filesystem::exists(file)) continue;
    strings_[code] = read_json(file);
    languages_.push_back(language);
  }
}

std::string UiStrings::choose(const std::string& requested) const {
  if (strings_.count(requested)) return requested;
  const std::string primary = requested.substr(0, requested.find('-'));
  if (strings_.count(primary)) return primary;
  return "en";
}

bool UiStrings::is_rtl(const std::string& language) const {
  for (const nlohmann::json& entry : languages_) {
    if (entry.value("code", "") == language) return entry.value("dir", "ltr") == "rtl";
  }
  return false;
}

std::string UiStrings::text(const std::string& language, const std::string& key) const {
  for (const std::string& candidate : {language, std::string("en")}) {
    const auto found = strings_.find(candidate);
    if (found != strings_.end() && found->second.contains(key) && found->second[key].is_string()) {
      return found->second[key].get<std::string>();
    }
  }
  return key;
}

namespace {

// One named argument put into an ICU MessageFormat pattern; the pattern as it is when it
// does not parse, so that a bad translation shows rather than nothing.
std::string format_message(const std::string& pattern, const std::string& language,
                           const std::string& argument, const icu::Formattable& value) {
  UErrorCode status = U_ZERO_ERROR;
  icu::MessageFormat message(icu::UnicodeString::fromUTF8(pattern), icu::Locale(language.c_str()),
                             status);
  if (U_FAILURE(status)) return pattern;
  const icu::UnicodeString names[] = {icu::UnicodeString::fromUTF8(argument)};
  icu::UnicodeString result;
  message.format(names, &value, 1, result, status);
  if (U_FAILURE(status)) return pattern;
  std::string out;
  result.toUTF8String(out);
  return out;
}

}  // namespace

std::string UiStrings::format(const std::string& language, const std::string& key,
                              const std::string& argument, long long value) const {
  return format_message(text(language, key), language, argument,
                        icu::Formattable(static_cast<int64_t>(value)));
}

std::string UiStrings::format(const std::string& language, const std::string& key,
                              const std::string& argument, const std::string& value) const {
  return format_message(text(language, key), language, argument,
                        icu::Formattable(icu::UnicodeString::fromUTF8(value)));
}

}  // namespace agora::searchd
