// The web interface's strings, one JSON file per language in <web>/i18n/, shared by the
// JavaScript page and the server-rendered no-JavaScript page.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace agora::searchd {

class UiStrings {
 public:
  /// Loads <web>/i18n/languages.json and every <code>.json it lists; an empty `web`
  /// gives English keys only.
  explicit UiStrings(const std::string& web);

  /// The UI language for a request: `requested` when available, else "en".
  std::string choose(const std::string& requested) const;
  /// Available UI languages as {code, name, dir}.
  const std::vector<nlohmann::json>& languages() const { return languages_; }
  bool is_rtl(const std::string& language) const;

  /// The string for `key`, falling back to English, then to the key itself.
  std::string text(const std::string& language, const std::string& key) const;
  /// An ICU MessageFormat string with a {count} or {n} argument, plural rules included.
  std::string format(const std::string& language, const std::string& key,
                     const std::string& argument, long long value) const;
  /// The same with a text argument ("{language}").
  std::string format(const std::string& language, const std::string& key,
                     const std::string& argument, const std::string& value) const;

 private:
  std::map<std::string, nlohmann::json> strings_;
  std::vector<nlohmann::json> languages_;
};

}  // namespace agora::searchd
