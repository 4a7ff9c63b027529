// The states a resource, a revision and a request pass through, and the verdicts of a
// review. Each enum has one table of names: the names are what the state database stores
// (its CHECK constraints list the same words) and what the API shows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace agora::community {

/// Where a resource stands: under review, sent back, visible to learners, refused, or
/// deleted (restorable by an admin).
enum class ResourceStatus { pending, changes_requested, published, rejected, deleted };

/// Where one revision stands: waiting, accepted, sent back, refused, replaced by a newer
/// edit before review, or the record agora-index imported.
enum class RevisionState { pending, approved, changes_requested, rejected, superseded, imported };

/// What a reviewer decides about one revision.
enum class Verdict { approve, changes, reject };

/// Whether a learner's request still waits for a resource.
enum class RequestStatus { open, answered };

std::string_view name_of(ResourceStatus status);
std::string_view name_of(RevisionState state);
std::string_view name_of(Verdict verdict);
std::string_view name_of(RequestStatus status);

/// The value named `name`, or nullopt. The database only holds names these accept.
template <typename State>
std::optional<State> parse_state(std::string_view name);

/// Statuses in which a resource still counts as Agora's (its duplicates are refused):
/// pending, changes_requested and published.
bool is_live(ResourceStatus status);

/// Revisions anyone may read in a resource's history: approved and imported ones.
bool is_public(RevisionState state);

}  // namespace agora::community
