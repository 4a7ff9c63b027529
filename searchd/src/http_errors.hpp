// Refusals of the HTTP layer itself, before any request reaches the search or the
// collaboration layer; problem.cpp maps them like every other error.
#pragma once

#include "agora/error.hpp"

namespace agora::searchd {

/// The body is not in a media type the route reads (415).
class UnsupportedMediaType : public Error {
 public:
  using Error::Error;
};

/// The body is longer than --max-body-bytes (413).
class BodyTooLarge : public Error {
 public:
  using Error::Error;
};

}  // namespace agora::searchd
