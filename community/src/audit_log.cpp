// Appending to and reading the audit log.
#include "agora/community/audit_log.hpp"

#include "agora/community/secrets.hpp"

namespace agora::community {

void append_audit(sqlite::Connection& connection, const Actor& actor, const std::string& action,
                  const std::string& subject, const nlohmann::json& detail) {
  sqlite::Statement(connection,
                    "INSERT INTO audit_log (at, actor_id, actor, action, subject, detail) "
                    "VALUES (?, ?, ?, ?, ?, ?)")
      .bind_all(now_seconds(), actor.id, actor.name, action, subject,
                detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
      .run();
}

std::vector<AuditEntry> recent_audit(sqlite::Connection& connection, std::int64_t limit) {
  sqlite::Statement query(connection,
                          "SELECT id, at, actor, action, subject, detail FROM audit_log "
                          "ORDER BY id DESC LIMIT ?");
  query.bind(1, limit);
  std::vector<AuditEntry> entries;
  while (query.step()) {
    entries.push_back({query.integer(0), query.integer(1), query.text(2), query.text(3),
                       query.text(4), nlohmann::json::parse(query.text(5))});
  }
  return entries;
}

}  // namespace agora::community
