// The registry of analyzers, keyed by BCP-47 tag, with an explicit fallback chain.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "agora/analyzers/analyzer.hpp"

namespace agora::analyzers {

/// Which analyzer a tag resolved to, and how.
struct Resolution {
  const Analyzer* analyzer = nullptr;
  std::string canonical_tag;  ///< the requested tag in canonical form
  bool exact = false;         ///< false when the tag fell back to a script default or neutral
};

/// Builds every analyzer once; pass it by reference to whoever analyses text.
class Registry {
 public:
  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  /// Resolves a tag along `language` → script default → neutral ("pt-BR" → "pt",
  /// "nb" → "no", "ur" → "und-Arab", "sw" → "und").
  /// Throws agora::InvalidInput for a malformed tag; the message lists supported tags.
  Resolution resolve(std::string_view tag) const;

  /// Shorthand for `*resolve(tag).analyzer`.
  const Analyzer& for_tag(std::string_view tag) const { return *resolve(tag).analyzer; }

  /// The language-neutral analyzer ("und").
  const Analyzer& neutral() const;

  /// Every analyzer, ordered by tag.
  std::vector<const Analyzer*> analyzers() const;

  /// "ar (Arabic), ca (Catalan), …" for help texts and error messages.
  std::string supported_tags_text() const;

 private:
  std::map<std::string, std::unique_ptr<Analyzer>, std::less<>> by_tag_;
  std::map<std::string, const Analyzer*, std::less<>> by_alias_;
};

}  // namespace agora::analyzers
