// Rows of the accounts table and what several services do with them: finding an account
// by name, the rule a new password follows, ending an account's sessions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "agora/community/accounts.hpp"
#include "agora/community/errors.hpp"
#include "agora/community/sqlite.hpp"

namespace agora::community {

/// The columns account_from() reads, in its order.
inline constexpr const char* kAccountColumns = "id, username, display_name, role, disabled";

/// The account in columns `first` … `first + 4` of `row` (kAccountColumns).
Account account_from(const sqlite::Statement& row, int first = 0);

/// The account named `username` (any case), or nullopt.
std::optional<Account> find_account(sqlite::Connection& connection, const std::string& username);

/// The account named `username`; NotFound when there is none.
Account require_account(sqlite::Connection& connection, const std::string& username);

/// What is wrong with a new password (registration, set-password, reset), or nullopt.
std::optional<FieldProblem> password_problem(const std::string& password);

/// Deletes every session of the account; how many there were.
int end_account_sessions(sqlite::Connection& connection, std::int64_t account_id);

}  // namespace agora::community
