// /resource/{id}: a resource's own page, for learners without JavaScript and for web search
// engines (schema.org LearningResource JSON-LD, hreflang alternates between translations).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/community/views.hpp"
#include "agora/index/search.hpp"
#include "ui_strings.hpp"

namespace agora::searchd {

struct ResourcePageContent {
  nlohmann::json record;  ///< as the index stores it (with aggregateRating once rated)
  std::vector<index::Translation> other_versions;
  std::vector<community::CommentView> comments;
  std::string origin;  ///< "https://host": links in the JSON-LD and the alternates are absolute
};

/// The page in UI language `ui`; the resource's own text keeps its language.
std::string render_resource_page(const UiStrings& strings, const std::string& ui,
                                 const ResourcePageContent& content);

/// The page for a resource that cannot be shown, with the `status` and `detail` of the
/// problem: an id that names no resource (any more) is said in the learner's language.
std::string render_missing_resource_page(const UiStrings& strings, const std::string& ui,
                                         int status, const std::string& detail);

}  // namespace agora::searchd
