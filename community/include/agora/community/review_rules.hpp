// How many approvals publish a submission, and the collection of records that name none.
#pragma once

#include <string>

namespace agora::community {

struct ReviewRules {
  int approvals_required = 1;            ///< approvals from reviewers other than the author
  std::string collection = "community";  ///< for submitted records that name none
};

}  // namespace agora::community
