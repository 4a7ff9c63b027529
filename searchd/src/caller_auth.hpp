// Who sent a request (session cookie or bearer token), and the CSRF check.
#pragma once

#include <string>

#include <httplib.h>

#include "agora/community/accounts.hpp"
#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

inline constexpr const char* kSessionCookie = "agora_session";

/// The caller of `request`. A bearer token that is unknown, revoked or expired is always
/// refused (401). A session cookie that is unknown or expired is refused when `strict`;
/// otherwise (public pages) the caller is just anonymous.
community::Caller identify(const httplib::Request& request, community::Accounts& accounts,
                           bool strict);

/// For requests that change something: a caller signed in by cookie must send the session's
/// CSRF token in X-CSRF-Token (or the csrf_token form field). community::Forbidden otherwise.
void require_csrf(const httplib::Request& request, const community::Caller& caller);

/// Set-Cookie values that open and end a session.
std::string session_cookie(const community::Session& session, const ServerConfig& config);
std::string ended_session_cookie(const ServerConfig& config);

/// The value of one cookie of the request, or "".
std::string cookie_value(const httplib::Request& request, const std::string& name);

}  // namespace agora::searchd
