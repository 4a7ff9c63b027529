// The error hierarchy shared by every Agora layer.
#pragma once

#include <stdexcept>
#include <string>

namespace agora {

/// Base of every error Agora raises on purpose; `what()` is a message for humans.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The caller gave something malformed or unsupported (a bad tag, a broken record).
class InvalidInput : public Error {
 public:
  using Error::Error;
};

/// Something that was asked for does not exist.
class NotFound : public Error {
 public:
  using Error::Error;
};

/// Stored data could not be read back as written.
class CorruptIndex : public Error {
 public:
  using Error::Error;
};

/// A library we depend on failed in a way the caller cannot fix.
class InternalError : public Error {
 public:
  using Error::Error;
};

}  // namespace agora
