// The name tables of the collaboration states.
#include "agora/community/states.hpp"

#include <array>
#include <utility>

#include "agora/error.hpp"

namespace agora::community {
namespace {

template <typename State, std::size_t N>
using NameTable = std::array<std::pair<State, std::string_view>, N>;

constexpr NameTable<ResourceStatus, 5> kResourceStatuses{{
    {ResourceStatus::pending, "pending"},
    {ResourceStatus::changes_requested, "changes_requested"},
    {ResourceStatus::published, "published"},
    {ResourceStatus::rejected, "rejected"},
    {ResourceStatus::deleted, "deleted"},
}};

constexpr NameTable<RevisionState, 6> kRevisionStates{{
    {RevisionState::pending, "pending"},
    {RevisionState::approved, "approved"},
    {RevisionState::changes_requested, "changes_requested"},
    {RevisionState::rejected, "rejected"},
    {RevisionState::superseded, "superseded"},
    {RevisionState::imported, "imported"},
}};

constexpr NameTable<Verdict, 3> kVerdicts{{
    {Verdict::approve, "approve"},
    {Verdict::changes, "changes"},
    {Verdict::reject, "reject"},
}};

constexpr NameTable<RequestStatus, 2> kRequestStatuses{{
    {RequestStatus::open, "open"},
    {RequestStatus::answered, "answered"},
}};

template <typename State, std::size_t N>
std::string_view find_name(const NameTable<State, N>& table, State value) {
  for (const auto& [state, name] : table) {
    if (state == value) return name;
  }
  throw InternalError("a collaboration state has no name");
}

template <typename State, std::size_t N>
std::optional<State> find_state(const NameTable<State, N>& table, std::string_view wanted) {
  for (const auto& [state, name] : table) {
    if (name == wanted) return state;
  }
  return std::nullopt;
}

}  // namespace

std::string_view name_of(ResourceStatus status) { return find_name(kResourceStatuses, status); }
std::string_view name_of(RevisionState state) { return find_name(kRevisionStates, state); }
std::string_view name_of(Verdict verdict) { return find_name(kVerdicts, verdict); }
std::string_view name_of(RequestStatus status) { return find_name(kRequestStatuses, status); }

template <>
std::optional<ResourceStatus> parse_state(std::string_view name) {
  return find_state(kResourceStatuses, name);
}
template <>
std::optional<RevisionState> parse_state(std::string_view name) {
  return find_state(kRevisionStates, name);
}
template <>
std::optional<Verdict> parse_state(std::string_view name) {
  return find_state(kVerdicts, name);
}
template <>
std::optional<RequestStatus> parse_state(std::string_view name) {
  return find_state(kRequestStatuses, name);
}

bool is_live(ResourceStatus status) {
  return status == ResourceStatus::pending || status == ResourceStatus::changes_requested ||
         status == ResourceStatus::published;
}

bool is_public(RevisionState state) {
  return state == RevisionState::approved || state == RevisionState::imported;
}

}  // namespace agora::community
