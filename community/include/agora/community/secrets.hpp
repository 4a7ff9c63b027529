// Passwords, tokens and their digests, with libsodium.
#pragma once

#include <cstdint>
#include <string>

namespace agora::community {

/// Argon2id hash in libsodium's self-describing string form (crypto_pwhash_str), at the
/// "interactive" cost: about 0.1 s and 64 MiB per hash.
std::string hash_password(const std::string& password);

/// True when `password` matches `hash`; constant time with respect to the password.
bool verify_password(const std::string& hash, const std::string& password);

/// 32 random bytes, URL-safe base64 without padding, after `prefix` ("agora_…").
std::string random_token(const std::string& prefix = "");

/// BLAKE2b digest of a token, hex. Tokens carry 256 random bits, so a fast hash is enough
/// to keep a stolen database from yielding usable tokens (passwords need Argon2id).
std::string token_digest(const std::string& token);

/// Seconds since the epoch, and the same as ISO 8601 UTC ("2026-11-25T14:00:00Z").
std::int64_t now_seconds();
std::string iso_time(std::int64_t seconds);

}  // namespace agora::community
