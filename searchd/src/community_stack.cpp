// Building the collaboration services from the server's settings.
#include "community_stack.hpp"

namespace agora::searchd {

CommunityStack::CommunityStack(const ServerConfig& config, const analyzers::Registry& registry,
                               std::function<index::Searcher&()> searcher)
    : state(state_path(config)),
      accounts(state),
      passwords(state),
      published(config.db, registry, std::move(searcher)),
      review_rules{config.approvals, "community"},
      record_rules(registry, review_rules.collection),
      index_sync(state, published, record_rules),
      resources(state, published, record_rules),
      submissions(state, published, index_sync, resources, record_rules, review_rules),
      reviews(state, index_sync, record_rules, review_rules),
      views(state, published, review_rules),
      feedback(state, resources, index_sync),
      requests(state, published, registry),
      registrations(static_cast<std::size_t>(config.registrations_per_hour), 3600),
      anonymous_requests(static_cast<std::size_t>(config.anonymous_requests_per_hour), 3600),
      reset_failures(5, 15 * 60) {}

}  // namespace agora::searchd
