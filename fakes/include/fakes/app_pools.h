// IIS 6.0's application pools of a fake machine: the pool an application runs in (its metabase
// node's AppPoolId, inherited from a parent node, else DefaultAppPool) and the identity a pool
// runs w3wp.exe as (state.products.app_pool_identity for DefaultAppPool, app_pools for the rest).
// Metabase paths and pool names compare case-insensitively, as the metabase's keys do.
//
//   std::string pool = fakes::AppPoolOf(machine.state(), "/LM/W3SVC/1/ROOT/shop");  // "DefaultAppPool"
//   const std::string* identity = fakes::AppPoolIdentityOf(machine.state(), pool);  // NETWORK SERVICE's
#pragma once

#include <string>

#include "fakes/state.h"

namespace fakes {

// The AppPoolId of the node `path` or of its nearest parent node setting one; DefaultAppPool when
// none does (AppPoolId's default: docs/windows-reference.md#app-pool-identity).
std::string AppPoolOf(const MachineState& state, const std::string& path);

// The identity the pool `pool` runs as; nullptr when IIS 6.0 has no pool of that name.
const std::string* AppPoolIdentityOf(const MachineState& state, const std::string& pool);

// How a capture lists each read it could not make (capture.unreadable's `read`), as aspnet-fixer's
// capture names them: "the application pool of /LM/W3SVC/1/ROOT/shop"; "the application pool
// identity" for DefaultAppPool's (the name captures always gave it), "the identity of application
// pool ShopPool" for another's.
std::string AppPoolRead(const std::string& application);
std::string AppPoolIdentityRead(const std::string& pool);

}  // namespace fakes
