// app_pools.h: which pool an application runs in, and as whom.
#include "fakes/app_pools.h"

#include "fixer/name_case.h"

namespace fakes {

std::string AppPoolOf(const MachineState& state, const std::string& path) {
  // AppPoolId is INHERIT: a node without one takes its parent's, up to /LM/W3SVC.
  std::string node = path;
  while (!node.empty()) {
    for (const auto& [set_at, pool] : state.products.app_pool_ids) {
      if (fixer::SameWindowsName(set_at, node)) return pool;
    }
    const size_t slash = node.rfind('/');
    node.resize(slash == std::string::npos ? 0 : slash);
  }
  return std::string(fixer::kDefaultAppPool);
}

const std::string* AppPoolIdentityOf(const MachineState& state, const std::string& pool) {
  if (fixer::SameWindowsName(pool, fixer::kDefaultAppPool)) return &state.products.app_pool_identity;
  for (const auto& [name, identity] : state.products.app_pools) {
    if (fixer::SameWindowsName(name, pool)) return &identity;
  }
  return nullptr;
}

std::string AppPoolRead(const std::string& application) { return "the application pool of " + application; }

std::string AppPoolIdentityRead(const std::string& pool) {
  if (fixer::SameWindowsName(pool, fixer::kDefaultAppPool)) return "the application pool identity";
  return "the identity of application pool " + pool;
}

}  // namespace fakes
