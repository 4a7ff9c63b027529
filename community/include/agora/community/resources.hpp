// The resource rows of the state, including those agora-index imported: a resource known
// only to the index gets its row the first time someone edits, rates or comments on it.
#pragma once

#include <string>

#include "agora/community/published_index.hpp"
#include "agora/community/record_rules.hpp"
#include "agora/community/state_database.hpp"

namespace agora::community {

class Resources {
 public:
  Resources(StateDatabase& state, PublishedIndex& index, const RecordRules& rules)
      : state_(state), index_(index), rules_(rules) {}

  /// Gives a resource known only to the index its row and first revision, so that it can
  /// be edited, rated and deleted like any other. False when the index does not have it
  /// either.
  bool adopt(const std::string& id);

  /// adopt(), and NotFound when there is nothing to adopt.
  void require(const std::string& id);

  /// Whether learners can see `id`, without adopting it.
  bool is_published(const std::string& id);

 private:
  StateDatabase& state_;
  PublishedIndex& index_;
  const RecordRules& rules_;
};

}  // namespace agora::community
