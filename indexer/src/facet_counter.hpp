// A Xapian match spy that counts facet values per work rather than per document.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "agora/index/index_schema.hpp"
#include "agora/index/search.hpp"

namespace agora::index {

// Counts, for each facet value, the distinct works (translations collapsed) among the
// matching documents, so that a facet count equals the total its filter would give.
class CollapsedFacetCounter final : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double) override {
    // Works are numbered on first sight, so the per-value bookkeeping is integers.
    const auto [entry, added] =
        work_numbers_.try_emplace(document.get_value(schema::kWorkKey), work_numbers_.size());
    const std::uint32_t work = entry->second;
    for (std::size_t facet = 0; facet < kFacets; ++facet) {
      const schema::FilterField& field = schema::kFilterFields[facet];
      const std::string value = document.get_value(field.value);
      if (field.multi_valued) {
        add_list(facet, value, work);
      } else {
        add(facet, value, work);
      }
    }
  }

  std::size_t distinct_works() const { return work_numbers_.size(); }

  /// The counts, each multiplied by `scale` (1 when every candidate was seen).
  std::map<std::string, std::vector<FacetCount>> facets(double scale) {
    std::map<std::string, std::vector<FacetCount>> out;
    for (std::size_t facet = 0; facet < kFacets; ++facet) {
      std::vector<FacetCount>& counts = out[std::string(schema::kFilterFields[facet].name)];
      for (auto& [value, works] : values_[facet]) {
        std::sort(works.begin(), works.end());
        const auto distinct = std::unique(works.begin(), works.end()) - works.begin();
        counts.push_back({value, static_cast<Xapian::doccount>(
                                     std::llround(static_cast<double>(distinct) * scale))});
      }
      std::stable_sort(counts.begin(), counts.end(),
                       [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    }
    return out;
  }

 private:
  static constexpr std::size_t kFacets = std::size(schema::kFilterFields);

  void add(std::size_t facet, const std::string& value, std::uint32_t work) {
    if (!value.empty()) values_[facet][value].push_back(work);
  }
  void add_list(std::size_t facet, const std::string& joined, std::uint32_t work) {
    std::size_t start = 0;
    while (start < joined.size()) {
      std::size_t end = joined.find(schema::kListSeparator, start);
      if (end == std::string::npos) end = joined.size();
      add(facet, joined.substr(start, end - start), work);
      start = end + 1;
    }
  }

  std::unordered_map<std::string, std::uint32_t> work_numbers_;
  std::map<std::string, std::vector<std::uint32_t>> values_[kFacets];
};

}  // namespace agora::index
