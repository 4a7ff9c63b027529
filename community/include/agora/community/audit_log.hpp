// The audit log: who did what to what, appended in the transaction of the change itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/community/sqlite.hpp"

namespace agora::community {

/// Who acts: an account, or the command line (id empty, name "command line").
struct Actor {
  std::optional<std::int64_t> id;
  std::string name;
};

/// Appends one entry; call it inside the transaction that makes the change.
void append_audit(sqlite::Connection& connection, const Actor& actor, const std::string& action,
                  const std::string& subject,
                  const nlohmann::json& detail = nlohmann::json::object());

/// One entry: `detail` is the free-form record of the change, as appended.
struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::string actor;
  std::string action;
  std::string subject;
  nlohmann::json detail;
};

/// The newest `limit` entries, newest first.
std::vector<AuditEntry> recent_audit(sqlite::Connection& connection, std::int64_t limit);

}  // namespace agora::community
