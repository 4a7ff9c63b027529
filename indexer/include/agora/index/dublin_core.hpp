// How Agora's record fields and Dublin Core elements (OAI-PMH's oai_dc) correspond: one
// table for reading harvested records and for answering harvesters at /oai.
#pragma once

#include <string_view>

namespace agora::index {

struct DublinCoreElement {
  std::string_view element;  ///< without its prefix: "title" is dc:title
  std::string_view field;    ///< the native record field
  bool repeated;             ///< every occurrence is kept (a list); else the first wins
};

/// dc:relation is not here: it carries links to translations ("hasTranslation: URL") and is
/// read and written as such.
inline constexpr DublinCoreElement kDublinCoreElements[] = {
    {"title", "title", false},
    {"description", "description", false},
    {"identifier", "url", false},  // only an http(s) address is the resource's url
    {"language", "inLanguage", false},
    {"rights", "license", false},
    {"type", "learningResourceType", true},
    {"subject", "about", true},
    {"creator", "author", true},
    {"publisher", "publisher", false},
    {"date", "datePublished", false},
};

}  // namespace agora::index
