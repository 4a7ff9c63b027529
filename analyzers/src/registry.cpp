// Builds one analyzer per language profile and resolves tags to them.
#include "agora/analyzers/registry.hpp"

#include <sstream>

#include "agora/analyzers/language_tag.hpp"
#include "agora/analyzers/stages.hpp"
#include "agora/error.hpp"
#include "language_profiles.hpp"

namespace agora::analyzers {
namespace {

// Stopword lists are written in plain spelling; run each word through the chain built so
// far so it compares equal to the terms the chain produces.
std::vector<std::string> normalised_stopwords(std::string_view list, const Analyzer& chain) {
  std::vector<std::string> words;
  std::istringstream lines{std::string(list)};
  for (std::string line; std::getline(lines, line);) {
    for (const Token& token : chain.analyze(line)) {
      if (token.kind != TokenKind::part) words.push_back(token.term);
    }
  }
  return words;
}

std::string icu_locale_for(const std::string& tag) {
  return tag.rfind("und", 0) == 0 ? std::string() : tag;
}

// The one place where the order of the stages is decided.
std::unique_ptr<Analyzer> build_analyzer(const LanguageProfile& profile) {
  AnalyzerBuilder chain(profile.tag, profile.name, icu_locale_for(profile.tag));
  chain.then(make_technical_token_merger())
      .then(make_compound_splitter())  // needs raw source text: stays before any rewrite
      .then(make_apostrophe_unifier());
  if (profile.turkic_case) chain.then(make_turkic_lowercaser());
  chain.then(make_case_folder());
  if (profile.cleanup != ScriptCleanup::none) chain.then(make_arabic_normalizer());
  if (profile.cleanup == ScriptCleanup::persian) chain.then(make_persian_normalizer());
  if (profile.turkic_case) chain.then(make_apostrophe_suffix_stripper());
  if (!profile.elided_articles.empty()) {
    chain.then(make_elision_stripper(profile.elided_articles));
  }
  chain.then(make_edge_punctuation_trimmer()).then(make_accent_folder());
  if (!profile.snowball.empty()) chain.then_stem_with(profile.snowball);
  // Bigrams come last: they add tokens, and the per-word stages above stay one run.
  chain.then(make_cjk_bigrammer());
  const std::string_view stopwords = stopword_list(profile.tag);
  if (!stopwords.empty()) {
    chain.then_at_query(make_stopword_filter(normalised_stopwords(stopwords, chain.partial())));
  }
  return chain.build();
}

}  // namespace

Registry::Registry() {
  for (const LanguageProfile& profile : language_profiles()) {
    const Analyzer* analyzer =
        by_tag_.emplace(profile.tag, build_analyzer(profile)).first->second.get();
    by_alias_.emplace(profile.tag, analyzer);
    for (const std::string& alias : profile.aliases) by_alias_.emplace(alias, analyzer);
  }
}

Registry::~Registry() = default;

Resolution Registry::resolve(std::string_view tag) const {
  LanguageTag parsed;
  try {
    parsed = parse_language_tag(tag);
  } catch (const InvalidInput& error) {
    throw InvalidInput(std::string(error.what()) + "; supported: " + supported_tags_text());
  }
  Resolution resolution;
  resolution.canonical_tag = parsed.canonical;
  const std::string& script = parsed.script.empty() ? parsed.likely_script : parsed.script;
  // "und-Arab" names a script default itself; any other "und-…" falls through to them too.
  if (parsed.language == "und" && !parsed.script.empty()) {
    if (auto found = by_tag_.find("und-" + parsed.script); found != by_tag_.end()) {
      resolution.analyzer = found->second.get();
      resolution.exact = true;
      return resolution;
    }
  }
  if (auto found = by_alias_.find(parsed.language); found != by_alias_.end()) {
    resolution.analyzer = found->second;
    resolution.exact = true;
    return resolution;
  }
  if (auto found = by_tag_.find("und-" + script); !script.empty() && found != by_tag_.end()) {
    resolution.analyzer = found->second.get();
    return resolution;
  }
  resolution.analyzer = &neutral();
  return resolution;
}

const Analyzer& Registry::neutral() const { return *by_tag_.find("und")->second; }

std::vector<const Analyzer*> Registry::analyzers() const {
  std::vector<const Analyzer*> all;
  for (const auto& [tag, analyzer] : by_tag_) all.push_back(analyzer.get());
  return all;
}

std::string Registry::supported_tags_text() const {
  std::string text;
  for (const auto& [tag, analyzer] : by_tag_) {
    if (!text.empty()) text += ", ";
    text += tag + " (" + analyzer->display_name() + ")";
  }
  return text;
}

}  // namespace agora::analyzers
