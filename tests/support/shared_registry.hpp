// One analyzer registry for a whole test program: building every analyzer takes a while,
// and a registry is immutable, so tests share it.
#pragma once

#include "agora/analyzers/registry.hpp"

namespace agora::test {

inline const analyzers::Registry& shared_registry() {
  static const analyzers::Registry registry;
  return registry;
}

}  // namespace agora::test
