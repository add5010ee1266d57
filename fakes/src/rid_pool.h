// The SAM's pool of RIDs: which RIDs an account or group of the machine's domain may hold, and
// when none is left to give (docs/windows-reference.md#sids).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fakes/sam.h"

namespace fakes {

// The SAM keeps its next RID in 32 bits and never wraps [M]: the last RID it gives is the one
// below the largest (the next RID then holds 4294967295, "none left"), so no RID is given twice.
inline constexpr uint32_t kNoRidLeft = 0xFFFFFFFF;
inline constexpr uint32_t kLastAccountRid = kNoRidLeft - 1;
// Creating an account or group when no RID is left answers fixer::kErrorNoMoreRids (8209,
// ERROR_DS_NO_MORE_RIDS, "The directory service has exhausted the pool of relative identifiers.") [M].

// Why an account or group the SAM made (not a built-in one) cannot hold `rid`: below 1000 (the
// well-known RIDs, MS-SAMR) or past the last RID the SAM gives; nullopt when it can.
std::optional<std::string> MadeRidProblem(uint32_t rid);

// Whether `rid` is a built-in account's (DOMAIN_USER_RID_ADMIN 500, DOMAIN_USER_RID_GUEST 501).
inline bool IsBuiltinAccountRid(uint32_t rid) { return rid == kAdministratorRid || rid == kGuestRid; }

}  // namespace fakes
