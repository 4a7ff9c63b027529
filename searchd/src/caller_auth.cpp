// Identifying callers and checking CSRF tokens.
#include "caller_auth.hpp"

#include <sodium.h>

#include "agora/community/errors.hpp"
#include "agora/community/secrets.hpp"

namespace agora::searchd {
namespace {

std::string trim_spaces(const std::string& text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(' ') + 1 - first);
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string cookie_value(const httplib::Request& request, const std::string& name) {
  // "Cookie: a=1; agora_session=xyz" (RFC 6265 section 5.4): pairs separated by "; ".
  const std::string header = request.get_header_value("Cookie");
  std::size_t start = 0;
  while (start < header.size()) {
    const std::size_t end = std::min(header.find(';', start), header.size());
    const std::string pair = trim_spaces(header.substr(start, end - start));
    const std::size_t equals = pair.find('=');
    if (equals != std::string::npos && pair.substr(0, equals) == name) {
      return pair.substr(equals + 1);
    }
    start = end + 1;
  }
  return "";
}

community::Caller identify(const httplib::Request& request, community::Accounts& accounts,
                           bool strict) {
  const std::string authorization = request.get_header_value("Authorization");
  if (!authorization.empty()) {
    if (authorization.rfind("Bearer ", 0) != 0) {
      throw community::Unauthenticated("Authorization must be 'Bearer <token>'");
    }
    community::Caller caller;
    caller.account = accounts.account_for_token(trim_spaces(authorization.substr(7)));
    return caller;
  }
  const std::string token = cookie_value(request, kSessionCookie);
  if (token.empty()) return {};
  try {
    return accounts.session(token);
  } catch (const community::Unauthenticated&) {
    if (strict) throw;
    return {};
  }
}

void require_csrf(const httplib::Request& request, const community::Caller& caller) {
  if (!caller.by_session) return;  // bearer tokens and anonymous callers carry no cookie
  std::string sent = request.get_header_value("X-CSRF-Token");
  if (sent.empty() && request.has_param("csrf_token")) sent = request.get_param_value("csrf_token");
  if (sent.empty()) {
    throw community::Forbidden("missing CSRF token: send the X-CSRF-Token header given at sign-in");
  }
  if (!same_secret(sent, caller.csrf_token)) {
    throw community::Forbidden("wrong CSRF token for this session; reload the page");
  }
}

std::string session_cookie(const community::Session& session, const ServerConfig& config) {
  const std::int64_t seconds =
      std::max<std::int64_t>(0, session.expires_at - community::now_seconds());
  return std::string(kSessionCookie) + "=" + session.token + "; Path=/; HttpOnly; SameSite=Lax" +
         "; Max-Age=" + std::to_string(seconds) + (config.secure_cookies ? "; Secure" : "");
}

std::string ended_session_cookie(const ServerConfig& config) {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" +
         (config.secure_cookies ? "; Secure" : "");
}

}  // namespace agora::searchd
