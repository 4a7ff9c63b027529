// Who may see and change a resource beyond what their role allows everyone.
#pragma once

#include "agora/community/accounts.hpp"
#include "resource_rows.hpp"

namespace agora::community {

inline bool is_author(const Caller& caller, const ResourceRow& row) {
  return caller.account && row.author_id && *row.author_id == caller.account->id;
}

/// Work under review is read by its author and by reviewers.
inline bool may_see_unpublished(const Caller& caller, const ResourceRow& row) {
  return is_author(caller, row) || caller.has_role(Role::reviewer);
}

}  // namespace agora::community
