// The versions of a work (its translations) and which of them a learner is shown.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "agora/index/search.hpp"
#include "display_fields.hpp"

namespace agora::index {

/// Whether a hit may be shown as another version in `language`: not when the learner sorts
/// by date (the date shown is the one sorted on) nor when a language filter leaves it out.
bool may_show_in(const std::string& language, const SearchRequest& request);

struct Version {
  Xapian::docid docid = 0;
  DisplayFields shown;
};

/// Every version of the work of `document`, itself first.
std::vector<Version> versions_of(const Xapian::Database& database, Xapian::docid docid,
                                 const Xapian::Document& document);

/// The version to show a learner: the matched one when it is in the learner's language,
/// else a version in it (the learner's exact tag first: pt-BR before pt-PT), else the
/// matched one.
std::size_t version_to_show(const std::vector<Version>& versions, const SearchRequest& request,
                            const std::string& learner);

/// The link to another version, as a hit lists it.
Translation link_to(const DisplayFields& shown);

}  // namespace agora::index
