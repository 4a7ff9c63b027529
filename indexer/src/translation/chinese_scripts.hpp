// Simplified and Traditional Chinese, converted by OpenCC, so that a query in one script
// also finds pages written in the other.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace agora::index {

/// OpenCC's phrase-aware converters both ways (s2t.json and t2s.json, as Debian installs
/// them). Each searcher holds its own: a converter is not shared between threads.
class ChineseScripts {
 public:
  /// Opens both converters; when OpenCC's data is missing, `available()` is false and
  /// every conversion gives its input back.
  ChineseScripts();
  ~ChineseScripts();
  ChineseScripts(const ChineseScripts&) = delete;
  ChineseScripts& operator=(const ChineseScripts&) = delete;

  bool available() const { return simplified_to_traditional_ && traditional_to_simplified_; }
  std::string to_traditional(std::string_view text) const;
  std::string to_simplified(std::string_view text) const;

  struct Converter;  ///< one OpenCC handle, defined where OpenCC is included

 private:
  std::unique_ptr<Converter> simplified_to_traditional_;
  std::unique_ptr<Converter> traditional_to_simplified_;
};

}  // namespace agora::index
